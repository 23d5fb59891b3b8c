import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { createCliContext } from '../src/context.ts';
import { registerCrawlCommands } from '../src/commands/crawl.ts';
import { registerSourcesCommand } from '../src/commands/sources.ts';

/** The operator's side of `crawl`, `jobs` and `sources add` (issue 14, items 1 and 7), without Redis. */

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '../src/main.ts');

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, text: () => text };
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-crawl-cli-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function env(dir: string): Record<string, string> {
  return {
    NEWSGRAPH_DB: join(dir, 'graph.db'),
    NEWSGRAPH_SOURCES: join(dir, 'sources.yaml'),
    NEWSGRAPH_LOG_LEVEL: 'silent',
    NEWSGRAPH_ALLOW_PRIVATE_NETWORK: 'true',
    NEWSGRAPH_PER_HOST_DELAY_MS: '0',
    NEWSGRAPH_PER_HOST_CONCURRENCY: '8',
    NEWSGRAPH_METRICS_PORT: '0',
  };
}

async function cli(environment: Record<string, string>, ...argv: string[]) {
  const stdout = capture();
  const stderr = capture();
  const ctx = createCliContext({ env: environment, stdout: stdout.stream, stderr: stderr.stream });
  const program = new Command('newsgraph').exitOverride();
  registerSourcesCommand(program, ctx);
  registerCrawlCommands(program, ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } finally {
    await ctx.close();
  }
  return { out: stdout.text(), err: stderr.text(), code: ctx.exitCode() };
}

/** Distinct texts (near-duplicate detection would fold similar pages into one story). */
const TEXTS: Record<string, string[]> = {
  Alpha: [
    'Officials from both countries met on Tuesday to discuss shipments of machine tools and ball bearings, according to customs records reviewed by reporters.',
    'The talks, which lasted several hours, ended without an agreement on the export controls that both governments had promised to review before the summit.',
  ],
  Bravo: [
    'A freighter loaded with fertilizer left the northern port late on Sunday, two weeks after the harbour authority lifted its ban on night departures.',
    'Dock workers said the backlog of grain and steel pipes would take until spring to clear, even with the extra cranes leased from a private operator.',
  ],
  Charlie: [
    'Parliament voted to tighten the licensing rules for drones and microchips after a committee found that front companies had exploited a loophole.',
    'The new law obliges exporters to name the final recipient of every consignment and gives customs officers the power to seize undeclared cargo.',
  ],
  Slow: [
    'The central bank kept its main interest rate unchanged for the fourth meeting in a row, citing stubborn inflation in services and housing costs.',
    'Economists had expected the pause, although two members of the board argued for a cut to support exporters hit by the strong currency.',
  ],
};

