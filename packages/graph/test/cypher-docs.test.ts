import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assertReadOnlyCypher, tokenizeCypher } from '../src/cypher/read-only-guard.ts';
import { GRAPH_MODEL, modelPropertyNames } from '../src/neo4j/graph-model.ts';
import { SCHEMA_ITEMS } from '../src/cypher/neo4j-dialect.ts';
import { modelNamesUsed } from './cypher-model-names.ts';

/**
 * docs/graph-model.md promises researchers queries they can paste into Neo4j Browser: each
 * ```cypher block must be a read query (newsgraph query cypher accepts it), tokenize, balance
 * its brackets, and use only labels, relationship types and properties the store writes.
 */

const docPath = fileURLToPath(new URL('../../../docs/graph-model.md', import.meta.url));
const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
const blocks = [...doc.matchAll(/```cypher\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());

describe('docs/graph-model.md', () => {
  it('exists and has the promised example queries', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    for (const topic of ['Who met whom', 'Supply routes into a country', 'Paths between two officials', 'The evidence behind an edge', 'Entities rising in the last week']) {
      expect(doc).toContain(`### ${topic}`);
    }
  });

  it.each(blocks.map((b, i) => [i + 1, b]))('example %i is a read query over the model', (_i, query) => {
    expect(() => assertReadOnlyCypher(query as string)).not.toThrow();
    const { labels, properties } = modelNamesUsed(query as string);
    const known = new Set<string>([...GRAPH_MODEL.labels, ...GRAPH_MODEL.relationshipTypes]);
    for (const name of labels) expect(known.has(name), `label or relationship type ${name}`).toBe(true);
    const props = modelPropertyNames();
    for (const name of properties) expect(props.has(name), `property ${name}`).toBe(true);
    const stack: string[] = [];
    const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
    for (const t of tokenizeCypher(query as string)) {
      if (t.kind !== 'symbol') continue;
      if ('([{'.includes(t.text)) stack.push(t.text);
      else if (t.text in pairs) expect(stack.pop()).toBe(pairs[t.text]);
    }
    expect(stack).toEqual([]);
  });

  it('the checker sees labels, types and properties (so a typo in an example would fail)', () => {
    const used = modelNamesUsed("MATCH (a:Persn {name: 'x'})-[:MEETS|MET_WITH]->(b) WHERE b.nmae = $n RETURN {k: a.id}");
    expect([...used.labels].sort()).toEqual(['MEETS', 'MET_WITH', 'Persn']);
    expect([...used.properties].sort()).toEqual(['id', 'nmae']);
  });

  it('documents every label, relationship type and schema object', () => {
    for (const name of [...GRAPH_MODEL.labels, ...GRAPH_MODEL.relationshipTypes]) expect(doc).toContain(name);
    for (const item of SCHEMA_ITEMS) expect(doc).toContain(item.kind === 'fulltext' || item.kind === 'relationship' ? item.name : `${item.label}.${item.properties[0]}`);
  });
});
