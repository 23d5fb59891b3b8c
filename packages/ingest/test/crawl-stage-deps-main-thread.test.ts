import { describe, expect, it } from 'vitest';
import { geoNamesLoads } from '@newsgraph/extract';
import { SqliteStore } from '@newsgraph/graph';
import { loadConfig } from '@newsgraph/shared';
import { createCrawlStageDeps } from '../src/index.ts';
import { buildArticle } from '../src/pipeline/build-article.ts';
import { forgetfulMemory } from './support/forgetful-memory.ts';

const memory = forgetfulMemory();

// A file of its own: what the main thread has loaded is process state (vitest runs each file in its own process).
describe('createCrawlStageDeps with an extraction thread', () => {
  it('keeps no alias index on the main thread, so the main thread builds no gazetteer', { timeout: 120_000 }, async () => {
    const store = await SqliteStore.open(':memory:');
    const { deps, close } = createCrawlStageDeps({ config: loadConfig({ env: {} }), store, memory, extractionThreads: 1 });
    try {
      // A text written for this test.
      const text = 'Senator Anna Kowalczyk met officials of the French government in Paris, France, on Monday.';
      const article = buildArticle({ url: 'https://news.example/one', extracted: { title: 'One', text, author: null, publishedAt: '2024-05-01T10:00:00Z', outlet: null, language: 'en', canonicalUrl: null } });
      expect(await deps.processArticle(article)).toEqual({ articleId: article.id, status: 'inserted' });
      expect((await store.getEntity('person:anna-kowalczyk'))?.name).toBe('Anna Kowalczyk');
      expect((await store.aliases!.learnings()).length).toBe(1);
      // The gazetteer's build reads GeoNames: the thread did, this thread never.
      expect(geoNamesLoads()).toBe(0);
    } finally {
      await close();
      await store.close();
    }
  });
});
