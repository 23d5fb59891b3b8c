import { describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import type { Predicate } from '@newsgraph/shared';
import { chunk, relationshipTypes } from '../src/cypher/cypher-statement.ts';
import { tokenizeCypher } from '../src/cypher/read-only-guard.ts';
import * as q from '../src/cypher/query-statements.ts';
import * as w from '../src/cypher/write-statements.ts';
import { DIALECT_SPECIFIC, allStatements } from './cypher-statement-samples.ts';
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

  it.each(statements)('%s: only labels, relationship types and properties of the graph model', (name, s) => {
    const used = modelNamesUsed(s.cypher);
    const labelsAndTypes = new Set<string>([...GRAPH_MODEL.labels, ...GRAPH_MODEL.relationshipTypes]);
    for (const name of used.labels) expect(labelsAndTypes.has(name), `label or type ${name}`).toBe(true);
    const props = modelPropertyNames();
    for (const name of used.properties) expect(props.has(name), `property ${name}`).toBe(true);
    // Waiting for the indexes (a procedure call) is the one statement that names nothing of the model.
    if (name !== 'awaitIndexes') expect(used.labels.size).toBeGreaterThan(0);
  });

  it.each(statements.filter(([name]) => !DIALECT_SPECIFIC.has(name)))('%s: Cypher that Neo4j 3.5, 4.4 and 5 all accept', (_name, s) => {
    // Subqueries, COUNT/EXISTS blocks, elementId and the 5.x constraint syntax are newer than 3.5;
    // size() of a pattern and id() are gone or deprecated in 5.
    expect(s.cypher).not.toMatch(/CALL\s*\{|EXISTS\s*\{|COUNT\s*\{|elementId\(|REQUIRE|IS :: |\bsize\(\s*\(|\bid\(/i);
  });

  it('the degree lookups are the only version-specific reads: COUNT { } on 5.x, size(( )) before', () => {
    for (const [name, family] of DIALECT_SPECIFIC) {
      const s = statements.find(([n]) => n === name)![1];
      expect(s.cypher).toMatch(family === 'neo4j-5' ? /COUNT \{ \(e\)-\[:STRENGTH_TIER_1\]-\(\) \}/ : /size\(\(e\)-\[:STRENGTH_TIER_1\]-\(\)\)/);
      expect(s.cypher).not.toMatch(family === 'neo4j-5' ? /\bsize\(\s*\(/ : /COUNT\s*\{/);
    }
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

});

describe('names, text and parameters never reach the Cypher text', () => {
  // Each input carries a marker that no statement contains, plus quotes, backslashes, braces and keywords.
  const inputs = [HOSTILE, "Zq7 O'Brien", 'Zq7 back\\slash', 'Zq7 brace}', 'Zq7 MATCH (n) DETACH DELETE n', 'Zq7$limit', 'Zq7 `tick`', 'Zq7 "dq"', 'Zq7 CREATE (x)'];
  const takesNoInput = (name: string) =>
    name.startsWith('stats.') ||
    /^(backfill|prune)StrengthMirrors|MigrationMarker$|^backfillMirrorMonths$|^(read|write)MirrorMonthsMarker$|^anyEdge$|^backfillEdgeKeys$|^(read|write)EdgeKeysMarker$|^awaitIndexes$/.test(name) ||
    ['top', 'topSince', 'curationLog', 'curationRevision', 'aliasLearnings'].includes(name);

  it.each(inputs)('input %j appears only in parameters', (input) => {
    for (const [name, s] of allStatements(input)) {
      expect(s.cypher.toLowerCase().includes('zq7'), `${name} text contains the input`).toBe(false);
      if (!takesNoInput(name)) {
        expect(collectStrings(s.params).some((v) => v.toLowerCase().includes('zq7')), `${name} carries the input as a parameter`).toBe(true);
      }
    }
  });

  it('relationship types and labels come only from the closed sets', () => {
    expect(() => w.applyEdgeChangesStatement('VISITED]->() DETACH DELETE n //' as Predicate, [])).toThrow(/not one of/);
    expect(() => w.refreshEdgeDatesStatement('VISITED]->() DETACH DELETE n //' as Predicate, [])).toThrow(/not one of/);
    expect(() => relationshipTypes(['KNOWS'])).toThrow(/predicate "KNOWS": not one of/);
    expect(() => w.upsertEntitiesStatement([{ type: 'Person:Admin' } as never])).toThrow(/entity type "Person:Admin"/);
    expect(() => q.topEntitiesStatement({ types: ['Robot' as never], since: null, limit: 1 })).toThrow(/entity type "Robot"/);
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
