import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, type AliasArticleLearning } from '@newsgraph/extract';
import { defaultExtractionThreads, ExtractionPool, shouldSpillToMain, SPILL_MAX_MAIN_BUSY, SPILL_TO_MAIN_AT_TASKS } from '../src/index.ts';
import { extractArticle } from '../src/article/extract-article.ts';

const PAGE = `<html><head><title>Rates rise</title></head><body><nav>Home | World</nav><article><h1>Rates rise</h1>
<p>The European Central Bank raised its main interest rate on Thursday, the third increase this year, and said further rises were likely.</p>
<p>Christine Lagarde, the bank's president, told reporters in Frankfurt that inflation in Germany and France was still too high.</p>
</article><footer>Contact us</footer></body></html>`;

describe('ExtractionPool', () => {
  it('leaves one core to the main thread, at most 4 threads, none on one core', () => {
    expect(defaultExtractionThreads(1)).toBe(0);
    expect(defaultExtractionThreads(2)).toBe(1);
    expect(defaultExtractionThreads(3)).toBe(2);
    expect(defaultExtractionThreads(16)).toBe(4);
  });

  it('spills main-text extraction to the main thread only when every thread has a backlog and the main thread has time', () => {
    expect(shouldSpillToMain([], 0, 4)).toBe(false); // no threads: everything is on the main thread anyway
    expect(shouldSpillToMain([3], 0, 4)).toBe(false);
    expect(shouldSpillToMain([4], 0, 4)).toBe(true);
    expect(shouldSpillToMain([9, 3], 0, 4)).toBe(false); // one thread still has room
    expect(shouldSpillToMain([5, 4], 0, 4)).toBe(true);
    expect(shouldSpillToMain([5, 4], 0.74, 4, 0.75)).toBe(true);
    expect(shouldSpillToMain([5, 4], 0.75, 4, 0.75)).toBe(false); // the main thread is busy enough
    expect(shouldSpillToMain([SPILL_TO_MAIN_AT_TASKS - 1], 0)).toBe(false);
    expect(shouldSpillToMain([SPILL_TO_MAIN_AT_TASKS], 0)).toBe(true);
    expect(shouldSpillToMain([SPILL_TO_MAIN_AT_TASKS], SPILL_MAX_MAIN_BUSY)).toBe(false);
  });

  // A thread's snapshot is tens of MB of JSON: slow on a loaded machine, hence the timeout.
  it('writes a heap snapshot of each thread, by the thread', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pool-snapshots-'));
    const pool = new ExtractionPool(1);
    try {
      await pool.extractArticle(PAGE, 'https://news.example/rates');
      const paths = await pool.writeHeapSnapshots((i) => join(dir, `thread-${i}.heapsnapshot`));
      expect(paths).toEqual([join(dir, 'thread-0.heapsnapshot')]);
      for (const path of paths) {
        const snapshot = JSON.parse(readFileSync(path, 'utf8')) as { snapshot: { node_count: number }; strings: string[] };
        expect(snapshot.snapshot.node_count).toBeGreaterThan(1000);
        // The thread's own code, not the main thread's: the worker module is in its heap.
        expect(snapshot.strings.some((s) => s.includes('extraction-worker.ts'))).toBe(true);
      }
    } finally {
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports itself saturated while its thread has a backlog, and not once the backlog is done', async () => {
    const pool = new ExtractionPool(1, { spillMaxMainBusy: Number.POSITIVE_INFINITY });
    try {
      expect(pool.saturated()).toBe(false);
      const tasks = Array.from({ length: SPILL_TO_MAIN_AT_TASKS }, (_, i) => pool.extractArticle(PAGE, `https://news.example/rates-${i}`));
      expect(pool.saturated()).toBe(true);
      await Promise.all(tasks);
      expect(pool.saturated()).toBe(false);
      expect(pool.eventLoopUtilization()).toHaveLength(1);
    } finally {
      await pool.close();
    }
  });

  it('gives the same article and extraction as the main thread, and reports its heap', async () => {
    const pool = new ExtractionPool(1);
    try {
      const article = await pool.extractArticle(PAGE, 'https://news.example/rates');
      expect(article).toEqual(extractArticle(PAGE, 'https://news.example/rates'));
      const entities = await pool.extractEntities(article.text, { outlet: null, title: article.title });
      expect(entities).toEqual(extract(article.text, { outlet: null, title: article.title }));
      const [heap] = await pool.heapStatistics();
      expect(heap!.usedHeapSize).toBeGreaterThan(0);
      expect(heap!.totalHeapSize).toBeGreaterThanOrEqual(heap!.usedHeapSize);
    } finally {
      await pool.close();
    }
  });

  it('seeds the replica of a thread that replaced a failed one with what the others held', { timeout: 120_000 }, async () => {
    const pool = new ExtractionPool(1);
    const learned: AliasArticleLearning[] = [];
    let seeds = 0;
    const seedReplica = async (onPage: (learnings: AliasArticleLearning[]) => void) => {
      seeds++;
      onPage(learned);
    };
    // Texts written for this test: the surname resolves only with the first article learned.
    const first = 'Senator Anna Kowalczyk met leaders of Congress at the White House on Monday.';
    const second = 'Kowalczyk met Olaf Scholz at the White House. Congress was told of the talks.';
    try {
      const one = await pool.extractEntitiesWithAliases(first, {}, seedReplica);
      one.release();
      expect(one.learning).not.toBeNull();
      learned.push(one.learning!);
      // A record the thread cannot replay kills it (uncaught in its message handler); the task sent after it fails with it.
      pool.replayAliases([{ version: 2 } as unknown as AliasArticleLearning]);
      await expect(pool.extractEntitiesWithAliases(second, {}, seedReplica)).rejects.toThrow();
      expect(seeds).toBe(0);
      const two = await pool.extractEntitiesWithAliases(second, {}, seedReplica);
      two.release();
      expect(seeds).toBe(1);
      expect(two.extraction.entities.map((e) => e.id)).toContain('person:anna-kowalczyk');
      // Seeded once: the next task goes straight to the thread.
      (await pool.extractEntitiesWithAliases(second, {}, seedReplica)).release();
      expect(seeds).toBe(1);
    } finally {
      await pool.close();
    }
  });
});
