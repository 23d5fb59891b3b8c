import { describe, expect, it } from 'vitest';
import { InputError, PREDICATES } from '@newsgraph/shared';
import { contributionOf, planCountChanges, sortCountChanges, type ArticleContribution } from '../src/core/count-maintenance.ts';
import type { PreparedDocument } from '../src/core/document-preparation.ts';
import { evidenceArgs, neighborArgs, pathArgs, searchArgs, topArgs } from '../src/core/query-arguments.ts';
import { pathPairs, rankPaths } from '../src/core/path-ranking.ts';
import { checkPublication } from '../src/core/publication-check.ts';
import { STORE_LIMITS, checkLimit } from '../src/core/store-limits.ts';
import { LabelPrefixer, checkLabelPrefix, prefixSchemaStatement, withLabelPrefix } from '../src/cypher/label-prefix.ts';
import { createDialect, parseServerVersion } from '../src/cypher/neo4j-dialect.ts';
import type { EntitySummary, PathEdge } from '../src/interfaces/graph-store.ts';

/** The pure parts of the store core that every backend relies on (the contract suite checks them through the stores). */

const day = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** The parts of a prepared document the count plan reads, from a contribution. */
function asDocument(c: ArticleContribution): PreparedDocument {
  return {
    article: { id: c.articleId },
    eventMs: c.eventMs,
    entities: c.entities.map((e) => ({ id: e.entityId, type: 'Country', name: e.entityId, aliases: [], attributes: {} })),
    mentionCounts: new Map(c.entities.map((e) => [e.entityId, e.mentions])),
    edges: c.edges.map((e) => ({ subjectId: e.subjectId, predicate: e.predicate, objectId: e.objectId, claimCount: e.claims })),
  } as unknown as PreparedDocument;
}

const plan = (removed: ArticleContribution[], added: ArticleContribution[]) => sortCountChanges(planCountChanges(removed, added.map(asDocument)));

describe('planCountChanges', () => {
  const a1: ArticleContribution = {
    articleId: 'a1',
    eventMs: day('2024-01-01'),
    entities: [{ entityId: 'x', mentions: 2 }, { entityId: 'y', mentions: 1 }],
    edges: [{ subjectId: 'x', predicate: 'VISITED', objectId: 'y', claims: 2 }],
  };
  const a1v2: ArticleContribution = {
    articleId: 'a1',
    eventMs: day('2024-01-05'),
    entities: [{ entityId: 'x', mentions: 1 }, { entityId: 'z', mentions: 1 }],
    edges: [{ subjectId: 'x', predicate: 'MET_WITH', objectId: 'z', claims: 1 }],
  };

  it('adds new contributions: +1 article per article, units, the added dates, nothing to take from the remaining rows', () => {
    const changes = plan([], [a1, { ...a1, articleId: 'a2', eventMs: day('2024-02-01') }]);
    expect(contributionOf(asDocument(a1))).toMatchObject({ eventMs: a1.eventMs, entities: a1.entities, edges: a1.edges });
    expect(changes.entities).toEqual([
      { entityId: 'x', articles: 2, units: 4, addedFirstMs: day('2024-01-01'), addedLastMs: day('2024-02-01'), removedFirstMs: null, removedLastMs: null, datesFromRemaining: false, removedOnly: false },
      { entityId: 'y', articles: 2, units: 2, addedFirstMs: day('2024-01-01'), addedLastMs: day('2024-02-01'), removedFirstMs: null, removedLastMs: null, datesFromRemaining: false, removedOnly: false },
    ]);
    expect(changes.edges).toEqual([
      { subjectId: 'x', predicate: 'VISITED', objectId: 'y', articles: 2, units: 4, addedFirstMs: day('2024-01-01'), addedLastMs: day('2024-02-01'), removedFirstMs: null, removedLastMs: null, datesFromRemaining: false, removedOnly: false },
    ]);
  });

  it('replaces a version: subtracts the old contribution key by key, marks what lost one', () => {
    const changes = plan([a1], [a1v2]);
    expect(changes.entities.map((c) => [c.entityId, c.articles, c.units, c.removedOnly, c.datesFromRemaining])).toEqual([
      ['x', 0, -1, false, true],
      ['y', -1, -1, true, true],
      ['z', 1, 1, false, false],
    ]);
    expect(changes.edges.map((c) => [c.predicate, c.articles, c.units, c.removedOnly, c.removedFirstMs])).toEqual([
      ['MET_WITH', 1, 1, false, null],
      ['VISITED', -1, -2, true, day('2024-01-01')],
    ]);
  });

  it('is the identity for a version replaced by itself (counts); keys in first-seen order unless sorted', () => {
    const changes = plan([a1], [a1]);
    expect(changes.entities.every((c) => c.articles === 0 && c.units === 0)).toBe(true);
    expect(changes.entities.map((c) => c.entityId)).toEqual(['x', 'y']);
    expect(planCountChanges([], [asDocument(a1v2), asDocument(a1)]).entities.map((c) => c.entityId)).toEqual(['x', 'z', 'y']);
  });
});

