import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isNotParamError, lintCypherQuery } from '@neo4j-cypher/language-support';
import { createDialect, parseServerVersion } from '../src/cypher/neo4j-dialect.ts';
import { DIALECT_SPECIFIC, allStatements } from './cypher-statement-samples.ts';

/**
 * Every statement the Neo4j store sends, and every example query in docs/graph-model.md, parsed
 * and semantically analysed (variable scoping, clause order, types) by Neo4j's own Cypher front
 * end (@neo4j-cypher/language-support, the parser behind Neo4j's editors). That is the Cypher
 * 5 grammar; 3.5/4.4-only schema statements are checked to be recognised as the legacy forms.
 * Parameters are not declared to the linter, so "parameter not defined" notes are ignored.
 */

function errors(query: string): string[] {
  return lintCypherQuery(query, {})
    .diagnostics.map((d) => ({ severity: d.severity, message: typeof d.message === 'string' ? d.message : d.message.value }))
    .filter((d) => d.severity === 1 && isNotParamError(d))
    .map((d) => d.message);
}

const docPath = fileURLToPath(new URL('../../../docs/graph-model.md', import.meta.url));
const docBlocks = existsSync(docPath) ? [...readFileSync(docPath, 'utf8').matchAll(/```cypher\n([\s\S]*?)```/g)].map((m) => m[1]!.trim()) : [];

describe('Cypher accepted by the Neo4j 5 front end', () => {
  // The pre-5 degree lookup (size of a pattern) is not Cypher 5: the 5 front end cannot check it.
  const statements = allStatements('plain-id').filter(([name]) => DIALECT_SPECIFIC.get(name) !== 'legacy');
  const distinct = [...new Map(statements.map(([name, s]) => [s.cypher, name])).entries()];

  it.each(distinct.map(([cypher, name]) => [name, cypher]))('store statement %s', (_name, cypher) => {
    expect(errors(cypher)).toEqual([]);
  });

  it('5.x schema statements', () => {
    const statements = createDialect(parseServerVersion('5.26.0')).schemaStatements();
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) expect(errors(s.cypher), s.cypher).toEqual([]);
  });

  it('4.4 and 3.5 schema statements are the legacy forms the 5 parser names as such', () => {
    const legacy = [
      ...createDialect(parseServerVersion('4.4.30')).schemaStatements(),
      ...createDialect(parseServerVersion('3.5.35')).schemaStatements({ constraints: [], indexes: [] }),
    ];
    for (const s of legacy) {
      if (s.cypher.startsWith('CALL db.index.fulltext.createNodeIndex')) continue; // a procedure call, valid syntax everywhere
      const found = errors(s.cypher);
      if (s.cypher.includes('ASSERT')) expect(found.join(' '), s.cypher).toMatch(/ON and ASSERT should not be used/);
      else if (s.cypher.startsWith('CREATE INDEX ON :')) expect(found.join(' '), s.cypher).toMatch(/Invalid create index syntax|CREATE INDEX FOR/i);
      else expect(found, s.cypher).toEqual([]);
    }
  });

  it.each(docBlocks.map((b, i) => [i + 1, b]))('docs/graph-model.md example %i', (_i, query) => {
    expect(errors(query as string)).toEqual([]);
  });

  it('catches real mistakes (so the checks above can fail)', () => {
    expect(errors('MATCH (n) RETURN m')).toEqual(['Variable `m` not defined']);
    expect(errors('MATCH (n RETURN n').length).toBe(1);
  });
});
