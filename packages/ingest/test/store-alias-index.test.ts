import { mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore, type GraphStore } from '@newsgraph/graph';
import type { Article } from '@newsgraph/shared';
import type { AliasArticleLearning } from '@newsgraph/extract';
import { buildArticle } from '../src/pipeline/build-article.ts';
import { processArticle } from '../src/pipeline/process-article.ts';
import { StoreAliasIndex, aliasEventsOf } from '../src/pipeline/store-alias-index.ts';
import { createCrawlStageDeps } from '../src/crawl/crawl-stage-deps.ts';
import { Curator } from '../src/curation/curator.ts';
import { testCrawlConfig } from './fixtures/crawl/mount-site.ts';
import { recordedReextraction, storeContents } from './support/recorded-extraction.ts';
import { forgetfulMemory } from './support/forgetful-memory.ts';

/** Texts written for these tests. */
const FIRST = 'Senator Anna Kowalczyk met leaders of Congress at the White House on Monday.';
const SECOND = 'Kowalczyk met Olaf Scholz at the White House. Congress was told of the talks.';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-alias-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshStore = () => SqliteStore.open(join(dir, `graph-${++n}.db`));

function article(name: string, text: string): Article {
  return buildArticle({ url: `https://news.example/${name}`, extracted: { title: name, text, author: null, publishedAt: '2024-05-01T10:00:00Z', outlet: null, language: 'en', canonicalUrl: null } });
}

async function resolvedIn(store: GraphStore): Promise<string[]> {
  return ((await store.getEntity('person:anna-kowalczyk'))?.corpusAliases ?? []).filter((e) => e.kind === 'resolved').map((e) => e.articleId);
}