describe('query arguments', () => {
  it('applies the limits table and names the argument that is out of range', () => {
    expect(checkLimit(undefined, 'neighbors')).toBe(STORE_LIMITS.neighbors.default);
    expect(checkLimit(undefined, 'paths')).toBe(5);
    expect(() => checkLimit(0, 'search')).toThrow(/limit: must be a whole number from 1 to 10000 \(got 0\)/);
    expect(() => checkLimit(7, 'maxHops', 'maxHops')).toThrow(/maxHops: must be a whole number from 1 to 6/);
    expect(() => checkLimit(101, 'paths')).toThrow(InputError);
    expect(checkLimit(0, 'neighborsOffset', 'offset')).toBe(0);
  });

  it('folds the search text; a blank query asks nothing of the backend', () => {
    expect(searchArgs('  Zelénskyy  ', {})).toEqual({ prefix: 'zelenskyy', types: null, limit: 20 });
    expect(searchArgs('   ', {})).toBeNull();
    expect(() => searchArgs('x', { types: ['Robot' as never] })).toThrow(/type "Robot": not one of Person/);
  });

  it('normalises neighbour windows to UTC instants, splits REPORTED_BY off, and asks for offset + limit rows', () => {
    const { args, offset } = neighborArgs('x', { since: '2024-01-10T10:00:00+02:00', until: '2024-01-31', predicates: ['REPORTED_BY', 'VISITED'], limit: 10, offset: 5 });
    expect(args).toMatchObject({ since: '2024-01-10T08:00:00.000Z', until: '2024-01-31T23:59:59.999Z', predicates: ['VISITED'], reportedBy: true, limit: 15 });
    expect(offset).toBe(5);
    expect(neighborArgs('x', { predicates: ['REPORTED_BY'] }).args.predicates).toEqual([]);
    expect(() => neighborArgs('x', { direction: 'sideways' as never })).toThrow(/direction: must be out, in or both/);
    expect(() => neighborArgs('x', { since: 'last tuesday' })).toThrow(/since.*not an ISO 8601 date/);
    expect(() => topArgs({ since: 'soon' })).toThrow(/since/);
  });

  it('resolves path predicate filters to one explicit list', () => {
    expect(pathArgs({})).toEqual({ maxHops: 4, limit: 5, predicates: null });
    expect(pathArgs({ excludePredicates: ['REPORTED_BY'] }).predicates).toEqual(PREDICATES.filter((p) => p !== 'REPORTED_BY'));
    expect(pathArgs({ predicates: ['VISITED', 'SUPPLIES'], excludePredicates: ['SUPPLIES'] }).predicates).toEqual(['VISITED']);
    expect(() => pathArgs({ predicates: ['VISITED'], excludePredicates: ['VISITED'] })).toThrow(/excludePredicates: excludes every predicate/);
  });

  it('normalises a symmetric evidence query to subject < object and checks modalities', () => {
    expect(evidenceArgs({ subjectId: 'z', predicate: 'MET_WITH', objectId: 'a' })).toMatchObject({ subjectId: 'a', objectId: 'z' });
    expect(evidenceArgs({ subjectId: 'z', predicate: 'VISITED', objectId: 'a' })).toMatchObject({ subjectId: 'z', objectId: 'a', modalities: null, limit: 100 });
    expect(evidenceArgs({ subjectId: 'z', objectId: 'a', modalities: ['negated'] }).modalities).toEqual(['negated']);
    expect(() => evidenceArgs({ subjectId: 'z', objectId: 'a', modalities: ['rumoured' as never] })).toThrow(/modality "rumoured": not one of asserted, planned, negated, hypothetical/);
  });
});

