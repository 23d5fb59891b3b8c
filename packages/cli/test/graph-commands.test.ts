import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { contentHash, toArticleDocument, type Article } from '@newsgraph/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createCliContext, type CliContext } from '../src/context.ts';
import { registerCypherCommand } from '../src/commands/cypher.ts';
import { registerExportCommand } from '../src/commands/export.ts';
import { registerMigrateCommand } from '../src/commands/migrate.ts';

/** `newsgraph export`, `newsgraph migrate` and `newsgraph query cypher` on an embedded SQLite store. */

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, text: () => text };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function setup(): Promise<{ ctx: CliContext; dir: string; out: () => string; err: () => string; run: (...argv: string[]) => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-graph-cli-'));
  dirs.push(dir);
  const stdout = capture();
  const stderr = capture();
  const ctx = createCliContext({ env: { NEWSGRAPH_DB: join(dir, 'graph.db'), NEWSGRAPH_LOG_LEVEL: 'silent' }, stdout: stdout.stream, stderr: stderr.stream });
  const text = 'Antony Blinken visited China.';
  const article: Article = {
    id: 'art-1',
    url: 'https://news.example/1',
    canonicalUrl: 'https://news.example/1',
    title: 'Visit',
    outlet: 'Example',
    author: null,
    publishedAt: '2024-01-10T09:00:00Z',
    fetchedAt: '2024-01-10T10:00:00Z',
    language: 'en',
    text,
    contentHash: contentHash(text),
  };
  const store = await ctx.store();
  await store.writeArticle(
    toArticleDocument(article, {
      entities: [
        { id: 'person:antony-blinken', type: 'Person', name: 'Antony Blinken', attributes: {}, mentions: [{ start: 0, end: 14, text: 'Antony Blinken' }] },
        { id: 'country:CN', type: 'Country', name: 'China', aliases: ['PRC'], attributes: { iso: 'CN' }, mentions: [{ start: 23, end: 28, text: 'China' }] },
      ],
      relations: [{ subject: 'person:antony-blinken', predicate: 'VISITED', object: 'country:CN', evidence: { sentence: text, start: 0, end: text.length, rule: 'visit.verb', confidence: 0.9 } }],
    }),
  );
  const run = async (...argv: string[]) => {
    const program = new Command('newsgraph').exitOverride();
    registerExportCommand(program, ctx);
    registerMigrateCommand(program, ctx);
    const query = program.command('query');
    registerCypherCommand(query, ctx);
    await program.parseAsync(argv, { from: 'user' });
  };
  return { ctx, dir, out: stdout.text, err: stderr.text, run };
}

describe('newsgraph export', () => {
  it('writes node-link JSON to stdout and the summary to stderr', async () => {
    const { ctx, out, err, run } = await setup();
    await run('export', '--format', 'json');
    const doc = JSON.parse(out()) as { nodes: Array<{ id: string }>; links: Array<{ predicate: string }> };
    expect(doc.nodes.map((n) => n.id)).toEqual(['country:CN', 'person:antony-blinken']);
    expect(doc.links.map((l) => l.predicate)).toEqual(['VISITED']);
    expect(err()).toMatch(/exported 2 entities and 1 edges as json/);
    await ctx.close();
  });

  it('writes GraphML to a file and CSV to a directory, filtered by type', async () => {
    const { ctx, dir, out, run } = await setup();
    await run('export', '--format', 'graphml', '--out', join(dir, 'g.graphml'), '--type', 'country');
    expect(readFileSync(join(dir, 'g.graphml'), 'utf8')).toContain('<node id="country:CN">');
    expect(readFileSync(join(dir, 'g.graphml'), 'utf8')).not.toContain('person:antony-blinken');
    await run('export', '--format', 'csv', '--out', join(dir, 'csv'));
    expect(readFileSync(join(dir, 'csv', 'relationships.csv'), 'utf8')).toContain('person:antony-blinken,country:CN,VISITED,1,1');
    expect(out()).toMatch(/exported 1 entities and 0 edges as graphml to .*g\.graphml/);
    await ctx.close();
  });

  it('refuses an unknown format, an unknown type and csv without a directory', async () => {
    const { ctx, run } = await setup();
    await expect(run('export', '--format', 'xml')).rejects.toThrow(/--format xml: must be one of graphml, csv, json/);
    await expect(run('export', '--format', 'json', '--type', 'robot')).rejects.toThrow(/--type robot: not an entity type/);
    await expect(run('export', '--format', 'csv')).rejects.toThrow(/--format csv: writes a directory/);
    await expect(run('export', '--format', 'json', '--since', 'last week')).rejects.toThrow(/--since last week: must be a date/);
    await ctx.close();
  });
});

