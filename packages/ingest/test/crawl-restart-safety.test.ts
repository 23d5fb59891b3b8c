import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '@newsgraph/graph';
import { articleIdFor } from '@newsgraph/shared';
import { canonicalizeUrl } from '../src/dedupe/canonicalize-url.ts';
import { CrawlStateMemory } from '../src/crawl/crawl-memory.ts';
import { createCrawlStageDeps } from '../src/crawl/crawl-stage-deps.ts';
import { InProcessCrawler } from '../src/crawl/in-process-crawler.ts';
import { pollSource } from '../src/crawl/poll-source.ts';
import type { CrawlMemory, CrawlStageDeps } from '../src/crawl/interfaces/crawl-stages.ts';
import { classifyFailure } from '../src/queue/retry-policy.ts';
import { SqliteCrawlState } from '../src/state/sqlite-crawl-state.ts';
import { startFixtureServer } from './support/fixture-server.ts';
import { generateArticles } from './fixtures/crawl/news-site.ts';
import { mountNewsSite, testCrawlConfig } from './fixtures/crawl/mount-site.ts';

const FAST_RETRY = { attempts: 2, baseDelayMs: 10, maxDelayMs: 20 };
const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-restart-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('pollSource ordering', () => {
  it('marks URLs seen and saves validators only after the pages were handed over', async () => {
    const calls: string[] = [];
    const memory: CrawlMemory = {
      getValidators: async () => null,
      setValidators: async (url, v) => void calls.push(`validators ${v.etag}`),
      filterUnseen: async (urls) => urls,
      markSeen: async (urls) => void calls.push(`seen ${urls.length}`),
      claimContent: async () => null,
    };
    const deps = {
      fetcher: {
        fetch: async () => ({ url: 'https://n.example/feed', notModified: false, body: 'x', bytes: 1, etag: '"v2"', lastModified: null }),
      },
      memory,
      parseFeed: async () => ({ links: [{ url: 'https://n.example/a' }, { url: 'https://n.example/b' }] }),
      parseSitemap: async () => ({ links: [] }),
      canonicalizeUrl: (u: string) => u,
      now: () => new Date(),
    } as unknown as CrawlStageDeps;
    const source = { id: 'n', url: 'https://n.example/feed', kind: 'rss' };

    // The hand-over fails (queue down, process killed): nothing is marked, the next poll re-reads the feed.
    await expect(pollSource(source, deps, async () => Promise.reject(new Error('queue down')))).rejects.toThrow('queue down');
    expect(calls).toEqual([]);

    await pollSource(source, deps, async (pages) => void calls.push(`enqueue ${pages.length}`));
    expect(calls).toEqual(['enqueue 2', 'seen 2', 'validators "v2"']);
  });
});

describe('duplicates of an article not written yet', () => {
  it('fail retryably instead of being dropped (the original is still queued or being resumed)', async () => {
    const store = await SqliteStore.open(':memory:');
    const memory = new CrawlStateMemory(new SqliteCrawlState(':memory:'));
    try {
      const { deps } = createCrawlStageDeps({ config: testCrawlConfig(), store, memory, fetcher: { fetch: async () => Promise.reject(new Error('unused')), close: async () => {} } });
      const publication = { url: 'https://copy.example/a', title: 'Copy', outlet: 'Copy', publishedAt: null, fetchedAt: new Date().toISOString() };
      const error = await deps.addPublication('art_not_stored_yet', publication).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(classifyFailure(error).retryable).toBe(true);
      expect(String((error as Error).message)).toMatch(/not stored yet/);
    } finally {
      await memory.close();
      await store.close();
    }
  });
});