describe('path ranking', () => {
  const node = (id: string): EntitySummary => ({ id, type: 'Country', name: id, aliases: [], articleCount: 1 });
  const edge = (s: string, p: PathEdge['predicate'], o: string, n: number): PathEdge => ({ subjectId: s, predicate: p, objectId: o, articleCount: n });

  it('shows the strongest edge per hop and ranks paths by the sum of article counts, then node ids', () => {
    const sequences = [['a', 'b', 'd'], ['a', 'c', 'd']];
    expect(pathPairs(sequences)).toEqual([['a', 'b'], ['b', 'd'], ['a', 'c'], ['c', 'd']]);
    const edges = [edge('a', 'VISITED', 'b', 1), edge('b', 'SUPPLIES', 'a', 3), edge('b', 'VISITED', 'd', 1), edge('a', 'VISITED', 'c', 2), edge('d', 'VISITED', 'c', 2)];
    const summaries = new Map(['a', 'b', 'c', 'd'].map((id) => [id, node(id)]));
    const ranked = rankPaths(sequences, edges, summaries, 5);
    expect(ranked.map((p) => p.nodes.map((n) => n.id))).toEqual([['a', 'b', 'd'], ['a', 'c', 'd']]);
    expect(ranked[0]!.edges.map((e) => e.predicate)).toEqual(['SUPPLIES', 'VISITED']);
    expect(rankPaths(sequences, edges.slice(0, 3), summaries, 5).map((p) => p.nodes.length)).toEqual([3]);
    expect(rankPaths(sequences, edges, summaries, 1)).toHaveLength(1);
  });
});

describe('publication checks', () => {
  it('orders by published, else fetched, and names the bad field', () => {
    expect(checkPublication('a', { url: 'u', title: 't', outlet: null, publishedAt: null, fetchedAt: '2024-01-02T03:00:00+01:00' }).sortDate).toBe('2024-01-02T02:00:00.000Z');
    expect(() => checkPublication('a', { url: '', title: 't', outlet: null, publishedAt: null, fetchedAt: '2024-01-01' })).toThrow(/publication {2}of article a: url must be a non-empty string/);
    expect(() => checkPublication('a', { url: 'u', title: 't', outlet: null, publishedAt: 'yesterday', fetchedAt: '2024-01-01' })).toThrow(/publishedAt: "yesterday" is not an ISO 8601 date/);
  });
});

describe('label prefix', () => {
  it('prefixes model labels only, never relationship types, properties, parameters or strings', () => {
    expect(withLabelPrefix("MATCH (e:Entity {id: $id})-[r:VISITED]-(n:Entity) WHERE n.type = 'Entity' SET e:Country RETURN e", 'T_')).toBe(
      "MATCH (e:T_Entity {id: $id})-[r:VISITED]-(n:T_Entity) WHERE n.type = 'Entity' SET e:T_Country RETURN e",
    );
    expect(withLabelPrefix('MATCH (a:Article)-[:HAS_CLAIM]->(c:Claim) RETURN {Entity: a.id}', 'T_')).toBe('MATCH (a:T_Article)-[:HAS_CLAIM]->(c:T_Claim) RETURN {Entity: a.id}');
    expect(() => checkLabelPrefix('x`) DETACH DELETE n //')).toThrow(/labelPrefix: must be a letter/);
  });

  it('keeps prefixed texts (bounded) and gives the same text as prefixing each time', () => {
    const prefixer = new LabelPrefixer('T_', 2);
    const texts = ['MATCH (e:Entity {id: $id}) RETURN e', 'MATCH (a:Article) RETURN a', 'MATCH (c:Claim) RETURN c'];
    for (const round of [1, 2]) {
      for (const cypher of texts) {
        const params = { id: `x${round}` };
        const out = prefixer.statement({ cypher, params });
        expect(out.cypher).toBe(withLabelPrefix(cypher, 'T_'));
        expect(out.params).toBe(params);
      }
    }
    const none = { cypher: texts[0]!, params: {} };
    expect(new LabelPrefixer('').statement(none)).toBe(none);
  });

  it('gives the schema its own names and labels', () => {
    const [first] = createDialect(parseServerVersion('5.26.0')).schemaStatements();
    expect(prefixSchemaStatement(first!, 'T_').cypher).toBe('CREATE CONSTRAINT T_entity_id IF NOT EXISTS FOR (n:T_Entity) REQUIRE n.id IS UNIQUE');
    const fulltext35 = createDialect(parseServerVersion('3.5.35')).schemaStatements({ constraints: [], indexes: [] }).find((s) => s.item.kind === 'fulltext')!;
    expect(prefixSchemaStatement(fulltext35, 'T_').params).toEqual({ name: 'T_entity_names', labels: ['T_Entity'], properties: ['name', 'aliasesText'] });
  });
});