describe('newsgraph migrate and query cypher on SQLite', () => {
  it('migrate reports the SQLite schema; cypher says it needs Neo4j', async () => {
    const { ctx, out, run } = await setup();
    await run('migrate');
    expect(out()).toMatch(/SQLite .*graph\.db: schema up to date/);
    await expect(run('query', 'cypher', 'MATCH (n) RETURN n')).rejects.toThrow(/query cypher: needs Neo4j \(set NEO4J_URI\)/);
    await expect(run('query', 'cypher', 'MATCH (n) RETURN n', '--param', 'bad')).rejects.toThrow(/--param bad: must look like name=value/);
    // A write is refused before any store is opened.
    await expect(run('query', 'cypher', 'MERGE (n:X) RETURN n')).rejects.toThrow(/refused MERGE/);
    await ctx.close();
  });
});

describe('newsgraph query cypher on Neo4j', () => {
  function neo4jContext() {
    const stdout = capture();
    const calls: Array<{ cypher: string; params: Record<string, unknown>; timeoutMs?: number }> = [];
    const store = {
      kind: 'neo4j' as const,
      async runRead(cypher: string, params: Record<string, unknown>, options?: { timeoutMs?: number }) {
        calls.push({ cypher, params, timeoutMs: options?.timeoutMs });
        return { columns: ['name', 'articles', 'aliases'], rows: [{ name: 'China', articles: 4, aliases: ['PRC'] }] };
      },
    };
    const base = createCliContext({ stdout: stdout.stream });
    const ctx: CliContext = { ...base, store: async () => store as never, stdout: stdout.stream };
    const run = async (...argv: string[]) => {
      const program = new Command('newsgraph').exitOverride();
      registerCypherCommand(program.command('query'), ctx);
      await program.parseAsync(argv, { from: 'user' });
    };
    return { run, out: stdout.text, calls };
  }

  it('prints a table, passes typed parameters and the timeout', async () => {
    const { run, out, calls } = neo4jContext();
    await run('query', 'cypher', 'MATCH (e:Entity {name: $name}) RETURN e LIMIT $n', '--param', 'name=China', '--param', 'n=5', '--timeout', '2');
    expect(calls).toEqual([{ cypher: 'MATCH (e:Entity {name: $name}) RETURN e LIMIT $n', params: { name: 'China', n: 5 }, timeoutMs: 2000 }]);
    expect(out()).toMatch(/^name +articles +aliases\n-+ +-+ +-+\nChina +4 +\["PRC"\]\n\(1 row\)\n$/);
  });

  it('prints JSON with --json and refuses writes without calling the store', async () => {
    const { run, out, calls } = neo4jContext();
    await run('query', 'cypher', 'MATCH (n) RETURN n', '--json');
    expect(JSON.parse(out())).toEqual({ columns: ['name', 'articles', 'aliases'], rows: [{ name: 'China', articles: 4, aliases: ['PRC'] }] });
    await expect(run('query', 'cypher', 'MATCH (n) DETACH DELETE n')).rejects.toThrow(/refused DETACH/);
    expect(calls).toHaveLength(1);
  });
});