describe('in-process journal', () => {
  it('keeps pages whose processing failed for a reason of our own (store down) and resumes them on the next start', async () => {
    const server = await startFixtureServer();
    const store = await SqliteStore.open(':memory:');
    const statePath = join(tmp, 'store-down', 'crawl-state.db');
    try {
      const articles = generateArticles(3, 41);
      const feedUrl = mountNewsSite(server, articles);
      const source = { id: 'gazette', url: feedUrl, kind: 'rss' };
      const config = testCrawlConfig({ concurrency: 2 });

      const memory1 = new CrawlStateMemory(new SqliteCrawlState(statePath));
      const first = createCrawlStageDeps({ config, store, memory: memory1 });
      const down: CrawlStageDeps = { ...first.deps, processArticle: async () => Promise.reject(new Error('database is locked')) };
      const crawler1 = new InProcessCrawler(down, { concurrency: 2, retry: FAST_RETRY });
      await crawler1.runOnce([source]);
      expect((await crawler1.failed()).map((f) => f.queue)).toEqual(['article-process', 'article-process', 'article-process']);
      await crawler1.close();
      await first.close();
      expect((await memory1.pendingPages!.list()).length).toBe(3);
      await memory1.close();
      expect((await store.stats()).articles).toBe(0);

      // The store is back: the next start resumes the three pages (the feed offers nothing new: seen).
      const memory2 = new CrawlStateMemory(new SqliteCrawlState(statePath));
      const second = createCrawlStageDeps({ config, store, memory: memory2 });
      const crawler2 = new InProcessCrawler(second.deps, { concurrency: 2, retry: FAST_RETRY });
      expect(await crawler2.resume()).toBe(3);
      await crawler2.runOnce([source]);
      expect(await crawler2.failed()).toEqual([]);
      await crawler2.close();
      await second.close();
      expect(await memory2.pendingPages!.list()).toEqual([]);
      await memory2.close();
      for (const a of articles) expect(await store.getArticle(articleIdFor(canonicalizeUrl(server.url(a.path))))).not.toBeNull();
    } finally {
      await store.close();
      await server.close();
    }
  });
});

describe('in-process journal, long-running', () => {
  it('a crawl that keeps running retries pages stuck by a store outage at its next poll tick', async () => {
    const server = await startFixtureServer();
    const store = await SqliteStore.open(':memory:');
    const memory = new CrawlStateMemory(new SqliteCrawlState(join(tmp, 'outage', 'crawl-state.db')));
    const { deps, close } = createCrawlStageDeps({ config: testCrawlConfig({ concurrency: 2 }), store, memory });
    let storeDown = true;
    let failedWrites = 0;
    const flaky: CrawlStageDeps = {
      ...deps,
      processArticle: async (article) => {
        if (storeDown) {
          failedWrites++;
          throw new Error('database is locked');
        }
        return deps.processArticle(article);
      },
    };
    const crawler = new InProcessCrawler(flaky, { concurrency: 2, retry: FAST_RETRY });
    try {
      const articles = generateArticles(4, 43);
      const feedUrl = mountNewsSite(server, articles);
      await crawler.start([{ source: { id: 'gazette', url: feedUrl, kind: 'rss' }, intervalMs: 150 }]);
      const waitFor = async (check: () => Promise<boolean>) => {
        for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25));
        expect(await check()).toBe(true);
      };
      // Every write fails for good (2 attempts each) while the store is down.
      await waitFor(async () => (await crawler.failed()).filter((f) => f.queue === 'article-process').length === 4);
      expect(failedWrites).toBeGreaterThanOrEqual(8);
      expect((await store.stats()).articles).toBe(0);
      storeDown = false;
      await waitFor(async () => (await store.stats()).articles === 4);
      await waitFor(async () => (await memory.pendingPages!.list()).length === 0);
      // Retried by re-fetching (the parked article was freed when its job failed): at least the
      // failed round and the successful one; the store holds each article once.
      for (const a of articles) expect(server.requestsTo(a.path).length).toBeGreaterThanOrEqual(2);
      expect(await crawler.failed()).toEqual([]);
    } finally {
      await crawler.close();
      await close();
      await memory.close();
      await store.close();
      await server.close();
    }
  });
});
