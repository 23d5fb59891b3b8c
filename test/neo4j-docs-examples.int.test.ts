import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured, scratch } from './support/run-cli.ts';
import { neo4jEnv, neo4jTestServer } from './support/neo4j-test-server.ts';

/**
 * Every ```cypher example of docs/graph-model.md, run as the page tells researchers to run it
 * (`newsgraph query cypher "<query>" --param k=v`, with the parameters the page gives before
 * it), against a real Neo4j holding the demo (`newsgraph demo`): each must run and return rows.
 * The page's parameters name demo entities, so a reader gets answers on the first try.
 */

const server = neo4jTestServer('neo4j-docs-examples.int.test.ts');
const doc = readFileSync(fileURLToPath(new URL('../docs/graph-model.md', import.meta.url)), 'utf8');

interface Example {
  title: string;
  query: string;
  params: Record<string, string>;
}

/** The blocks in order, each with the `--param k=v` values documented before it (later ones win). */
function examples(): Example[] {
  const out: Example[] = [];
  const params: Record<string, string> = {};
  let title = '';
  let last = 0;
  for (const match of doc.matchAll(/```cypher\n([\s\S]*?)```/g)) {
    const prose = doc.slice(last, match.index);
    for (const heading of prose.matchAll(/^### (.+)$/gm)) title = heading[1]!;
    for (const p of prose.matchAll(/--param (\w+)=([^\s`]+)/g)) params[p[1]!] = p[2]!;
    out.push({ title, query: match[1]!.trim(), params: { ...params } });
    last = match.index + match[0].length;
  }
  return out;
}

/** The driver @newsgraph/graph uses (the workspace root does not depend on it itself). */
interface MinimalDriver {
  executeQuery(cypher: string, params: Record<string, unknown>, config: { database?: string }): Promise<unknown>;
  close(): Promise<void>;
}
const neo4j = createRequire(new URL('../packages/graph/package.json', import.meta.url))('neo4j-driver') as {
  driver(uri: string, auth: unknown): MinimalDriver;
  auth: { basic(user: string, password: string): unknown };
};

async function deleteEverything(env: NodeJS.ProcessEnv): Promise<void> {
  const driver = neo4j.driver(env.NEO4J_URI!, neo4j.auth.basic(env.NEO4J_USER!, env.NEO4J_PASSWORD!));
  try {
    await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, env.NEO4J_DATABASE ? { database: env.NEO4J_DATABASE } : {});
  } finally {
    await driver.close();
  }
}

describe.skipIf(!server)(`docs/graph-model.md examples on Neo4j ${server?.version ?? ''}`, () => {
  const box = scratch('newsgraph-docs-');
  const env = server ? { ...box.env, ...neo4jEnv(server) } : box.env;

  beforeAll(async () => {
    // This file owns the database while it runs; the store contract wipes it too.
    if (server!.launched === null) throw new Error('neo4j-docs-examples.int.test.ts loads the demo and deletes everything afterwards: run it on a server the tests start (unset NEO4J_URI)');
    await deleteEverything(env);
    const demo = await runCliCaptured(['demo'], env);
    expect(demo.code, demo.stderr).toBe(0);
    // A list of our own (FollowTheMoney JSON lines, under the name the docs use) naming one of
    // the demo site's fictional companies, so the listings example has rows to return.
    const list = join(box.dir, 'demo-list.json');
    writeFileSync(list, `${JSON.stringify({ id: 'demo-1', schema: 'Company', properties: { name: ['Sable Crest Shipping'], country: ['ae'] } })}\n`);
    const imported = await runCliCaptured(['lists', 'import', list, '--list', 'ofac-sdn'], env);
    expect(imported.code, imported.stderr).toBe(0);
  });

  afterAll(async () => {
    if (server?.launched) await deleteEverything(env);
    box.cleanup();
  });

  const cases = examples();
  it('finds the examples and their documented parameters', () => {
    expect(cases.length).toBeGreaterThanOrEqual(9);
    for (const c of cases) {
      for (const name of c.query.matchAll(/\$(\w+)/g)) expect(c.params, `${c.title}: $${name[1]} is not documented with --param`).toHaveProperty(name[1]!);
    }
  });

  it.each(cases.map((c, i) => [i + 1, c.title, c] as const))('example %i (%s) returns rows', async (_i, _title, example) => {
    const args = ['query', 'cypher', example.query, '--json'];
    for (const name of new Set([...example.query.matchAll(/\$(\w+)/g)].map((m) => m[1]!))) args.push('--param', `${name}=${example.params[name]}`);
    const run = await runCliCaptured(args, env);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { columns: string[]; rows: Array<Record<string, unknown>> };
    expect(result.rows.length, `no rows for ${example.title} with ${JSON.stringify(example.params)}`).toBeGreaterThan(0);
    expect(result.columns.length).toBeGreaterThan(0);
  });
});
