import type { Predicate } from '@newsgraph/shared';
import type { NeighborArgs } from '../src/core/query-arguments.ts';
import type { CypherStatement } from '../src/cypher/cypher-statement.ts';
import * as q from '../src/cypher/query-statements.ts';
import * as w from '../src/cypher/write-statements.ts';
import * as c from '../src/cypher/curation-statements.ts';
import * as al from '../src/cypher/alias-statements.ts';
import * as t from '../src/cypher/strength-tiers.ts';
import * as k from '../src/cypher/edge-keys.ts';
import * as mm from '../src/cypher/mirror-months.ts';

/**
 * The statements whose text depends on the server version (the degree lookups of the strength
 * tiers: `COUNT { }` on 5.x, `size(( ))` before it); every other one is the same for all.
 */
export const DIALECT_SPECIFIC: ReadonlyMap<string, 'neo4j-5' | 'legacy'> = new Map([
  ['strengthTierDegrees5', 'neo4j-5'],
  ['strengthTierDegreesLegacy', 'legacy'],
]);

/** Every statement builder of the Neo4j store, called with `input` in every name, id and text. */
export function allStatements(input: string): Array<[string, CypherStatement]> {
  const ids = [input, `${input}2`];
  const article = {
    id: input,
    url: input,
    canonicalUrl: input,
    title: input,
    outlet: input,
    author: input,
    publishedAt: '2024-01-01T00:00:00.000Z',
    fetchedAt: '2024-01-01T00:00:00.000Z',
    language: input,
    text: input,
    contentHash: input,
    sourceId: input,
  };
  const entityRow = { id: input, type: 'Person', name: input, aliases: [input], aliasesText: input, attributes: JSON.stringify({ [input]: input }) };
  const claim = {
    articleId: input,
    subjectId: input,
    predicate: 'MET_WITH' as Predicate,
    objectId: input,
    sentence: input,
    start: 0,
    end: 5,
    rule: input,
    confidence: 0.5,
    modality: 'negated' as const,
    antecedentSentence: input,
    antecedentStart: 0,
    antecedentEnd: 3,
    seenAt: input,
  };
  const change = { articles: 1, units: 2, addedFirst: input, addedLast: input, removedFirst: input, removedLast: input };
  const neighbors = (over: Partial<NeighborArgs> = {}): NeighborArgs => ({
    id: input,
    predicates: null,
    reportedBy: false,
    types: null,
    direction: 'both',
    since: null,
    until: null,
    limit: 50,
    ...over,
  });
  const mention = { articleId: input, entityId: input, count: 1, starts: [0], ends: [3], texts: [input], seenAt: input };
  const filter = { since: '2024-01-01T00:00:00.000Z', types: ['Person' as const] };
  const all = { since: null, types: null };
  return [
    ['readArticleHashes', w.readArticleHashesStatement(ids)],
    ['lockArticles', w.lockArticlesStatement(ids)],
    ['readMentionContributions', w.readMentionContributionsStatement(ids)],
    ['readClaimContributions', w.readClaimContributionsStatement(ids)],
    ['lockEntities', w.lockEntitiesStatement(ids)],
    ['deleteArticleContents', w.deleteArticleContentsStatement(ids)],
    ['upsertArticles', w.upsertArticlesStatement([w.articleRow(article, '2024-01-01T00:00:00.000Z')])],
    ['upsertEntities', w.upsertEntitiesStatement([entityRow])],
    ['createNameKeys', w.createNameKeysStatement([{ entityId: input, key: input, full: true }])],
    ['deleteOrphanEntities', w.deleteOrphanEntitiesStatement([{ entityId: input, ...change }])],
    ['createMentions', w.createMentionsStatement([mention])],
    ['createClaims', w.createClaimsStatement([claim])],
    ['createReportedBy', w.createReportedByStatement([{ articleId: input, entityId: input, rank: 0 }])],
    ['applyKeyedEdgeChanges', w.applyKeyedEdgeChangesStatement('SUPPLIES', [{ subjectId: input, objectId: input, ...change }])],
    ['applyEdgeChanges', w.applyEdgeChangesStatement('SUPPLIES', [{ subjectId: input, objectId: input, ...change }])],
    ['backfillEdgeKeys', k.backfillEdgeKeysStatement('VISITED')],
    ['readEdgeKeysMarker', k.readEdgeKeysMarkerStatement()],
    ['writeEdgeKeysMarker', k.writeEdgeKeysMarkerStatement()],
    ['awaitIndexes', k.awaitIndexesStatement(30)],
    ['deleteEmptyEdges', w.deleteEmptyEdgesStatement('MET_WITH', [{ subjectId: input, objectId: input, ...change }])],
    ['refreshEdgeDates', w.refreshEdgeDatesStatement('MET_WITH', [{ subjectId: input, objectId: input, ...change }])],
    ['applyEntityChanges', w.applyEntityChangesStatement([{ entityId: input, ...change }])],
    ['refreshEntityDates', w.refreshEntityDatesStatement([{ entityId: input, ...change }])],
    ['addPublication', w.addPublicationStatement(input, { url: input, title: input, outlet: input, publishedAt: null, fetchedAt: input }, input)],
    ['getArticle', q.getArticleStatement(input)],
    ['searchEntities', q.searchEntitiesStatement({ prefix: input, types: ['Person'], limit: 5 })],
    ['getEntity', q.getEntityStatement(input)],
    ['neighbors', q.neighborsStatement(neighbors({ predicates: ['VISITED'], types: ['Country'], direction: 'out', limit: 3 }))],
    ['strongNeighbors', q.strongNeighborsStatement(neighbors({ predicates: ['VISITED', 'SUPPLIES'], types: ['Country'], direction: 'out', limit: 3 }), 4)],
    ['strongNeighborsAll', q.strongNeighborsStatement(neighbors({ limit: 50 }), 1)],
    ['strengthTierDegrees5', t.strengthTierDegreesStatement(input, 'neo4j-5')],
    ['strengthTierDegreesLegacy', t.strengthTierDegreesStatement(input, 'neo4j-4')],
    ['deleteStrengthMirrors', t.deleteStrengthMirrorsStatement('SUPPLIES', 2, [{ subjectId: input, objectId: `${input}2` }])],
    ['createStrengthMirrors', t.createStrengthMirrorsStatement('SUPPLIES', 3, [{ subjectId: input, objectId: `${input}2`, articleCount: 64, claimCount: 70, firstSeen: input, lastSeen: input }])],
    ['syncStrengthMirrors', t.syncStrengthMirrorsStatement('MET_WITH', [{ subjectId: input, objectId: `${input}2`, articleCount: 5, claimCount: 6, firstSeen: null, lastSeen: input }])],
    ['backfillStrengthMirrors', t.backfillStrengthMirrorsStatement('VISITED', 2)],
    ['backfillStrengthMirrorsTop', t.backfillStrengthMirrorsStatement('VISITED', 6)],
    ['pruneStrengthMirrors', t.pruneStrengthMirrorsStatement(1)],
    ['pruneStrengthMirrorsTop', t.pruneStrengthMirrorsStatement(6)],
    ['readMigrationMarker', t.readMigrationMarkerStatement()],
    ['anyEdge', t.anyEdgeStatement()],
    ['writeMigrationMarker', t.writeMigrationMarkerStatement()],
    ['strongWindowNeighbors', q.strongWindowNeighborsStatement(neighbors({ since: '2024-01-01T00:00:00.000Z', until: '2024-02-01T23:59:59.999Z', predicates: ['SUPPLIES'], direction: 'in' }), 2)],
    ['strongWindowNeighborsOneTier', q.strongWindowNeighborsStatement(neighbors({ since: '2024-01-01T00:00:00.000Z', limit: 50 }), 1, 1)],
    ['strongWindowNeighborsPartialMonths', q.strongWindowNeighborsStatement(neighbors({ since: '2024-01-15T12:00:00.000Z', until: '2024-03-10T23:59:59.999Z' }), 3)],
    ['strongWindowNeighborsWithinMonth', q.strongWindowNeighborsStatement(neighbors({ since: '2024-01-15T00:00:00.000Z', until: '2024-01-20T23:59:59.999Z' }), 1)],
    ['strongWindowNeighborsUntil', q.strongWindowNeighborsStatement(neighbors({ until: '2024-03-31T23:59:59.999Z' }), 2)],
    ['rebuildMirrorMonths', mm.rebuildMirrorMonthsStatement('SUPPLIES', [{ subjectId: input, objectId: `${input}2` }])],
    ['refreshMirrorMonths', mm.refreshMirrorMonthsStatement('MET_WITH', [{ subjectId: input, objectId: `${input}2`, months: [mm.monthRange('2024-02')] }])],
    ['backfillMirrorMonths', mm.backfillMirrorMonthsStatement('VISITED', 2)],
    ['readMirrorMonthsMarker', mm.readMirrorMonthsMarkerStatement()],
    ['writeMirrorMonthsMarker', mm.writeMirrorMonthsMarkerStatement()],
    ['edgeWindowNeighbors', q.edgeWindowNeighborsStatement(neighbors({ since: '2024-01-01T00:00:00.000Z', until: '2024-02-01T23:59:59.999Z', direction: 'in' }), { weakOnly: false })],
    ['weakEdgeWindowNeighbors', q.edgeWindowNeighborsStatement(neighbors({ since: '2024-01-01T00:00:00.000Z', predicates: ['SUPPLIES'] }), { weakOnly: true })],
    ['weakEdgeWindowNeighborsUntil', q.edgeWindowNeighborsStatement(neighbors({ until: '2024-03-31T23:59:59.999Z' }), { weakOnly: true })],
    ['neighborCounts', q.neighborCountsStatement(neighbors({ types: ['Person'] }))],
    ['neighborCountsWindow', q.neighborCountsStatement(neighbors({ since: '2024-01-01T00:00:00.000Z' }))],
    ['reportedByOut', q.reportedByNeighborsStatement(neighbors({ reportedBy: true }), 'out')],
    ['reportedByIn', q.reportedByNeighborsStatement(neighbors({ reportedBy: true, since: '2024-01-01T00:00:00.000Z' }), 'in')],
    ['reportedByCounts', q.reportedByCountsStatement(neighbors({ reportedBy: true }), 'out')],
    ['shortestPaths', q.shortestPathsStatement(input, `${input}2`, { maxHops: 3, predicates: ['SUPPLIES', 'SHIPPED_VIA'] })],
    ['shortestPathSteps', q.shortestPathStepsStatement(input, `${input}2`, { maxHops: 4, predicates: null }, 4000)],
    ['edgesBetween', q.edgesBetweenStatement([[input, `${input}2`]])],
    ['entitySummaries', q.entitySummariesStatement(ids)],
    ['evidence', q.evidenceStatement({ subjectId: input, objectId: `${input}2`, predicate: 'VISITED', modalities: ['negated'], limit: 100 })],
    ['evidenceAny', q.evidenceStatement({ subjectId: input, objectId: `${input}2`, predicate: null, modalities: null, limit: 100 })],
    ['top', q.topEntitiesStatement({ types: ['Goods'], since: null, limit: 7 })],
    ['topSince', q.topEntitiesStatement({ types: null, since: '2024-03-01T00:00:00.000Z', limit: 20 })],
    ['coMentioned', q.coMentionedStatement(input, 4)],
    ['timeline', q.timelineStatement(input)],
    ['listPublications', q.listPublicationsStatement(input)],
    ['exportEntities', q.exportEntitiesPageStatement(all, input, 100)],
    ['exportEntitiesSince', q.exportEntitiesPageStatement(filter, input, 100)],
    ['exportEdges', q.exportEdgesPageStatement(all, input, 100)],
    ['exportEdgesSince', q.exportEdgesPageStatement(filter, input, 100)],
    ...Object.entries(q.statsStatements()).map(([k, s]) => [`stats.${k}`, s] as [string, CypherStatement]),
    ['curationLog', c.curationLogStatement()],
    [
      'appendCuration',
      c.appendCurationStatement({ id: input, at: input, author: input, reason: input, action: { kind: 'note', entity: input, text: input }, undoneAt: null, undoneBy: null, undoReason: null }),
    ],
    ['markCurationUndone', c.markCurationUndoneStatement(input, input, input, input)],
    ['curationRevision', c.curationRevisionStatement()],
    ['articleIdsMentioning', c.articleIdsMentioningStatement(ids, 10)],
    ['setEntityNames', c.setEntityNamesStatement(input, input, [input], [{ key: input, full: true }])],
    ['articleExists', al.articleExistsStatement(input)],
    ['deleteAliasRecord', al.deleteAliasRecordStatement(input)],
    ['createAliasLearning', al.createAliasLearningStatement(input, input)],
    ['createAliasEvents', al.createAliasEventsStatement(input, 7, [{ kind: 'resolved', entityId: input, alias: input, reason: input }])],
    ['aliasLearnings', al.aliasLearningsStatement(3, 10)],
    ['aliasLearningsOf', al.aliasLearningsOfStatement(ids)],
    ['aliasEvents', al.aliasEventsStatement(ids, ids, 10)],
  ];
}

