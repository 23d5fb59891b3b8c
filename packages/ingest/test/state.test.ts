import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrawlState } from '../src/state/crawl-state.ts';
import { crawlStatePathFor, hasPendingWork } from '../src/state/crawl-state.ts';
import { CrawlStateMemory } from '../src/crawl/crawl-memory.ts';
import { SqliteCrawlState } from '../src/state/sqlite-crawl-state.ts';
import { RedisCrawlState } from '../src/state/redis-crawl-state.ts';
import { PersistentNearDuplicateIndex } from '../src/state/state-near-duplicates.ts';
import { simhashScheme } from '../src/dedupe/near-duplicate-scheme.ts';
import { startTestRedis, type TestRedis } from './support/redis-server.ts';

const story =
  'The Treasury Department imposed sanctions on Tuesday on a network of shipping companies that moved Iranian oil ' +
  'to buyers in Asia using tankers that switched off their transponders, officials said. The companies are registered ' +
  'in the United Arab Emirates and the Marshall Islands and managed vessels that carried millions of barrels, the ' +
  'department said in a statement, adding that the action freezes any assets they hold under US jurisdiction.';

/** The behaviour every CrawlState must have; run against each implementation. */
function crawlStateContract(name: string, open: () => Promise<CrawlState>, reopen?: () => Promise<CrawlState>) {
  describe(name, () => {
    let state: CrawlState;
    beforeAll(async () => {
      state = await open();
    });
    afterAll(async () => {
      await state.close();
    });

    it('stores conditional-GET validators per feed', async () => {
      expect(await state.getValidators('https://a.example/feed')).toBeNull();
      const v = { etag: 'W/"1"', lastModified: 'Sat, 21 Nov 2026 10:00:00 GMT', lastPolledAt: '2026-11-21T10:00:05.000Z' };
      await state.setValidators('https://a.example/feed', v);
      expect(await state.getValidators('https://a.example/feed')).toEqual(v);
      await state.setValidators('https://a.example/feed', { ...v, etag: null });
      expect((await state.getValidators('https://a.example/feed'))!.etag).toBeNull();
    });

    it('claims a URL once, even when claims race', async () => {
      const url = 'https://a.example/story-1';
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => state.claimUrl(url, `art_${i}`)));
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results.indexOf(true);
      expect(await state.seenArticleId(url)).toBe(`art_${winner}`);
      expect(await state.claimUrl(url, 'art_other')).toBe(false);
      expect(await state.seenCount()).toBe(1);
      await state.releaseUrl(url);
      expect(await state.seenArticleId(url)).toBeNull();
      expect(await state.seenCount()).toBe(0);
      expect(await state.claimUrl(url, 'art_again')).toBe(true);
    });

    it('persists near-duplicate fingerprints and finds them by band', async () => {
      const index = new PersistentNearDuplicateIndex(state);
      expect(await index.add('art_story', story)).not.toBeNull();
      const republished = `${story} Reporting by Daphne Psaledakis; editing by Leslie Adler.`;
      expect(await index.findNear(republished)).toMatchObject({ id: 'art_story' });
      expect(await index.findNear('A completely different text about football scores, the weather, the markets, and a new film that opened this weekend across the country to mixed reviews from critics.')).toBeNull();
      // Schemes never mix.
      const simhashIndex = new PersistentNearDuplicateIndex(state, simhashScheme());
      expect(await simhashIndex.findNear(story)).toBeNull();
    });

    if (reopen) {
      it('remembers everything after a restart', async () => {
        await state.close();
        state = await reopen();
        expect(await state.seenArticleId('https://a.example/story-1')).toBe('art_again');
        expect(await state.getValidators('https://a.example/feed')).not.toBeNull();
        expect(await new PersistentNearDuplicateIndex(state).findNear(story)).toMatchObject({ id: 'art_story', similarity: 1 });
      });
    }
  });
}

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sqlitePath = join(dir, 'nested', 'crawl-state.db');
crawlStateContract(
  'SqliteCrawlState',
  async () => new SqliteCrawlState(sqlitePath),
  async () => new SqliteCrawlState(sqlitePath),
);

describe('SqliteCrawlState pending-page journal (in-process crawls)', () => {
  const path = join(dir, 'pending', 'crawl-state.db');
  const page = (n: number) => ({ url: `https://p.example/${n}`, data: JSON.stringify({ url: `https://p.example/${n}`, n }) });

  it('journals pages once, finishes them, and keeps the unfinished ones across a reopen', async () => {
    let state = new SqliteCrawlState(path);
    expect(hasPendingWork(state)).toBe(true);
    await state.addPending([page(1), page(2), page(3)]);
    // Journaling a page again keeps the first entry (a feed re-read after a crash).
    await state.addPending([{ url: page(2).url, data: '{"url":"https://p.example/2","n":"again"}' }]);
    await state.finishPending(page(1).url);
    await state.finishPending('https://p.example/never-journaled');
    await state.close();
    state = new SqliteCrawlState(path);
    expect(await state.listPending()).toEqual([page(2), page(3)]);
    await state.close();
  });

  it('CrawlStateMemory exposes it as the journal the in-process crawler uses; Redis state has none', async () => {
    const memory = new CrawlStateMemory(new SqliteCrawlState(':memory:'));
    const source = { id: 's', url: 'https://p.example/feed', kind: 'rss' };
    await memory.pendingPages!.add([{ url: 'https://p.example/a', source, title: 'A' }]);
    expect(await memory.pendingPages!.list()).toEqual([{ url: 'https://p.example/a', source, title: 'A' }]);
    await memory.pendingPages!.finish('https://p.example/a');
    expect(await memory.pendingPages!.list()).toEqual([]);
    await memory.close();
    expect(hasPendingWork(new RedisCrawlState(new Redis({ lazyConnect: true })))).toBe(false);
  });
});

describe('crawlStatePathFor', () => {
  it('puts the state next to the graph database', () => {
    expect(crawlStatePathFor('./data/newsgraph.db')).toBe('data/crawl-state.db');
    expect(crawlStatePathFor('/var/lib/newsgraph/graph.db')).toBe('/var/lib/newsgraph/crawl-state.db');
    expect(crawlStatePathFor(':memory:')).toBe(':memory:');
  });
});

describe('RedisCrawlState', () => {
  let redis: TestRedis;
  const clients: Redis[] = [];
  const prefix = `test:${process.pid}:${Date.now()}:`;
  const connect = async () => {
    const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await client.connect();
    clients.push(client);
    return new RedisCrawlState(client, { prefix });
  };
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    const cleanup = clients.find((c) => c.status === 'ready');
    if (cleanup) {
      const keys = await cleanup.keys(`${prefix}*`);
      if (keys.length) await cleanup.del(...keys);
    }
    await Promise.all(clients.map((c) => c.quit().catch(() => undefined)));
    await redis?.stop();
  });

  crawlStateContract('shared contract', connect, connect);

  it('lets exactly one of two workers (two connections) claim a URL', async () => {
    const [a, b] = [await connect(), await connect()];
    const urls = Array.from({ length: 50 }, (_, i) => `https://race.example/${i}`);
    const claims = await Promise.all(urls.flatMap((u) => [a.claimUrl(u, 'art_a'), b.claimUrl(u, 'art_b')]));
    for (let i = 0; i < urls.length; i++) expect(Number(claims[2 * i]) + Number(claims[2 * i + 1])).toBe(1);
  });
});
