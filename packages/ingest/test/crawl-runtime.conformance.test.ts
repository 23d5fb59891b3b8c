import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '@newsgraph/graph';
import { articleIdFor } from '@newsgraph/shared';
import { canonicalizeUrl } from '../src/dedupe/canonicalize-url.ts';
import { CrawlStateMemory, openCrawlMemory } from '../src/crawl/crawl-memory.ts';
import { createCrawlStageDeps } from '../src/crawl/crawl-stage-deps.ts';
import { InProcessCrawler } from '../src/crawl/in-process-crawler.ts';
import type { CrawlRuntime } from '../src/crawl/interfaces/crawl-runtime.ts';
import { runCrawl } from '../src/crawl/run-crawl.ts';
import type { PolitenessOptions } from '../src/queue/interfaces/host-gate.ts';
import type { RetryOptions } from '../src/queue/interfaces/retry-options.ts';
import { MemoryHostGate } from '../src/queue/memory-host-gate.ts';
import { createRedisConnection, QueueCrawler } from '../src/queue/queue-crawler.ts';
import { RedisHostGate } from '../src/queue/redis-host-gate.ts';
import { SqliteCrawlState } from '../src/state/sqlite-crawl-state.ts';
import { delayed, respond, startFixtureServer, status, type FixtureServer } from './support/fixture-server.ts';
import { hasRedisServer, startOwnRedis, startTestRedis, type TestRedis } from './support/redis-server.ts';
import { articleHtml, generateArticles, rssFeed, type FixtureArticle } from './fixtures/crawl/news-site.ts';
import { testCrawlConfig, WAIT_FOR_ORIGINAL_RETRY } from './fixtures/crawl/mount-site.ts';

/*
 * One conformance suite for the crawl runtime interface, run against both implementations:
 * QueueCrawler (BullMQ on Redis) and InProcessCrawler (in memory, journaled in SQLite). What one
 * promises, the other must keep: de-duplication, retries (now and scheduled for later), the
 * failed state and its revival, politeness, SIGKILL and restart, and the loss of the crawl's
 * queue storage (Redis restarted without its data; the crawl-state file deleted).
 */

const CRAWL_ONCE_ENTRY = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/crawl/crawl-once-entry.ts');
const FAST_RETRY: RetryOptions = { attempts: 3, baseDelayMs: 40, maxDelayMs: 200 };
const FAST_WORKER = { stalledIntervalMs: 1_000, lockDurationMs: 2_000, maxStalledCount: 3, drainDelaySeconds: 1 };

type Mode = 'in-process' | 'redis';

let redis: TestRedis;
let tmp: string;
let serial = 0;

beforeAll(async () => {
  redis = await startTestRedis();
  tmp = mkdtempSync(join(tmpdir(), 'newsgraph-conformance-'));
});

