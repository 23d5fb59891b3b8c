import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '@newsgraph/graph';
import { articleIdFor } from '@newsgraph/shared';
import { canonicalizeUrl } from '../src/dedupe/canonicalize-url.ts';
import { openCrawlMemory } from '../src/crawl/crawl-memory.ts';
import { createCrawlStageDeps } from '../src/crawl/crawl-stage-deps.ts';
import { runCrawl } from '../src/crawl/run-crawl.ts';
import { Worker, type Job } from 'bullmq';
import { CrawlQueues } from '../src/queue/crawl-queues.ts';
import { QUEUE_NAMES, QUEUE_PREFIX } from '../src/queue/queue-names.ts';
import { createRedisConnection, QueueCrawler } from '../src/queue/queue-crawler.ts';
import { ONCE_RETRY_HORIZON_MS } from '../src/queue/interfaces/retry-options.ts';
import { RedisHostGate } from '../src/queue/redis-host-gate.ts';
import type { ScheduledSource } from '../src/queue/interfaces/crawl-queue-options.ts';
import { delayed, respond, startFixtureServer, type FixtureServer } from './support/fixture-server.ts';
import { startTestRedis, type TestRedis } from './support/redis-server.ts';
import { recordedReextraction, storeContents } from './support/recorded-extraction.ts';
import { articleHtml, generateArticles, rssFeed } from './fixtures/crawl/news-site.ts';
import { mountNewsSite, testCrawlConfig } from './fixtures/crawl/mount-site.ts';
import { forgetfulMemory } from './support/forgetful-memory.ts';

const here = dirname(fileURLToPath(import.meta.url));
const WORKER_ENTRY = join(here, 'fixtures/crawl/worker-entry.ts');
const FAST_RETRY = { attempts: 3, baseDelayMs: 50, maxDelayMs: 300 };
const FAST_WORKER = { stalledIntervalMs: 1_000, lockDurationMs: 2_000, maxStalledCount: 3, drainDelaySeconds: 1 };

let redis: TestRedis;
let tmp: string;

beforeAll(async () => {
  redis = await startTestRedis();
  tmp = mkdtempSync(join(tmpdir(), 'newsgraph-crawl-'));
});

