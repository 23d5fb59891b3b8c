import { describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { PREDICATES, type Predicate } from '@newsgraph/shared';
import { chunk, relationshipTypes } from '../src/cypher/cypher-statement.ts';
import { tokenizeCypher } from '../src/cypher/read-only-guard.ts';
import * as q from '../src/cypher/query-statements.ts';
import * as w from '../src/cypher/write-statements.ts';
import { allStatements } from './cypher-statement-samples.ts';
import { GRAPH_MODEL, modelPropertyNames } from '../src/neo4j/graph-model.ts';
import { modelNamesUsed } from './cypher-model-names.ts';

/**
 * Cypher text checks without a server (in the spirit of neo4j/graphql's TCK tests): the exact
 * text of the key statements, parameters used = parameters given, balanced brackets, only
 * labels/types/properties of the model, nothing newer than Neo4j 3.5 understands, and no input
 * value ever inside the text.
 */

const HOSTILE = `Zq7' }) DETACH DELETE n // "\\ MATCH (m) RETURN m {`;

function paramsUsed(cypher: string): Set<string> {
  return new Set(tokenizeCypher(cypher).filter((t) => t.kind === 'parameter').map((t) => t.text.slice(1)));
}

function collectStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => collectStrings(v, out));
  else if (value && typeof value === 'object' && !neo4j.isInt(value)) Object.values(value).forEach((v) => collectStrings(v, out));
  return out;
}