describe('StoreAliasIndex', () => {
  it('lets a second process resolve from what the first recorded, and never replays its own records', async () => {
    const store = await freshStore();
    try {
      const first = new StoreAliasIndex(store, { refreshMs: 0 });
      const second = new StoreAliasIndex(store, { refreshMs: 0 });
      await second.prepare(); // loaded before the first process wrote anything
      await processArticle(article('one', FIRST), { store, aliases: first });
      expect(first.replayed).toBe(0);
      const two = article('two', SECOND);
      await processArticle(two, { store, aliases: second });
      expect(second.replayed).toBe(1); // the first process's record, picked up at refresh
      expect(await resolvedIn(store)).toEqual([two.id]);
      await first.prepare();
      expect(first.replayed).toBe(1); // the second's record; its own was skipped
    } finally {
      await store.close();
    }
  });

  it('waits for refreshMs between looks at the store', async () => {
    const store = await freshStore();
    try {
      let now = 0;
      const writer = new StoreAliasIndex(store);
      const reader = new StoreAliasIndex(store, { refreshMs: 1000, now: () => now });
      await reader.prepare();
      await processArticle(article('one', FIRST), { store, aliases: writer });
      now = 999;
      await reader.prepare();
      expect(reader.replayed).toBe(0);
      now = 1000;
      await reader.prepare();
      expect(reader.replayed).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('turns resolutions and ambiguities into store events, one per entity', () => {
    expect(
      aliasEventsOf({
        version: 1,
        entities: [],
        lowerWords: [],
        resolutions: [{ kind: 'surname', alias: 'Kowalczyk', entityId: 'person:a', reason: 'r' }],
        ambiguities: [{ kind: 'surname', alias: 'kowalczyk', entityIds: ['person:a', 'person:b'], reason: 'two' }],
      }),
    ).toEqual([
      { kind: 'resolved', entityId: 'person:a', alias: 'Kowalczyk', reason: 'r' },
      { kind: 'ambiguous', entityId: 'person:a', alias: 'kowalczyk', reason: 'two' },
      { kind: 'ambiguous', entityId: 'person:b', alias: 'kowalczyk', reason: 'two' },
    ]);
  });

  it('names the record when a stored learning cannot be replayed', async () => {
    const store = await freshStore();
    try {
      const one = article('one', FIRST);
      await store.writeArticle({ article: one, entities: [], mentions: [], claims: [] });
      await store.aliases!.record(one.id, { version: 9 }, []);
      await expect(new StoreAliasIndex(store).prepare()).rejects.toThrow(new RegExp(`alias index record of article ${one.id} \\(seq \\d+\\): alias learning record: unsupported version`));
    } finally {
      await store.close();
    }
  });
});

describe('the crawler reads the same alias index', () => {
  for (const threads of [0, 1]) {
    it(`resolves a surname from the store's index with ${threads} extraction thread(s)`, async () => {
      const path = join(dir, `crawl-${threads}.db`);
      const earlier = await SqliteStore.open(path);
      await processArticle(article('one', FIRST), { store: earlier, aliases: new StoreAliasIndex(earlier) });
      await earlier.close();
      const store = await SqliteStore.open(path);
      const { deps, close } = createCrawlStageDeps({
        config: testCrawlConfig({ db: path }),
        store,
        memory: forgetfulMemory(),
        extractionThreads: threads,
      });
      try {
        const two = article('two', SECOND);
        expect(await deps.processArticle(two)).toEqual({ articleId: two.id, status: 'inserted' });
        expect(await resolvedIn(store)).toEqual([two.id]);
        // What the crawl taught is kept too: a third article, on the same thread, still resolves.
        const three = article('three', 'Kowalczyk told Congress at the White House that the vote was close.');
        await deps.processArticle(three);
        expect(await resolvedIn(store)).toEqual([three.id, two.id]);
        expect((await store.aliases!.learnings()).length).toBe(3);
      } finally {
        await close();
        await store.close();
      }
    });
  }
});

describe('a crash while an article is written', () => {
  it('leaves the article with its learning record or neither: the re-run stores both, as a recorded re-extraction gives them', async () => {
    const path = join(dir, 'crash.db');
    const store = await SqliteStore.open(path);
    try {
      const one = article('one', FIRST);
      const two = article('two', SECOND);
      await processArticle(one, { store, aliases: new StoreAliasIndex(store) });
      // The record's insert fails after the article's rows are written: where a kill used to
      // leave the article stored without its record (two transactions).
      const other = new DatabaseSync(path);
      other.exec(`CREATE TRIGGER fail_alias BEFORE INSERT ON alias_learning BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`);
      await expect(processArticle(two, { store, aliases: new StoreAliasIndex(store) })).rejects.toThrow(/simulated crash/);
      expect(await store.getArticle(two.id)).toBeNull();
      other.exec('DROP TRIGGER fail_alias');
      other.close();
      // The re-run, in a new process (a new index loaded from the store).
      expect(await processArticle(two, { store, aliases: new StoreAliasIndex(store) })).toEqual({ articleId: two.id, status: 'inserted' });
      expect(await resolvedIn(store)).toEqual([two.id]);
      const { contents, missingLearning } = await recordedReextraction(store, [one.id, two.id]);
      expect(missingLearning).toEqual([]);
      expect(contents).toEqual(await storeContents(store));
    } finally {
      await store.close();
    }
  });
});

describe('StoreAliasIndex with replicasOnly (the crawler with extraction threads)', () => {
  it('keeps no index, passes the store on to the replicas, and seeds a new replica with what the others hold', async () => {
    const store = await freshStore();
    try {
      const other = new StoreAliasIndex(store);
      const one = article('one', FIRST);
      await processArticle(one, { store, aliases: other });
      const replayed: AliasArticleLearning[][] = [];
      const crawler = new StoreAliasIndex(store, { replicasOnly: true, refreshMs: 60_000, onReplay: (l) => replayed.push(l) });
      await crawler.catchUp();
      expect(replayed.flat().map(names)).toEqual([names((await store.aliases!.learnings())[0]!.learning as AliasArticleLearning)]);
      await expect(crawler.prepare()).rejects.toThrow(/keeps no index/);
      expect(crawler.corpus).toBeNull();
      // Another process records an article the crawler has not refreshed to; the crawler records one of its own.
      await processArticle(article('three', 'Governor Peter Kowalczyk told Congress his state needed the money.'), { store, aliases: other });
      const own: AliasArticleLearning = { version: 1, entities: [], lowerWords: ['zorblat'], resolutions: [], ambiguities: [] };
      const four = article('four', 'The committee met on Tuesday and adjourned until the spring.');
      await processArticle(four, { store }); // stored without a record, as the crawler's write would store it
      await crawler.record(four.id, own);
      const seed: AliasArticleLearning[] = [];
      await crawler.replicaSeed((page) => seed.push(...page));
      // What the replicas hold: the first record and its own, not the other process's newer one (the next refresh brings that to all).
      expect(seed.map(names)).toEqual([replayed[0]![0]!, own].map(names));
    } finally {
      await store.close();
    }
  });
});

function names(learning: AliasArticleLearning): string[] {
  return [...learning.entities.map((e) => e.name), ...learning.lowerWords];
}

describe('a store from before the alias index', () => {
  it('learns from its articles when they are crawled again with an extraction thread, leaving them as stored', async () => {
    const path = join(dir, 'before-index-threads.db');
    const store = await SqliteStore.open(path);
    const { deps, close } = createCrawlStageDeps({
      config: testCrawlConfig({ db: path }),
      store,
      memory: forgetfulMemory(),
      extractionThreads: 1,
    });
    try {
      const one = article('one', FIRST);
      await processArticle(one, { store });
      const before = await store.getEntity('person:anna-kowalczyk');
      expect(await deps.processArticle(one)).toEqual({ articleId: one.id, status: 'unchanged' });
      expect((await store.aliases!.learnings()).map((r) => r.articleId)).toEqual([one.id]);
      expect(await store.getEntity('person:anna-kowalczyk')).toEqual(before);
      const two = article('two', SECOND);
      expect(await deps.processArticle(two)).toEqual({ articleId: two.id, status: 'inserted' });
      expect(await resolvedIn(store)).toEqual([two.id]);
    } finally {
      await close();
      await store.close();
    }
  });

  it('learns from its articles when they are ingested again, leaving them as stored', async () => {
    const store = await freshStore();
    try {
      const one = article('one', FIRST);
      // Stored without an alias index, as every store before it was.
      await processArticle(one, { store });
      const before = await store.getEntity('person:anna-kowalczyk');
      expect(await store.aliases!.learnings()).toEqual([]);
      const aliases = new StoreAliasIndex(store);
      expect(await processArticle(one, { store, aliases })).toEqual({ articleId: one.id, status: 'unchanged' });
      expect((await store.aliases!.learnings()).map((r) => r.articleId)).toEqual([one.id]);
      expect(await store.getEntity('person:anna-kowalczyk')).toEqual(before);
      // Once learned, an unchanged article is not extracted again.
      await processArticle(one, { store, aliases, extract: () => expect.fail('extracted an article the index has learned') });
      const two = article('two', SECOND);
      await processArticle(two, { store, aliases });
      expect(await resolvedIn(store)).toEqual([two.id]);
    } finally {
      await store.close();
    }
  });
});

describe('curation rewrites', () => {
  it('keep the full form an article was stored with, even after its alias became ambiguous', async () => {
    const store = await freshStore();
    try {
      const aliases = new StoreAliasIndex(store);
      const two = article('two', SECOND);
      for (const a of [article('one', FIRST), two, article('three', 'Governor Peter Kowalczyk told Congress his state needed the money.')]) await processArticle(a, { store, aliases });
      const before = await store.getEntity('person:anna-kowalczyk');
      expect(before?.articleCount).toBe(2);
      // Splitting an alias off the White House rewrites every article naming it, re-extracting them.
      const [whiteHouse] = await store.searchEntities('White House');
      const outcome = await new Curator({ store }).record({ action: { kind: 'split-alias', entity: whiteHouse!.id, alias: 'White House' }, author: 'ed' });
      expect(outcome.articlesRewritten).toBe(2);
      expect((await store.getEntity('person:anna-kowalczyk'))?.articleCount).toBe(2);
      const [claim] = await store.evidence({ subjectId: 'person:anna-kowalczyk', objectId: 'person:olaf-scholz' });
      expect(claim?.article.id).toBe(two.id);
    } finally {
      await store.close();
    }
  });
});
