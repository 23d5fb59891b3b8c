import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { contentHash, toArticleDocument, type Article, type ExtractedEntity, type ExtractedRelation } from '@newsgraph/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createCliContext, type CliContext } from '../src/context.ts';
import { registerQueryCommand } from '../src/commands/query.ts';

/**
 * `newsgraph query path --predicate/--exclude` on an embedded SQLite store: two prime ministers
 * joined both through the country they both hold a role in (a hub) and through a meeting with
 * a third person. Leaving HOLDS_ROLE out must find the meeting path.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function entity(id: string, type: ExtractedEntity['type'], name: string): ExtractedEntity {
  return { id, type, name, attributes: {}, mentions: [{ start: 0, end: name.length, text: name }] };
}

function relation(subject: string, predicate: ExtractedRelation['predicate'], object: string, sentence: string): ExtractedRelation {
  return { subject, predicate, object, evidence: { sentence, start: 0, end: sentence.length, rule: 'test.fixture', confidence: 0.9 } };
}

function article(n: number, text: string): Article {
  return {
    id: `art-${n}`,
    url: `https://news.example/${n}`,
    canonicalUrl: `https://news.example/${n}`,
    title: `Story ${n}`,
    outlet: 'Example Wire',
    author: null,
    publishedAt: `2024-01-${String(10 + n).padStart(2, '0')}T09:00:00Z`,
    fetchedAt: '2024-02-01T00:00:00Z',
    language: 'en',
    text,
    contentHash: contentHash(text),
  };
}

const ALDER = entity('person:ann-alder', 'Person', 'Ann Alder');
const BIRCH = entity('person:bo-birch', 'Person', 'Bo Birch');
const CEDAR = entity('person:cy-cedar', 'Person', 'Cy Cedar');
const RURITANIA = entity('country:RT', 'Country', 'Ruritania');

async function setup(): Promise<{ ctx: CliContext; out: () => string; run: (...argv: string[]) => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-query-path-'));
  dirs.push(dir);
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const ctx = createCliContext({ env: { NEWSGRAPH_DB: join(dir, 'graph.db'), NEWSGRAPH_LOG_LEVEL: 'silent' }, stdout, stderr: new PassThrough() });
  const store = await ctx.store();
  // The role edges are in three articles each, the meetings in one: the hub path is the strongest.
  for (let n = 1; n <= 3; n++) {
    const body = 'Ann Alder, prime minister of Ruritania, and Bo Birch, its finance minister, spoke.';
    await store.writeArticle(
      toArticleDocument(article(n, body), {
        entities: [ALDER, BIRCH, RURITANIA],
        relations: [relation(ALDER.id, 'HOLDS_ROLE', RURITANIA.id, body), relation(BIRCH.id, 'HOLDS_ROLE', RURITANIA.id, body)],
      }),
    );
  }
  const meeting = 'Ann Alder met Cy Cedar, who later met Bo Birch.';
  await store.writeArticle(
    toArticleDocument(article(4, meeting), {
      entities: [ALDER, BIRCH, CEDAR],
      relations: [relation(ALDER.id, 'MET_WITH', CEDAR.id, meeting), relation(BIRCH.id, 'MET_WITH', CEDAR.id, meeting)],
    }),
  );
  const run = async (...argv: string[]) => {
    text = '';
    const program = new Command('newsgraph').exitOverride();
    registerQueryCommand(program, ctx);
    await program.parseAsync(argv, { from: 'user' });
  };
  return { ctx, out: () => text, run };
}

interface PathJson {
  paths: Array<{ nodes: Array<{ id: string }>; edges: Array<{ predicate: string }> }>;
}

describe('newsgraph query path --predicate / --exclude', () => {
  it('goes through the hub by default and around it with --exclude HOLDS_ROLE', async () => {
    const { ctx, out, run } = await setup();
    await run('query', 'path', ALDER.id, BIRCH.id, '--limit', '1');
    expect(out().trim()).toBe('Ann Alder -[HOLDS_ROLE]-> Ruritania <-[HOLDS_ROLE]- Bo Birch');

    await run('query', 'path', ALDER.id, BIRCH.id, '--exclude', 'HOLDS_ROLE', '--json');
    const around = JSON.parse(out()) as PathJson;
    expect(around.paths.map((p) => p.nodes.map((n) => n.id))).toEqual([[ALDER.id, CEDAR.id, BIRCH.id]]);
    expect(around.paths.flatMap((p) => p.edges.map((e) => e.predicate))).toEqual(['MET_WITH', 'MET_WITH']);

    // Lower case is accepted; --predicate alone restricts the same way.
    await run('query', 'path', 'Ann Alder', 'Bo Birch', '--predicate', 'met_with', '--json');
    expect((JSON.parse(out()) as PathJson).paths.map((p) => p.nodes.map((n) => n.id))).toEqual([[ALDER.id, CEDAR.id, BIRCH.id]]);

    // Only role edges: the meeting path is gone.
    await run('query', 'path', ALDER.id, BIRCH.id, '--predicate', 'HOLDS_ROLE', '--json');
    expect((JSON.parse(out()) as PathJson).paths.map((p) => p.nodes.map((n) => n.id))).toEqual([[ALDER.id, RURITANIA.id, BIRCH.id]]);

    // A predicate no path can use: no path, said in words.
    await expect(run('query', 'path', ALDER.id, BIRCH.id, '--predicate', 'VISITED')).resolves.toBeUndefined();
    expect(out()).toMatch(/^no path of at most 4 hops between Ann Alder/);
    await ctx.close();
  });

  it('refuses an unknown predicate and an exclusion that leaves nothing, naming the flag', async () => {
    const { ctx, run } = await setup();
    await expect(run('query', 'path', ALDER.id, BIRCH.id, '--exclude', 'KNOWS')).rejects.toThrow(/^--exclude KNOWS: not a predicate/);
    await expect(run('query', 'path', ALDER.id, BIRCH.id, '--predicate', 'MET_WITH', '--exclude', 'MET_WITH')).rejects.toThrow(
      '--exclude: leaves no predicate to follow (excluded: MET_WITH)',
    );
    await ctx.close();
  });
});
