import { describe, expect, it } from 'vitest';
import { defaultGazetteer, extract, geoNamesLoads } from '@newsgraph/extract';
import { SqliteStore } from '@newsgraph/graph';
import { loadConfig } from '@newsgraph/shared';
import { createCrawlStageDeps } from '../src/index.ts';
import { forgetfulMemory } from './support/forgetful-memory.ts';

const memory = forgetfulMemory();

// A file of its own: the deferral is process state (vitest runs each file in its own process).
describe('createCrawlStageDeps with extraction threads', () => {
  it('leaves the GeoNames town index out of the main thread: a gazetteer built there reads only the cities', async () => {
    const store = await SqliteStore.open(':memory:');
    const { close } = createCrawlStageDeps({ config: loadConfig({ env: {} }), store, memory, extractionThreads: 1 });
    try {
      // Something on the main thread builds the gazetteer after all (its alias index no longer does).
      expect(defaultGazetteer().lookup('france')).toBeDefined();
      expect(geoNamesLoads()).toBe(1);
      // Extraction here after all (a stored article the index never learned) still finds towns: a second read.
      const found = extract('Workers at the plant near Aiken, South Carolina, voted on Tuesday to accept the new contract.', {});
      expect(found.entities.some((e) => e.name === 'Aiken')).toBe(true);
      expect(geoNamesLoads()).toBe(2);
    } finally {
      await close();
      await store.close();
    }
  });
});
