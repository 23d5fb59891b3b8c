import type { Predicate } from '@newsgraph/shared';
import type { CypherStatement } from '../src/cypher/cypher-statement.ts';
import * as q from '../src/cypher/query-statements.ts';
import * as w from '../src/cypher/write-statements.ts';

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
  const claim = { articleId: input, subjectId: input, predicate: 'MET_WITH' as Predicate, objectId: input, sentence: input, start: 0, end: 5, rule: input, confidence: 0.5, seenAt: input };
  const mention = { articleId: input, entityId: input, count: 1, starts: [0], ends: [3], texts: [input], seenAt: input };
  const filter = { since: '2024-01-01', types: ['Person' as const] };
  return [
    ['readArticleHashes', w.readArticleHashesStatement(ids)],
    ['lockArticles', w.lockArticlesStatement(ids)],
    ['readArticleClaimKeys', w.readArticleClaimKeysStatement(ids)],
    ['readArticleMentionedIds', w.readArticleMentionedIdsStatement(ids)],
    ['lockEntities', w.lockEntitiesStatement(ids)],
    ['deleteArticleContents', w.deleteArticleContentsStatement(ids)],
    ['upsertArticles', w.upsertArticlesStatement([w.articleRow(article, '2024-01-01T00:00:00.000Z')])],
    ['upsertEntities', w.upsertEntitiesStatement('Person', [entityRow])],
    ['createNameKeys', w.createNameKeysStatement([{ entityId: input, key: input, full: true }])],
    ['deleteOrphanEntities', w.deleteOrphanEntitiesStatement(ids)],
    ['createMentions', w.createMentionsStatement([mention])],
    ['createClaims', w.createClaimsStatement([claim])],
    ['recomputeEdges', w.recomputeEdgesStatement('MET_WITH', [{ subjectId: input, objectId: input }])],
    ['recomputeEntityStats', w.recomputeEntityStatsStatement(ids)],
    ['incrementEntityStats', w.incrementEntityStatsStatement([{ entityId: input, articles: 1, mentions: 2, firstSeen: input, lastSeen: input }])],
    ['incrementEdges', w.incrementEdgesStatement('SUPPLIES', [{ subjectId: input, objectId: input, articles: 1, claims: 2, firstSeen: input, lastSeen: input }])],
    ['addPublication', w.addPublicationStatement(input, { url: input, title: input, outlet: input, publishedAt: null, fetchedAt: input }, input)],
    ['getArticle', q.getArticleStatement(input)],
    ['searchEntities', q.searchEntitiesStatement(input, { types: ['Person'], limit: 5 })],
    ['getEntity', q.getEntityStatement(input)],
    ['neighbors', q.neighborsStatement(input, { predicates: ['VISITED'], types: ['Country'], direction: 'out', limit: 3 })],
    ['neighborsWindow', q.neighborsStatement(input, { since: '2024-01-01', until: '2024-02-01', direction: 'in' })],
    ['shortestPaths', q.shortestPathsStatement(input, `${input}2`, { maxHops: 3, predicates: ['SUPPLIES', 'SHIPPED_VIA'] })],
    ['edgesBetween', q.edgesBetweenStatement([[input, `${input}2`]])],
    ['entitySummaries', q.entitySummariesStatement(ids)],
    ['evidence', q.evidenceStatement({ subjectId: input, objectId: `${input}2`, predicate: 'VISITED' })],
    ['evidenceAny', q.evidenceStatement({ subjectId: input, objectId: `${input}2` })],
    ['top', q.topEntitiesStatement({ types: ['Goods'], limit: 7 })],
    ['topSince', q.topEntitiesStatement({ since: '2024-03-01' })],
    ['coMentioned', q.coMentionedStatement(input, { limit: 4 })],
    ['timeline', q.timelineStatement(input)],
    ['listPublications', q.listPublicationsStatement(input)],
    ['exportEntities', q.exportEntitiesPageStatement({}, input, 100)],
    ['exportEntitiesSince', q.exportEntitiesPageStatement(filter, input, 100)],
    ['exportEdges', q.exportEdgesPageStatement({}, input, 100)],
    ['exportEdgesSince', q.exportEdgesPageStatement(filter, input, 100)],
    ...Object.entries(q.statsStatements()).map(([k, s]) => [`stats.${k}`, s] as [string, CypherStatement]),
  ];
}