/** A tiny news site: a feed of `paths`; pages answer from `pages` (404 when missing). */
async function site(paths: string[], pages: Map<string, (res: import('node:http').ServerResponse) => void>): Promise<{ origin: string; hits: Map<string, number> }> {
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/feed.xml') {
      const items = paths.map((p) => `<item><title>Story ${p}</title><link>${origin}${p}</link></item>`).join('');
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${items}</channel></rss>`);
      return;
    }
    const page = pages.get(path);
    if (page) page(res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { origin, hits };
}

function articlePage(title: string): (res: import('node:http').ServerResponse) => void {
  const [first, second] = TEXTS[title.split(' ')[0]!]!;
  return (res) =>
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(`<html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${first}</p><p>${second}</p></article></body></html>`);
}

describe('newsgraph crawl (in-process)', () => {
  it('without sources: a hint naming the file and how to add one, exit 1', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sources.yaml'), 'sources: []\n');
    const result = await cli(env(dir), 'crawl', '--once', '--threads', '0');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/no sources to crawl in .*sources\.yaml: add a feed with `newsgraph sources add <url>`/);
  });

  it('summarises articles stored and failures; jobs failed lists the failed page and jobs retry revives it', async () => {
    const dir = tempDir();
    const pages = new Map([
      ['/a.html', articlePage('Alpha ministers meet')],
      ['/b.html', articlePage('Bravo trade talks')],
    ]);
    const { origin } = await site(['/a.html', '/b.html', '/c.html'], pages);
    const e = env(dir);
    expect((await cli(e, 'sources', 'add', `${origin}/feed.xml`, '--id', 'site')).code).toBe(0);

    const first = await cli(e, 'crawl', '--once', '--threads', '0');
    expect(first.out).toMatch(/^articles: 2 stored, 0 updated, 0 unchanged, 0 duplicates, 1 failed$/m);
    expect(first.code).toBe(1);

    const failed = await cli(e, 'jobs', 'failed', '--json');
    const list = JSON.parse(failed.out) as Array<{ queue: string; id: string; url: string; failedReason: string }>;
    expect(list).toEqual([expect.objectContaining({ queue: 'page-fetch', url: `${origin}/c.html`, failedReason: expect.stringMatching(/404/) })]);

    pages.set('/c.html', articlePage('Charlie export controls'));
    const retried = await cli(e, 'jobs', 'retry', list[0]!.id);
    expect(retried.out).toMatch(/requeued 1 failed page/);
    expect(JSON.parse((await cli(e, 'jobs', 'failed', '--json')).out)).toEqual([]);

    const second = await cli(e, 'crawl', '--once', '--threads', '0');
    expect(second.out).toMatch(/^articles: 1 stored, 0 updated, 0 unchanged, 0 duplicates, 0 failed$/m);
    expect(second.code).toBe(0);
  });

  it('opens a SQLite store with the writer memory settings (a small cache, no mmap)', async () => {
    const dir = tempDir();
    const { origin } = await site(['/a.html'], new Map([['/a.html', articlePage('Alpha ministers meet')]]));
    writeFileSync(join(dir, 'sources.yaml'), `sources:\n  - id: site\n    url: ${origin}/feed.xml\n`);
    const ctx = createCliContext({ env: env(dir), stdout: capture().stream, stderr: capture().stream });
    const program = new Command('newsgraph').exitOverride();
    registerCrawlCommands(program, ctx);
    try {
      await program.parseAsync(['crawl', '--once', '--threads', '0'], { from: 'user' });
      expect(ctx.exitCode()).toBe(0);
      // The context keeps the store the crawl opened.
      const store = (await ctx.store()) as unknown as { memorySettings(): { cacheMb: number; mmapMb: number } };
      expect(store.memorySettings()).toEqual({ cacheMb: 8, mmapMb: 0 });
    } finally {
      await ctx.close();
    }
  });

  it('an interrupted --once exits non-zero and says the rest is resumed', async () => {
    const dir = tempDir();
    const slow = (res: import('node:http').ServerResponse) => setTimeout(() => articlePage('Slow story')(res), 3_000);
    const { origin, hits } = await site(['/slow-1.html', '/slow-2.html'], new Map([['/slow-1.html', slow], ['/slow-2.html', slow]]));
    writeFileSync(join(dir, 'sources.yaml'), `sources:\n  - id: slow\n    url: ${origin}/feed.xml\n`);
    const child = spawn(process.execPath, [MAIN, 'crawl', '--once', '--threads', '0'], { env: { ...process.env, ...env(dir) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // Wait for the slow page's request itself, not a fixed time: on a loaded machine the CLI's
    // start-up alone can take longer than 5 s (the test's own timeout bounds the wait).
    for (; !hits.has('/slow-1.html') && child.exitCode === null; ) await new Promise((r) => setTimeout(r, 25));
    expect(hits.has('/slow-1.html')).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/interrupted before every source was crawled/);
  });
});

describe('newsgraph sources add', () => {
  it('warns about private and local addresses, but adds them', async () => {
    const dir = tempDir();
    const e = { ...env(dir), NEWSGRAPH_ALLOW_PRIVATE_NETWORK: 'false' };
    const local = await cli(e, 'sources', 'add', 'http://192.168.1.20/feed.xml');
    expect(local.code).toBe(0);
    expect(local.err).toMatch(/warning: http:\/\/192\.168\.1\.20\/feed\.xml is not a public address .*NEWSGRAPH_ALLOW_PRIVATE_NETWORK=true/);
    const loopback = await cli(e, 'sources', 'add', 'http://localhost:8080/feed.xml');
    expect(loopback.err).toMatch(/warning: .*localhost.*loopback/);
    const listed = await cli(e, 'sources', 'list', '--json');
    expect((JSON.parse(listed.out) as unknown[]).length).toBe(2);
    // A public address passes silently (a literal, so no DNS is needed).
    expect((await cli(e, 'sources', 'add', 'https://93.184.215.14/feed.xml')).err).toBe('');
  });
});