afterAll(async () => {
  await redis?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

interface OpenedRuntime {
  runtime: CrawlRuntime;
  close(): Promise<void>;
}

interface Harness {
  mode: Mode;
  /** A runtime over `store`; runtimes opened by one harness share its queue storage and crawl state. */
  open(store: SqliteStore, options?: { retry?: RetryOptions; politeness?: Partial<PolitenessOptions> }): Promise<OpenedRuntime>;
  /** Loses the crawl's queue storage and crawl state (Redis FLUSHALL; a fresh crawl-state file). */
  lose(): Promise<void>;
  /** Environment of a `crawl --once` child process on this harness's storage. */
  childEnv(db: string): Record<string, string>;
}

async function harness(mode: Mode): Promise<Harness> {
  const id = ++serial;
  let statePath = join(tmp, `state-${id}.db`);
  if (mode === 'redis') {
    const conn = createRedisConnection(redis.url);
    await conn.flushall();
    await conn.quit();
  }
  return {
    mode,
    async open(store, options = {}) {
      const politeness: PolitenessOptions = { perHostConcurrency: 16, perHostDelayMs: 0, slotTtlMs: 5_000, ...options.politeness };
      const base = testCrawlConfig({ redisUrl: mode === 'redis' ? redis.url : undefined, concurrency: 4 });
      const config = { ...base, http: { ...base.http, perHostDelayMs: politeness.perHostDelayMs, perHostConcurrency: politeness.perHostConcurrency } };
      const retry = options.retry ?? FAST_RETRY;
      if (mode === 'redis') {
        const conn = createRedisConnection(redis.url);
        const memory = await openCrawlMemory(config, conn);
        const { deps, close } = createCrawlStageDeps({ config, store, memory, hostGate: new RedisHostGate(conn, politeness) });
        const runtime = new QueueCrawler(conn, deps, { concurrency: 4, retry, ...FAST_WORKER });
        runtime.startWorkers();
        return {
          runtime,
          close: async () => {
            await runtime.close();
            await close();
            await conn.quit();
          },
        };
      }
      const memory = new CrawlStateMemory(new SqliteCrawlState(statePath));
      const { deps, close } = createCrawlStageDeps({ config, store, memory, hostGate: new MemoryHostGate(politeness) });
      const runtime = new InProcessCrawler(deps, { concurrency: 4, retry });
      runtime.startWorkers();
      return {
        runtime,
        close: async () => {
          await runtime.close();
          await close();
          await memory.close();
        },
      };
    },
    async lose() {
      if (mode === 'redis') {
        const conn = createRedisConnection(redis.url);
        await conn.flushall();
        await conn.quit();
      } else {
        statePath = join(tmp, `state-${id}-after-loss.db`);
      }
    },
    childEnv(db) {
      return mode === 'redis' ? { NEWSGRAPH_DB: db, REDIS_URL: redis.url } : { NEWSGRAPH_DB: db, REDIS_URL: '' };
    },
  };
}

function mountArticles(server: FixtureServer, articles: FixtureArticle[]): void {
  for (const a of articles) server.route(a.path, respond(articleHtml(a, server.origin), { contentType: 'text/html' }));
  server.route('/feed.xml', respond(rssFeed(articles, server.origin), { contentType: 'application/rss+xml' }));
}

function feedSource(server: FixtureServer) {
  return { id: 'site', url: server.url('/feed.xml'), kind: 'rss' };
}

function idOf(server: FixtureServer, article: FixtureArticle): string {
  return articleIdFor(canonicalizeUrl(server.url(article.path)));
}

describe.each<Mode>(['in-process', 'redis'])('crawl runtime conformance: %s', (mode) => {
  it('dedupe: no page is fetched again by a later poll, each story is stored once, a copy on another URL is its publication', async () => {
    const h = await harness(mode);
    const server = await startFixtureServer();
    const store = await SqliteStore.open(':memory:');
    const opened = await h.open(store, { retry: WAIT_FOR_ORIGINAL_RETRY }); // the copy may come before its original is written
    try {
      const articles = generateArticles(6, 61);
      mountArticles(server, articles);
      const copy = { ...articles[0]!, path: '/copy/story.html' };
      server.route(copy.path, respond(articleHtml(copy, server.origin), { contentType: 'text/html' }));
      server.route('/feed.xml', respond(rssFeed([...articles, copy, articles[1]!], server.origin), { contentType: 'application/rss+xml' }));
      await opened.runtime.runOnce([feedSource(server)]);
      const pageHits = () => server.requests.filter((r) => r.path !== '/feed.xml').length;
      const afterFirst = pageHits();
      await opened.runtime.runOnce([feedSource(server)]);
      expect(await opened.runtime.failed()).toEqual([]);
      expect((await store.stats()).articles).toBe(6);
      // The second poll fetched no page again (seen URLs). Within the first, a page is fetched
      // again only when its try is retried (a duplicate found before its original was written).
      expect(pageHits()).toBe(afterFirst);
      for (const a of articles.slice(2)) expect(server.requestsTo(a.path)).toHaveLength(1);
      // The story and its copy: whichever was stored first, the other is its publication.
      const [story, copyId] = [idOf(server, articles[0]!), idOf(server, copy)];
      const storedStory = (await store.getArticle(story)) ? story : copyId;
      const other = storedStory === story ? copy.path : articles[0]!.path;
      expect((await store.listPublications(storedStory)).map((p) => p.url)).toEqual([server.url(other)]);
      expect(server.requestsTo('/feed.xml')).toHaveLength(2);
    } finally {
      await opened.close();
      await store.close();
      await server.close();
    }
  });

  it('retry: a transient failure is retried, a final one is listed as failed and revived by retryFailed', async () => {
    const h = await harness(mode);
    const server = await startFixtureServer();
    const store = await SqliteStore.open(':memory:');
    const opened = await h.open(store);
    try {
      const articles = generateArticles(3, 67);
      mountArticles(server, articles);
      const [flaky, gone] = [articles[0]!, articles[1]!];
      server.route(flaky.path, (req, res, ctx) => (ctx.hit <= 2 ? status(503)(req, res, ctx) : respond(articleHtml(flaky, server.origin), { contentType: 'text/html' })(req, res, ctx)));
      server.route(gone.path, status(404));
      await opened.runtime.runOnce([feedSource(server)]);
      expect(await store.getArticle(idOf(server, flaky))).not.toBeNull();
      const failed = await opened.runtime.failed();
      expect(failed).toEqual([expect.objectContaining({ queue: 'page-fetch', url: canonicalizeUrl(server.url(gone.path)), failedReason: expect.stringMatching(/^\[http-status\].*404/) })]);
      expect((await opened.runtime.counts())['page-fetch']!.failed).toBe(1);

      server.route(gone.path, respond(articleHtml(gone, server.origin), { contentType: 'text/html' }));
      expect(await opened.runtime.retryFailed([failed[0]!.id])).toBe(1);
      await opened.runtime.runOnce([]);
      expect(await opened.runtime.failed()).toEqual([]);
      expect((await store.stats()).articles).toBe(3);
    } finally {
      await opened.close();
      await store.close();
      await server.close();
    }
  });

  it('retry later: runOnce leaves a retry due beyond its horizon scheduled, and the next runtime picks it up', async () => {
    const h = await harness(mode);
    const server = await startFixtureServer();
    const store = await SqliteStore.open(':memory:');
    // Long enough that the retry cannot come due inside the first run on a loaded machine (1.2 s
    // did: the first extraction on a fresh thread took longer), short enough for the second run to wait for it.
    const retry = { attempts: 4, baseDelayMs: 6_000, maxDelayMs: 6_000 };
    try {
      const articles = generateArticles(2, 71);
      mountArticles(server, articles);
      const flaky = articles[0]!;
      server.route(flaky.path, (req, res, ctx) => (ctx.hit === 1 ? status(503)(req, res, ctx) : respond(articleHtml(flaky, server.origin), { contentType: 'text/html' })(req, res, ctx)));
      const first = await h.open(store, { retry });
      await first.runtime.runOnce([feedSource(server)], { retryHorizonMs: 0 });
      expect(await first.runtime.scheduledRetries()).toBe(1);
      expect(await first.runtime.failed()).toEqual([]);
      expect(await store.getArticle(idOf(server, flaky))).toBeNull();
      await first.close();

      const second = await h.open(store, { retry });
      await second.runtime.runOnce([]);
      await second.close();
      expect(await store.getArticle(idOf(server, flaky))).not.toBeNull();
      expect(server.requestsTo(flaky.path)).toHaveLength(2);
    } finally {
      await store.close();
      await server.close();
    }
  });

  it('politeness: requests to one host, from every runtime sharing the scheduler, start the delay apart', async () => {
    const h = await harness(mode);
    const server = await startFixtureServer();
    const store = await SqliteStore.open(':memory:');
    const politeness = { perHostConcurrency: 2, perHostDelayMs: 150 };
    // Redis: two runtimes (as two processes would); in-process the scheduler is the process's own.
    const runtimes = await Promise.all((mode === 'redis' ? [1, 2] : [1]).map(() => h.open(store, { politeness })));
    try {
      const articles = generateArticles(6, 73);
      mountArticles(server, articles);
      await runtimes[0]!.runtime.runOnce([feedSource(server)]);
      expect((await store.stats()).articles).toBe(6);
      const times = server.requests.map((r) => r.at).sort((a, b) => a - b);
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      expect(gaps.length).toBeGreaterThanOrEqual(6);
      // No lag allowance: a turn is granted only after the previous request reached the host.
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(politeness.perHostDelayMs);
    } finally {
      for (const r of runtimes) await r.close();
      await store.close();
      await server.close();
    }
  });

  it('SIGKILL and restart: a crawl killed mid-run and run again loses and duplicates nothing', async () => {
    const h = await harness(mode);
    const server = await startFixtureServer();
    const db = join(tmp, `killed-${mode}-${serial}`, 'graph.db');
    const children: ChildProcess[] = [];
    try {
      const articles = generateArticles(40, 79);
      for (const a of articles) server.route(a.path, delayed(60, respond(articleHtml(a, server.origin), { contentType: 'text/html' })));
      server.route('/feed.xml', respond(rssFeed(articles, server.origin), { contentType: 'application/rss+xml' }));
      const store = await SqliteStore.open(db);
      const start = () => {
        const child = spawn(process.execPath, [CRAWL_ONCE_ENTRY], {
          env: { ...process.env, ...h.childEnv(db), FEED_URL: server.url('/feed.xml'), CRAWL_CONCURRENCY: '4' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        children.push(child);
        let last = '';
        let stderr = '';
        child.stdout!.on('data', (d: Buffer) => (last = d.toString().trim().split('\n').at(-1) ?? last));
        child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
        // The last stdout line, with the child's stderr (failure reasons) when it is not `done 0`.
        return { child, finished: new Promise<string>((resolve) => child.once('exit', () => resolve(last === 'done 0' ? last : `${last}\n${stderr}`))) };
      };
      const first = start();
      // Until some articles are in, however long the child takes to start on a loaded machine
      // (a fixed 15 s wait killed it before its first article at load 9); the test timeout bounds it.
      while ((await store.stats()).articles < 8 && first.child.exitCode === null) await new Promise((r) => setTimeout(r, 25));
      first.child.kill('SIGKILL');
      await first.finished;
      const before = (await store.stats()).articles;
      expect(before).toBeGreaterThan(0);
      expect(before).toBeLessThan(articles.length);
      expect(await start().finished).toBe('done 0');
      const ids = articles.map((a) => idOf(server, a));
      const stored = await Promise.all(ids.map((id) => store.getArticle(id)));
      expect(stored.filter(Boolean)).toHaveLength(articles.length);
      expect((await store.stats()).articles).toBe(articles.length);
      await store.close();
    } finally {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await server.close();
    }
    // Two cold starts of a crawl process (each loads the NLP lexicons) plus stalled-job recovery:
    // 28-59 s measured at load 8, against the default 60 s budget.
  }, 180_000);

  it('storage loss: after the queues and crawl state are lost, a new run re-finds everything and stores nothing twice', async () => {
    const h = await harness(mode);
    const server = await startFixtureServer();
    const store = await SqliteStore.open(':memory:');
    try {
      const articles = generateArticles(4, 83);
      mountArticles(server, articles);
      const first = await h.open(store);
      await first.runtime.runOnce([feedSource(server)]);
      await first.close();
      const stats = await store.stats();
      expect(stats.articles).toBe(4);
      await h.lose();
      const second = await h.open(store);
      await second.runtime.runOnce([feedSource(server)]);
      expect(await second.runtime.failed()).toEqual([]);
      await second.close();
      // Every page was fetched again (the seen set was lost), and every write was "unchanged".
      for (const a of articles) expect(server.requestsTo(a.path)).toHaveLength(2);
      expect(await store.stats()).toEqual(stats);
    } finally {
      await store.close();
      await server.close();
    }
  });
});

describe.skipIf(!hasRedisServer())('Redis loss, long-running (queue mode)', () => {
  it('schedulers come back after Redis restarts without its data, /healthz is degraded while they are missing, and shutdown never hangs', async () => {
    let own = await startOwnRedis();
    const server = await startFixtureServer();
    const store = await SqliteStore.open(':memory:');
    const articles = generateArticles(3, 89);
    mountArticles(server, articles.slice(0, 2));
    const config = testCrawlConfig({ redisUrl: own.url, concurrency: 2 });
    const controller = new AbortController();
    let health: (() => Promise<{ ok: boolean; degraded?: boolean; checks: Record<string, unknown> }>) | null = null;
    const crawl = runCrawl({
      config,
      store,
      sources: [{ source: feedSource(server), intervalMs: 400 }],
      role: 'crawl',
      signal: controller.signal,
      openMemory: (conn) => openCrawlMemory(config, conn),
      retry: FAST_RETRY,
      worker: FAST_WORKER,
      schedulerCheckMs: 500,
      closeTimeoutMs: 1_500,
      onReady: ({ metricsUrl }) => {
        health = async () => (await fetch(`${metricsUrl}/healthz`)).json() as Promise<{ ok: boolean; checks: Record<string, unknown> }>;
      },
    });
    try {
      for (let i = 0; i < 200 && (await store.stats()).articles < 2; i++) await new Promise((r) => setTimeout(r, 50));
      expect((await store.stats()).articles).toBe(2);
      expect(await health!()).toMatchObject({ status: 'ok', schedulers: '1/1' });

      // Redis loses its data (FLUSHALL is what a restart without persistence amounts to).
      // The periodic check (every 500 ms) may re-create the scheduler between the FLUSHALL and the
      // health request (seen once in CI with two test files at once), so a few tries: a health
      // that never reports the missing scheduler still fails.
      const conn = createRedisConnection(own.url);
      let degraded: Record<string, unknown> | null = null;
      for (let i = 0; i < 5 && degraded?.['status'] !== 'degraded'; i++) {
        await conn.flushall();
        degraded = (await health!()) as unknown as Record<string, unknown>;
      }
      expect(degraded).toMatchObject({ status: 'degraded', schedulers: '0/1' });
      // Without any health request, the periodic check puts it back.
      await conn.flushall();
      const schedulerKey = 'newsgraph:feed-poll:repeat:source-site';
      for (let i = 0; i < 100 && (await conn.exists(schedulerKey)) === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(await conn.exists(schedulerKey)).toBe(1);
      await conn.quit();

      // A real restart without persistence: polling resumes by itself and finds a new story.
      await own.stop();
      own = await startOwnRedis(own.port);
      mountArticles(server, articles);
      for (let i = 0; i < 300 && (await store.stats()).articles < 3; i++) await new Promise((r) => setTimeout(r, 50));
      expect((await store.stats()).articles).toBe(3);
      expect(await health!()).toMatchObject({ status: 'ok', schedulers: '1/1' });

      // Redis gone for good: stopping still finishes (before: shutdown waited for Redis forever;
      // a hang here fails the test by its timeout) and the run resolves with its summary.
      await own.stop();
      controller.abort();
      const summary = await crawl;
      expect(summary.mode).toBe('queue');
    } finally {
      controller.abort();
      await crawl.catch(() => undefined);
      await own.stop();
      await store.close();
      await server.close();
    }
  });
});
