import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '@newsgraph/graph';
import { CrawlQueues } from '../src/queue/crawl-queues.ts';
import { createRedisConnection } from '../src/queue/queue-crawler.ts';
import { ONCE_RETRY_HORIZON_MS } from '../src/queue/interfaces/retry-options.ts';
import { respond, startFixtureServer, status, type FixtureServer, type RecordedRequest } from './support/fixture-server.ts';
import { startTestRedis, type TestRedis } from './support/redis-server.ts';
import { articleHtml, generateArticles, rssFeed } from './fixtures/crawl/news-site.ts';

/*
 * Politeness across processes, measured where it matters: at the site. Three worker processes
 * share one Redis; every request's arrival time is recorded by the loopback fixture servers.
 * Before the host scheduler moved into Redis, each process kept its own delay, Crawl-delay and
 * Retry-After pause (the issue measured 90 ms gaps for a 1,000 ms delay, 0.79 req/s for a
 * Crawl-delay allowing 0.5, and requests during a Retry-After pause).
 */

const here = dirname(fileURLToPath(import.meta.url));
const WORKER_ENTRY = join(here, 'fixtures/crawl/worker-entry.ts');
const DELAY_MS = 250;
const CRAWL_DELAY_S = 0.6;
const RETRY_AFTER_S = 2;
/*
 * No allowance for jitter: the gate grants the next request only after the previous one has
 * reached the host (its response headers arrived) plus the delay, so on one machine's clock
 * every arrival the server records is at least the delay after the previous one, however
 * loaded the machine (a worker delayed between its grant and its send used to bring two
 * arrivals 90-100 ms apart for a 250 ms delay).
 */

let redis: TestRedis;
let tmp: string;

beforeAll(async () => {
  redis = await startTestRedis();
  tmp = mkdtempSync(join(tmpdir(), 'newsgraph-polite-'));
});

afterAll(async () => {
  await redis?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function startWorker(db: string, children: ChildProcess[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, [WORKER_ENTRY], {
    env: {
      ...process.env,
      REDIS_URL: redis.url,
      NEWSGRAPH_DB: db,
      WORKER_CONCURRENCY: '4',
      PER_HOST_DELAY_MS: String(DELAY_MS),
      PER_HOST_CONCURRENCY: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited early (${code}): ${stderr}`)));
  });
}

function gaps(requests: RecordedRequest[]): number[] {
  const times = requests.map((r) => r.at).sort((a, b) => a - b);
  return times.slice(1).map((t, i) => t - times[i]!);
}

describe('politeness shared by three worker processes on Redis', () => {
  it('no host is ever above its allowed rate: delay, robots Crawl-delay and Retry-After hold across processes', async () => {
    const conn = createRedisConnection(redis.url);
    await conn.flushall();
    const children: ChildProcess[] = [];
    const servers: FixtureServer[] = [];
    const db = join(tmp, 'polite.db');
    const queues = new CrawlQueues(conn, { retry: { attempts: 3, baseDelayMs: 50, maxDelayMs: 500 } });
    try {
      // Host A: the configured delay; one page answers 503 with Retry-After once.
      const a = await startFixtureServer();
      servers.push(a);
      const pagesA = generateArticles(9, 31);
      for (const article of pagesA) a.route(article.path, respond(articleHtml(article, a.origin), { contentType: 'text/html' }));
      const pausing = pagesA[2]!;
      let pausedAt: number | null = null;
      a.route(pausing.path, (req, res, ctx) => {
        if (ctx.hit === 1) {
          pausedAt = Date.now();
          return status(503, { 'retry-after': String(RETRY_AFTER_S) })(req, res, ctx);
        }
        return respond(articleHtml(pausing, a.origin), { contentType: 'text/html' })(req, res, ctx);
      });
      a.route('/feed.xml', respond(rssFeed(pagesA, a.origin), { contentType: 'application/rss+xml' }));
      // Host B: robots.txt asks for a Crawl-delay longer than the configured delay.
      const b = await startFixtureServer();
      servers.push(b);
      const pagesB = generateArticles(6, 37);
      for (const article of pagesB) b.route(article.path, respond(articleHtml(article, b.origin), { contentType: 'text/html' }));
      b.route('/feed.xml', respond(rssFeed(pagesB, b.origin), { contentType: 'application/rss+xml' }));
      b.route('/robots.txt', respond(`User-agent: *\nCrawl-delay: ${CRAWL_DELAY_S}\n`, { contentType: 'text/plain' }));

      const store = await SqliteStore.open(db); // schema before the workers start
      await Promise.all([0, 1, 2].map(() => startWorker(db, children)));
      await queues.pollNow([
        { id: 'a', url: a.url('/feed.xml'), kind: 'rss' },
        { id: 'b', url: b.url('/feed.xml'), kind: 'rss' },
      ]);
      // The 503 page's retry (due after its Retry-After) is work of this crawl: without a retry
      // horizon isDrained counts a not-yet-due retry as "later" and answered true before it ran
      // (14 of 15 articles stored when the other pages happened to finish first).
      const drained = () => queues.isDrained({ retryHorizonMs: ONCE_RETRY_HORIZON_MS });
      for (let i = 0; i < 600 && !(await drained()); i++) await new Promise((r) => setTimeout(r, 100));
      expect(await drained()).toBe(true);
      expect(await queues.listFailed()).toEqual([]);
      expect((await store.stats()).articles).toBe(pagesA.length + pagesB.length);
      await store.close();

      // Every HTTP request (robots.txt and feed included) counts against the host's rate.
      const gapsA = gaps(a.requests);
      const gapsB = gaps(b.requests);
      expect(gapsA.length).toBeGreaterThanOrEqual(pagesA.length);
      expect(Math.min(...gapsA)).toBeGreaterThanOrEqual(DELAY_MS);
      // The first request to B is robots.txt itself: the Crawl-delay applies from the next one.
      expect(Math.min(...gapsB.slice(1))).toBeGreaterThanOrEqual(CRAWL_DELAY_S * 1000);
      // Nothing reached A while it asked to be left alone (the pause is set before the 503's turn
      // is marked started, so no turn is granted between the answer and the pause).
      expect(pausedAt).not.toBeNull();
      const duringPause = a.requests.filter((r) => r.at > pausedAt! && r.at < pausedAt! + RETRY_AFTER_S * 1000);
      expect(duringPause).toEqual([]);
      // All three workers stayed up for the whole crawl (none crashed on a busy host).
      expect(children.every((c) => c.exitCode === null)).toBe(true);
    } finally {
      for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
      await queues.close();
      await conn.quit();
      for (const s of servers) await s.close();
    }
  });
});