describe('Cypher statement text', () => {
  const statements = allStatements('plain-id');

  it.each(statements)('%s: every $parameter it uses is given, and brackets balance', (_name, s) => {
    const used = paramsUsed(s.cypher);
    for (const p of used) expect(Object.keys(s.params), `$${p}`).toContain(p);
    const tokens = tokenizeCypher(s.cypher).filter((t) => t.kind === 'symbol');
    const stack: string[] = [];
    const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
    for (const t of tokens) {
      if ('([{'.includes(t.text)) stack.push(t.text);
      else if (t.text in pairs) expect(stack.pop()).toBe(pairs[t.text]);
    }
    expect(stack).toEqual([]);
  });

  it.each(statements)('%s: only labels, relationship types and properties of the graph model', (_name, s) => {
    const used = modelNamesUsed(s.cypher);
    const labelsAndTypes = new Set<string>([...GRAPH_MODEL.labels, ...GRAPH_MODEL.relationshipTypes]);
    for (const name of used.labels) expect(labelsAndTypes.has(name), `label or type ${name}`).toBe(true);
    const props = modelPropertyNames();
    for (const name of used.properties) expect(props.has(name), `property ${name}`).toBe(true);
    expect(used.labels.size).toBeGreaterThan(0);
  });

  it.each(statements)('%s: Cypher that Neo4j 3.5, 4.4 and 5 all accept', (_name, s) => {
    // Subqueries, COUNT/EXISTS blocks, elementId and the 5.x constraint syntax are newer than 3.5;
    // size() of a pattern and id() are gone or deprecated in 5.
    expect(s.cypher).not.toMatch(/CALL\s*\{|EXISTS\s*\{|COUNT\s*\{|elementId\(|REQUIRE|IS :: |\bsize\(\s*\(|\bid\(/i);
  });

  it('sends LIMIT values as Neo4j Integers (a JS number would arrive as a float and be refused)', () => {
    const limited = statements.filter(([, s]) => /LIMIT \$limit/.test(s.cypher));
    expect(limited.length).toBeGreaterThan(0);
    for (const [name, s] of limited) expect(neo4j.isInt(s.params.limit), name).toBe(true);
    const mentions = w.createMentionsStatement([{ articleId: 'a', entityId: 'e', count: 2, starts: [0, 9], ends: [3, 12], texts: ['x', 'y'], seenAt: 's' }]);
    const row = (mentions.params.rows as Array<Record<string, unknown>>)[0]!;
    expect(neo4j.isInt(row.count)).toBe(true);
    expect((row.starts as unknown[]).every((v) => neo4j.isInt(v))).toBe(true);
  });

  it('writes the key statements exactly', () => {
    expect(w.recomputeEdgesStatement('VISITED', [{ subjectId: 'a', objectId: 'b' }]).cypher).toBe(
      'UNWIND $rows AS row MATCH (s:Entity {id: row.subjectId}) MATCH (o:Entity {id: row.objectId}) ' +
        'OPTIONAL MATCH (s)<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(o) WHERE c.predicate = $predicate ' +
        'WITH s, o, count(c) AS claimCount, count(DISTINCT c.articleId) AS articleCount, min(c.seenAt) AS firstSeen, max(c.seenAt) AS lastSeen ' +
        'MERGE (s)-[r:VISITED]->(o) ' +
        'SET r.claimCount = claimCount, r.articleCount = articleCount, r.firstSeen = firstSeen, r.lastSeen = lastSeen ' +
        'WITH r, claimCount WHERE claimCount = 0 DELETE r',
    );
    expect(w.upsertEntitiesStatement('Country', []).cypher).toBe(
      'UNWIND $rows AS row MERGE (e:Entity {id: row.id}) ' +
        'ON CREATE SET e:Country, e.type = row.type, e.name = row.name, e.articleCount = 0, e.mentionCount = 0 ' +
        'SET e.aliases = row.aliases, e.aliasesText = row.aliasesText, e.attributes = row.attributes',
    );
    expect(q.shortestPathsStatement('a', 'b', { maxHops: 3 }).cypher).toBe(
      'MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to}) ' +
        `MATCH p = allShortestPaths((a)-[:${PREDICATES.join('|')}*..3]-(b)) ` +
        'RETURN DISTINCT [n IN nodes(p) | n.id] AS ids LIMIT $fetch',
    );
    expect(q.searchEntitiesStatement('Yellen').cypher).toBe(
      'MATCH (k:NameKey) WHERE k.key STARTS WITH $prefix ' +
        'WITH k.entityId AS entityId, max(CASE WHEN k.key = $prefix AND k.full THEN 1 ELSE 0 END) AS exact ' +
        'MATCH (e:Entity {id: entityId}) WHERE $types IS NULL OR e.type IN $types ' +
        'RETURN e.id AS id, e.type AS type, e.name AS name, coalesce(e.aliases, []) AS aliases, coalesce(e.articleCount, 0) AS articleCount, exact ' +
        'ORDER BY exact DESC, articleCount DESC, name ASC, id ASC LIMIT $limit',
    );
  });

  it('folds the search text (case, accents, spaces) into the prefix parameter', () => {
    const s = q.searchEntitiesStatement('  Zelénskyy  ', {});
    expect(s.params.prefix).toBe('zelenskyy');
  });

  it('normalises time windows to UTC instants; a date-only until covers its whole day', () => {
    const s = q.neighborsStatement('x', { since: '2024-01-10T10:00:00+02:00', until: '2024-01-31' });
    expect(s.params.since).toBe('2024-01-10T08:00:00.000Z');
    expect(s.params.until).toBe('2024-01-31T23:59:59.999Z');
    expect(() => q.topEntitiesStatement({ since: 'last tuesday' })).toThrow(/since.*not an ISO 8601 date/);
  });

  it('uses the typed relationships without a window and the claims with one', () => {
    expect(q.neighborsStatement('x').cypher).toMatch(/^MATCH \(e:Entity \{id: \$id\}\)-\[r:VISITED\|MET_WITH/);
    expect(q.neighborsStatement('x', { since: '2024-01-01' }).cypher).toMatch(/<-\[role:SUBJECT\|OBJECT\]-\(c:Claim\)/);
  });

  it('normalises a symmetric evidence query to subject < object, leaves directed ones alone', () => {
    expect(q.evidenceStatement({ subjectId: 'z', predicate: 'MET_WITH', objectId: 'a' }).params).toMatchObject({ subjectId: 'a', objectId: 'z' });
    expect(q.evidenceStatement({ subjectId: 'z', predicate: 'VISITED', objectId: 'a' }).params).toMatchObject({ subjectId: 'z', objectId: 'a' });
  });

  it('refuses limits and hops outside their ranges with the input named', () => {
    expect(() => q.searchEntitiesStatement('a', { limit: 0 })).toThrow(/limit: must be a whole number from 1 to 10000/);
    expect(() => q.coMentionedStatement('a', { limit: 2.5 })).toThrow(/limit/);
    expect(() => q.shortestPathsStatement('a', 'b', { maxHops: 7 })).toThrow(/maxHops: must be a whole number from 1 to 6/);
    expect(() => q.neighborsStatement('a', { direction: 'sideways' as never })).toThrow(/direction: must be out, in or both/);
  });
});

describe('names, text and parameters never reach the Cypher text', () => {
  // Each input carries a marker that no statement contains, plus quotes, backslashes, braces and keywords.
  const inputs = [HOSTILE, "Zq7 O'Brien", 'Zq7 back\\slash', 'Zq7 brace}', 'Zq7 MATCH (n) DETACH DELETE n', 'Zq7$limit', 'Zq7 `tick`', 'Zq7 "dq"', 'Zq7 CREATE (x)'];
  const takesNoInput = (name: string) => name.startsWith('stats.') || name === 'top' || name === 'topSince';

  it.each(inputs)('input %j appears only in parameters', (input) => {
    for (const [name, s] of allStatements(input)) {
      expect(s.cypher.toLowerCase().includes('zq7'), `${name} text contains the input`).toBe(false);
      if (!takesNoInput(name)) {
        expect(collectStrings(s.params).some((v) => v.toLowerCase().includes('zq7')), `${name} carries the input as a parameter`).toBe(true);
      }
    }
  });

  it('relationship types and labels come only from the closed sets', () => {
    expect(() => w.recomputeEdgesStatement('VISITED]->() DETACH DELETE n //' as Predicate, [])).toThrow(/not one of/);
    expect(() => relationshipTypes(['KNOWS'])).toThrow(/predicate "KNOWS": not one of/);
    expect(() => w.upsertEntitiesStatement('Person:Admin', [])).toThrow(/entity type "Person:Admin"/);
    expect(() => q.neighborsStatement('x', { types: ['Robot' as never] })).toThrow(/entity type "Robot"/);
    expect(() => w.createClaimsStatement([{ predicate: 'HACKS' } as never])).toThrow(/predicate "HACKS"/);
  });
});

describe('chunk', () => {
  it('splits rows into batches of at most the batch size, keeping order', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 3)).toEqual([]);
    expect(() => chunk([1], 0)).toThrow(/positive integer/);
  });
});