afterAll(async () => {
  await redis?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Empties Redis between tests (each test owns the whole test server). */
async function flushRedis(): Promise<void> {
  const conn = createRedisConnection(redis.url);
  await conn.flushall();
  await conn.quit();
}

function source(id: string, url: string, intervalMs = 60_000): ScheduledSource {
  return { source: { id, url, kind: 'rss', bodySelector: null }, intervalMs };
}

function expectedIds(server: FixtureServer, paths: string[]): string[] {
  return paths.map((p) => articleIdFor(canonicalizeUrl(server.url(p)))).sort();
}

/** Content hash of the article at each path (ids differ between fixture servers: the port is in the URL); null for one not stored. */
async function contentHashes(store: SqliteStore, server: FixtureServer, paths: string[]): Promise<Record<string, string | null>> {
  const hashes: Record<string, string | null> = {};
  for (const path of paths) hashes[path] = (await store.getArticle(articleIdFor(canonicalizeUrl(server.url(path)))))?.contentHash ?? null;
  return hashes;
}

/**
 * Nothing lost or written twice: the store holds exactly what extracting each of `ids` once, with
 * the alias resolutions it recorded, gives (support/recorded-extraction.ts says why this, and not
 * another crawl's totals, is the reference), and every article has its learning record.
 */
async function expectEachArticleOnce(store: SqliteStore, ids: string[]): Promise<void> {
  const { contents, missingLearning } = await recordedReextraction(store, ids);
  expect(missingLearning, 'articles without an alias learning record').toEqual([]);
  expect(await storeContents(store)).toEqual(contents);
}

/** Every stored article id (the store has no list call; ask for each expected one and count). */
async function storedIds(store: SqliteStore, ids: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const id of ids) if (await store.getArticle(id)) found.push(id);
  return found.sort();
}

/*
 * Locks as in production (30 s) for runs that kill nothing: FAST_WORKER's 2 s lock is there so
 * the SIGKILL tests recover quickly, but on a loaded machine a 2 s lock is not always renewed
 * in time ("could not renew lock"), and the stalled check then runs the page job a second time
 * while the first still finishes — a correct at-least-once re-run (the store still holds each
 * article once) that a "fetched exactly once" assertion cannot tell from a real duplicate fetch.
 */
const PRODUCTION_LOCKS = { ...FAST_WORKER, stalledIntervalMs: 30_000, lockDurationMs: 30_000 };

async function crawlOnce(configDb: string, sources: ScheduledSource[], extra: { concurrency?: number; worker?: typeof FAST_WORKER } = {}) {
  const config = testCrawlConfig({ db: configDb, redisUrl: redis.url, concurrency: extra.concurrency ?? 8 });
  const store = await SqliteStore.open(configDb);
  try {
    const summary = await runCrawl({
      config,
      store,
      sources,
      role: 'crawl',
      once: true,
      serveMetrics: false,
      openMemory: (conn) => openCrawlMemory(config, conn),
      retry: FAST_RETRY,
      worker: extra.worker ?? FAST_WORKER,
    });
    return { summary, stats: await store.stats() };
  } finally {
    await store.close();
  }
}

describe('crawl through BullMQ workers on Redis', () => {
  /** The clean crawl's article texts (content hash by path), which the crashed crawl must store too. */
  let cleanHashes: Record<string, string | null> | null = null;

  it('stores each of 200 fixture articles exactly once; a second crawl adds nothing', async () => {
    await flushRedis();
    const server = await startFixtureServer();
    try {
      const articles = generateArticles(200);
      const feedUrl = mountNewsSite(server, articles);
      const db = join(tmp, 'clean.db');
      const first = await crawlOnce(db, [source('gazette', feedUrl)], { worker: PRODUCTION_LOCKS });
      expect(first.summary.failed).toEqual([]);
      expect(first.stats.articles).toBe(200);
      expect(first.stats.claims).toBeGreaterThan(200);
      const store = await SqliteStore.open(db);
      const ids = expectedIds(server, articles.map((a) => a.path));
      expect(await storedIds(store, ids)).toEqual(ids);
      await expectEachArticleOnce(store, ids);
      cleanHashes = await contentHashes(store, server, articles.map((a) => a.path));
      await store.close();
      // Every page was fetched once; the second poll finds nothing new (seen URLs) and the feed is read again.
      const pageHits = server.requests.filter((r) => r.path.startsWith('/news/')).length;
      expect(pageHits).toBe(200);
      const second = await crawlOnce(db, [source('gazette', feedUrl)], { worker: PRODUCTION_LOCKS });
      expect(second.stats).toEqual(first.stats);
      expect(server.requests.filter((r) => r.path.startsWith('/news/')).length).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('a restart of crawl does not duplicate job schedulers; removed sources lose theirs', async () => {
    await flushRedis();
    const sources = [source('a', 'http://127.0.0.1:9/a.xml'), source('b', 'http://127.0.0.1:9/b.xml', 30_000), source('c', 'http://127.0.0.1:9/c.xml')];
    for (let start = 0; start < 2; start++) {
      const conn = createRedisConnection(redis.url);
      const queues = new CrawlQueues(conn, { retry: FAST_RETRY });
      await queues.syncSchedulers(sources);
      expect(await queues.queues.feed.getJobSchedulersCount()).toBe(3);
      await queues.close();
      await conn.quit();
    }
    const conn = createRedisConnection(redis.url);
    const queues = new CrawlQueues(conn, { retry: FAST_RETRY });
    const result = await queues.syncSchedulers(sources.slice(0, 2));
    expect(result.removed).toEqual(['source-c']);
    const schedulers = await queues.queues.feed.getJobSchedulers(0, -1);
    expect(schedulers.map((s) => s.id ?? s.key).sort()).toEqual(['source-a', 'source-b']);
    expect(schedulers.find((s) => (s.id ?? s.key) === 'source-b')?.every).toBe(30_000);
    // One pending poll job per scheduler, not one per start.
    const counts = await queues.queues.feed.getJobCounts('waiting', 'delayed');
    expect((counts.waiting ?? 0) + (counts.delayed ?? 0)).toBe(2);
    await queues.close();
    await conn.quit();
  });

  it('bad feeds and pages fail their own jobs with a reason; the rest is crawled and nothing stalls', async () => {
    await flushRedis();
    const server = await startFixtureServer();
    try {
      const db = join(tmp, 'bad.db');
      const good = generateArticles(12, 99);
      const origin = server.origin;
      for (const a of good) server.route(a.path, respond(articleHtml(a, origin), { contentType: 'text/html' }));
      const badPages: Record<string, { path: string; handler: Parameters<FixtureServer['route']>[1] }> = {
        missing: { path: '/bad/missing.html', handler: respond('gone', { status: 404, contentType: 'text/html' }) },
        binary: { path: '/bad/binary.html', handler: respond(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0xff, 0xfe, 0, 0]), { contentType: 'image/png' }) },
        huge: { path: '/bad/huge.html', handler: respond(`<html><body><p>${'x'.repeat(3 * 1024 * 1024)}</p></body></html>`, { contentType: 'text/html' }) },
        slow: { path: '/bad/slow.html', handler: delayed(5_000, respond('<html></html>', { contentType: 'text/html' })) },
        empty: { path: '/bad/empty.html', handler: respond('<html><body><nav>Home</nav></body></html>', { contentType: 'text/html' }) },
        error: { path: '/bad/error.html', handler: respond('oops', { status: 500, contentType: 'text/html' }) },
      };
      for (const b of Object.values(badPages)) server.route(b.path, b.handler);
      const hijack = { ...generateArticles(1, 4242)[0]!, path: '/bad/hijack.html' };
      server.route(hijack.path, respond(articleHtml(hijack, origin).replace(`${origin}/bad/hijack.html`, 'https://victim.example/news/1'), { contentType: 'text/html' }));
      const hijackStored = async () => {
        const store = await SqliteStore.open(db);
        const ok = (await store.getArticle(articleIdFor(canonicalizeUrl(server.url(hijack.path))))) !== null;
        const stolen = (await store.getArticle(articleIdFor(canonicalizeUrl('https://victim.example/news/1')))) !== null;
        await store.close();
        return ok && !stolen;
      };
      const items = [...good.map((a) => a.path), hijack.path, ...Object.values(badPages).map((b) => b.path)];
      const feed = rssFeed(
        items.map((path) => ({ path, title: path, publishedAt: '2024-05-01T00:00:00Z', paragraphs: [] })),
        origin,
      );
      server.route('/good.xml', respond(feed, { contentType: 'application/rss+xml' }));
      server.route('/malformed.xml', respond('<rss><channel><item><link>http://x', { contentType: 'application/rss+xml' }));
      server.route('/binary.xml', respond(Buffer.from([0, 1, 2, 3, 4, 5, 0xff, 0xd8, 0xff]), { contentType: 'application/rss+xml' }));
      server.route('/mislabelled.xml', respond('<html><body><h1>Not a feed</h1></body></html>', { contentType: 'application/rss+xml' }));
      server.route(
        '/hostile.xml',
        respond(
          `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><rss><channel><item><title>&lol3;</title><link>javascript:alert(1)</link></item></channel></rss>`,
          { contentType: 'application/rss+xml' },
        ),
      );
      server.route('/huge.xml', respond(`<rss><channel>${'<item><title>t</title></item>'.repeat(400_000)}</channel></rss>`, { contentType: 'application/rss+xml' }));
      server.route('/slow.xml', delayed(5_000, respond(feed, { contentType: 'application/rss+xml' })));
      const sources = [
        source('good', server.url('/good.xml')),
        source('malformed', server.url('/malformed.xml')),
        source('binary', server.url('/binary.xml')),
        source('mislabelled', server.url('/mislabelled.xml')),
        source('hostile', server.url('/hostile.xml')),
        source('huge', server.url('/huge.xml')),
        source('slow', server.url('/slow.xml')),
      ];
      const { summary, stats } = await crawlOnce(db, sources);
      expect(stats.articles).toBe(good.length + 1);
      const reasons = new Map(summary.failed.map((f) => [f.url, f.failedReason]));
      const url = (p: string) => canonicalizeUrl(server.url(p));
      expect(reasons.get(url(badPages.missing!.path))).toMatch(/^\[http-status\].*404/);
      expect(reasons.get(url(badPages.binary!.path))).toMatch(/^\[(unsupported-content|input)\]/);
      expect(reasons.get(url(badPages.huge!.path))).toMatch(/^\[(too-large|input)\]/);
      expect(reasons.get(url(badPages.slow!.path))).toMatch(/^\[timeout\]/);
      expect(reasons.get(url(badPages.empty!.path))).toMatch(/^\[input\].*no article text/);
      expect(reasons.get(url(badPages.error!.path))).toMatch(/^\[http-status\].*500/);
      expect(reasons.get(server.url('/malformed.xml'))).toMatch(/^\[input\] .*malformed\.xml: XML error/);
      expect(reasons.get(server.url('/binary.xml'))).toMatch(/^\[input\] .*binary\.xml: not a feed/);
      expect(reasons.get(server.url('/mislabelled.xml'))).toMatch(/^\[input\] .*mislabelled\.xml: not a feed: looks like HTML/);
      expect(reasons.get(server.url('/huge.xml'))).toMatch(/^\[too-large\] /);
      expect(reasons.get(server.url('/slow.xml'))).toMatch(/^\[timeout\] /);
      // The entity-expansion feed with a javascript: link parses to nothing harmful: no job fails, nothing is fetched.
      expect(reasons.has(server.url('/hostile.xml'))).toBe(false);
      expect(server.requests.some((r) => r.path.includes('alert'))).toBe(false);
      // A page claiming another site's canonical URL keeps the id of its own URL.
      expect(await hijackStored()).toBe(true);
      // Retryable failures were retried (attempts = 3), the others failed at once.
      const attempts = new Map(summary.failed.map((f) => [f.url, f.attempts]));
      expect(attempts.get(url(badPages.error!.path))).toBe(3);
      expect(attempts.get(url(badPages.missing!.path))).toBe(1);
      // `jobs failed` sees the same jobs in Redis.
      const conn = createRedisConnection(redis.url);
      const queues = new CrawlQueues(conn, { retry: FAST_RETRY });
      const listed = await queues.listFailed();
      expect(listed.length).toBe(summary.failed.length);
      expect(listed.find((f) => f.url === url(badPages.missing!.path))).toMatchObject({ queue: 'page-fetch', attempts: 1 });
      // `jobs retry` requeues the named failed jobs (workers are stopped here, so they wait).
      const failedJob = listed.find((f) => f.url === url(badPages.missing!.path))!;
      expect(await queues.retry([failedJob.id, 'no-such-job'])).toEqual({ retried: [failedJob.id], missing: ['no-such-job'] });
      expect(await (await queues.queues.page.getJob(failedJob.id))!.getState()).toBe('waiting');
      expect((await queues.listFailed()).length).toBe(listed.length - 1);
      await queues.close();
      await conn.quit();
    } finally {
      await server.close();
    }
  });

  it('jobs retry --all gives every failed job fresh attempts, like retry by id; a re-fetched page revives its failed process job', async () => {
    await flushRedis();
    const conn = createRedisConnection(redis.url);
    const queues = new CrawlQueues(conn, { retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 10 } });
    const workerConn = createRedisConnection(redis.url);
    const startWorker = (fail: (job: Job) => boolean) =>
      new Worker(
        QUEUE_NAMES.page,
        async (job: Job) => {
          if (fail(job)) throw new Error(`try ${job.attemptsMade + 1} fails`);
          return 'ok';
        },
        { connection: workerConn, prefix: QUEUE_PREFIX, concurrency: 4, settings: { backoffStrategy: () => 10 } },
      );
    const waitFor = async (check: () => Promise<boolean>) => {
      for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25));
      expect(await check()).toBe(true);
    };
    try {
      const pages = Array.from({ length: 7 }, (_, i) => ({ url: `http://127.0.0.1:9/news/${i}.html`, source: source('s', 'http://127.0.0.1:9/feed.xml').source }));
      await queues.sinks().enqueuePages(pages);
      // Every job fails both its attempts.
      let worker = startWorker(() => true);
      await waitFor(async () => (await queues.queues.page.getFailedCount()) === 7);
      await worker.close();
      expect((await queues.listFailed()).map((f) => f.attempts)).toEqual(Array(7).fill(2));

      // Paged (3 per page) through the failed set; every job is back with its attempts reset.
      expect(await queues.retryAll({ queue: 'page-fetch', pageSize: 3 })).toBe(7);
      expect(await queues.queues.page.getFailedCount()).toBe(0);
      const waiting = await queues.queues.page.getWaiting();
      expect(waiting.map((j) => j.attemptsMade)).toEqual(Array(7).fill(0));

      // Each retried job fails once more and still gets its second attempt (BullMQ's retryJobs
      // would have kept attemptsMade = 2 and failed them for good at this point).
      worker = startWorker((job) => job.attemptsMade === 0);
      await waitFor(async () => (await queues.queues.page.getCompletedCount()) === 7);
      await worker.close();
      expect(await queues.queues.page.getFailedCount()).toBe(0);
      expect(await queues.retryAll()).toBe(0);

      // A page fetched again (stalled job, retry) whose article version's processing job failed
      // for good: enqueueing it again re-runs that job instead of being swallowed by its id.
      const processWorker = new Worker(
        QUEUE_NAMES.process,
        async () => {
          throw new Error('database is locked');
        },
        { connection: workerConn, prefix: QUEUE_PREFIX, settings: { backoffStrategy: () => 10 } },
      );
      const data = { articleId: 'art_x', url: 'http://127.0.0.1:9/news/x.html', blobKey: 'newsgraph:article-blob:art_x-0123456789abcdef' };
      await queues.sinks().enqueueProcess(data, '0123456789abcdef0123');
      await waitFor(async () => (await queues.queues.process.getFailedCount()) === 1);
      await processWorker.close();
      await queues.sinks().enqueueProcess(data, '0123456789abcdef0123');
      const [again] = await queues.queues.process.getWaiting();
      expect(again?.id).toBe('process-art_x-0123456789abcdef');
      expect(again?.attemptsMade).toBe(0);
      expect(await queues.queues.process.getFailedCount()).toBe(0);
    } finally {
      await queues.close();
      await conn.quit();
      await workerConn.quit();
    }
  });

  it('a worker killed with SIGKILL mid-crawl and restarted loses and duplicates nothing', async () => {
    await flushRedis();
    expect(cleanHashes, 'the clean crawl test runs first').not.toBeNull();
    const server = await startFixtureServer();
    const children: ChildProcess[] = [];
    const db = join(tmp, 'killed.db');
    try {
      const articles = generateArticles(200);
      // Pages answer after 40 ms so the crawl is still running when the worker is killed.
      for (const a of articles) server.route(a.path, delayed(40, respond(articleHtml(a, server.origin), { contentType: 'text/html' })));
      server.route('/feed.xml', respond(rssFeed(articles, server.origin), { contentType: 'application/rss+xml' }));
      const store = await SqliteStore.open(db); // creates the schema before the workers start
      const startWorker = () => {
        const child = spawn(process.execPath, [WORKER_ENTRY], {
          env: { ...process.env, REDIS_URL: redis.url, NEWSGRAPH_DB: db, WORKER_CONCURRENCY: '6' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        children.push(child);
        let stderr = '';
        child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
        return new Promise<ChildProcess>((resolve, reject) => {
          child.stdout!.on('data', (d: Buffer) => {
            if (d.toString().includes('ready')) resolve(child);
          });
          child.once('exit', (code) => reject(new Error(`worker exited early (${code}): ${stderr}`)));
        });
      };
      const first = await startWorker();
      const conn = createRedisConnection(redis.url);
      const queues = new CrawlQueues(conn, { retry: FAST_RETRY });
      await queues.pollNow([source('gazette', server.url('/feed.xml')).source]);
      // Kill it hard once some, but not all, articles are in.
      for (let i = 0; i < 600; i++) {
        const n = (await store.stats()).articles;
        if (n >= 40) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const before = (await store.stats()).articles;
      expect(before).toBeGreaterThan(0);
      expect(before).toBeLessThan(200);
      const exited = new Promise((r) => first.once('exit', r));
      first.kill('SIGKILL');
      await exited;
      await startWorker();
      // A retry not yet due is work of this crawl too (without a horizon isDrained calls it "later").
      const drained = () => queues.isDrained({ retryHorizonMs: ONCE_RETRY_HORIZON_MS });
      for (let i = 0; i < 600 && !(await drained()); i++) await new Promise((r) => setTimeout(r, 100));
      expect(await drained()).toBe(true);
      expect(await queues.listFailed()).toEqual([]);
      const stats = await store.stats();
      expect(stats.articles).toBe(200);
      const ids = expectedIds(server, articles.map((a) => a.path));
      expect(await storedIds(store, ids)).toEqual(ids);
      // The same texts as the clean crawl, each stored once with what it was told. Not the clean
      // crawl's mention and claim totals: the processing order differs after a crash, and with it
      // what the alias index knew when an article was read (support/recorded-extraction.ts).
      expect(await contentHashes(store, server, articles.map((a) => a.path))).toEqual(cleanHashes);
      await expectEachArticleOnce(store, ids);
      await queues.close();
      await conn.quit();
      await store.close();
    } finally {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await server.close();
    }
    // Two cold worker starts (each loads the NLP lexicons), 200 articles and stalled-job recovery:
    // 20-52 s at load 8, over the default 60 s at load 15.
  }, 180_000);

  it('SIGTERM stops a worker gracefully: in-flight jobs finish, exit code 0', async () => {
    await flushRedis();
    const server = await startFixtureServer();
    const db = join(tmp, 'sigterm.db');
    let child: ChildProcess | null = null;
    try {
      const articles = generateArticles(30, 5);
      for (const a of articles) server.route(a.path, delayed(400, respond(articleHtml(a, server.origin), { contentType: 'text/html' })));
      server.route('/feed.xml', respond(rssFeed(articles, server.origin), { contentType: 'application/rss+xml' }));
      const store = await SqliteStore.open(db);
      await store.close();
      child = spawn(process.execPath, [WORKER_ENTRY], {
        env: { ...process.env, REDIS_URL: redis.url, NEWSGRAPH_DB: db, WORKER_CONCURRENCY: '4' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      // Until the worker says it runs, however long its start takes on a loaded machine (the test
      // timeout bounds it): a SIGTERM before its handler is installed kills it (exit code null).
      const ready = new Promise<boolean>((resolve) => {
        child!.stdout!.on('data', (d: Buffer) => {
          stdout += d.toString();
          if (stdout.includes('ready')) resolve(true);
        });
        child!.once('exit', () => resolve(false));
      });
      expect(await ready, 'the worker started').toBe(true);
      const conn = createRedisConnection(redis.url);
      const queues = new CrawlQueues(conn, { retry: FAST_RETRY });
      await queues.pollNow([source('gazette', server.url('/feed.xml')).source]);
      // Wait until page fetches are in flight, then ask the worker to stop.
      for (let i = 0; i < 200; i++) {
        const c = await queues.queues.page.getJobCounts('active');
        if ((c.active ?? 0) > 0) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      const exit = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(stdout).toContain('stopped');
      const counts = await queues.jobCounts();
      // Nothing was left active (abandoned to stalled recovery); what was started, finished.
      expect(counts['page-fetch']!.active).toBe(0);
      expect(counts['article-process']!.active).toBe(0);
      expect(counts['page-fetch']!.completed).toBeGreaterThan(0);
      // What was not started stays queued: waiting, or delayed while it waits for its host's turn
      // (the host scheduler parks a job whose host is busy as delayed, so at the moment of the
      // SIGTERM the unstarted pages can all be delayed and none waiting).
      const queued = counts['page-fetch']!;
      expect((queued.waiting ?? 0) + (queued.delayed ?? 0) + (queued.prioritized ?? 0)).toBeGreaterThan(0);
      expect(queued.completed).toBeLessThan(articles.length);
      await queues.close();
      await conn.quit();
    } finally {
      if (child && child.exitCode === null) child.kill('SIGKILL');
      await server.close();
    }
    // A cold worker start loads the NLP lexicons: over 10 s at load 30.
  }, 120_000);

  it('per-host politeness holds across two worker processes sharing Redis', async () => {
    await flushRedis();
    const server = await startFixtureServer();
    const articles = generateArticles(8, 21);
    const feedUrl = mountNewsSite(server, articles);
    const base = testCrawlConfig({ redisUrl: redis.url, concurrency: 4 });
    const config = { ...base, http: { ...base.http, perHostConcurrency: 1, perHostDelayMs: 200 } };
    const store = await SqliteStore.open(':memory:');
    const crawlers: Array<{ crawler: QueueCrawler; conn: ReturnType<typeof createRedisConnection>; close(): Promise<void> }> = [];
    try {
      for (let i = 0; i < 2; i++) {
        const conn = createRedisConnection(redis.url);
        const memory = await openCrawlMemory(config, conn);
        const hostGate = new RedisHostGate(conn, { perHostConcurrency: 1, perHostDelayMs: 200, slotTtlMs: 5_000 });
        const { deps, close } = createCrawlStageDeps({ config, store, memory, hostGate });
        const crawler = new QueueCrawler(conn, deps, { concurrency: 4, retry: FAST_RETRY, ...FAST_WORKER });
        crawler.startWorkers();
        crawlers.push({ crawler, conn, close });
      }
      await crawlers[0]!.crawler.runOnce([source('gazette', feedUrl).source]);
      expect((await store.stats()).articles).toBe(8);
      expect(await crawlers[0]!.crawler.queues.listFailed()).toEqual([]);
      // One request at a time to the host (robots.txt included: every HTTP request takes a turn),
      // each arriving at least 200 ms after the previous one: the next turn is granted only once
      // the previous request reached the host, so no lag allowance is needed under load.
      const times = server.requests.map((r) => r.at).sort((a, b) => a - b);
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(200);
    } finally {
      for (const c of crawlers) {
        await c.crawler.close();
        await c.close();
        await c.conn.quit();
      }
      await store.close();
      await server.close();
    }
  });

  it('QueueCrawler health is 503-worthy when Redis is unreachable', async () => {
    const dead = createRedisConnection('redis://127.0.0.1:9', { lazyConnect: true });
    dead.on('error', () => {}); // connection refused is the point of this test
    const config = testCrawlConfig({ redisUrl: 'redis://127.0.0.1:9' });
    const store = await SqliteStore.open(':memory:');
    const { deps } = createCrawlStageDeps({
      config,
      store,
      memory: forgetfulMemory(),
    });
    const crawler = new QueueCrawler(dead, deps, {
      concurrency: 1,
      retry: FAST_RETRY,
      healthTimeoutMs: 300,
    });
    const health = await crawler.health();
    expect(health.ok).toBe(false);
    expect(String(health.checks.redis)).toMatch(/^down/);
    dead.disconnect();
    await store.close();
  });
});
