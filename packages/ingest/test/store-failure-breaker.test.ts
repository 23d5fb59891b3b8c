import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError, StoreUnavailableError } from '@newsgraph/shared';
import type { GraphStore, WriteResult } from '@newsgraph/graph';
import { classifyFailure, createDefaultReaders, ingestInputs, StoreFailureBreaker, StoreFailureStreakError, type Fetcher, type IngestOutcome } from '../src/index.ts';

const down = () => new StoreUnavailableError('cannot reach Neo4j at bolt://127.0.0.1:1: connection refused (NEO4J_URI)', { setting: 'NEO4J_URI' });

describe('StoreFailureBreaker', () => {
  it('throws on the third store failure in a row, naming the setting', () => {
    const breaker = new StoreFailureBreaker();
    breaker.failed(down());
    breaker.failed(down());
    let thrown: unknown;
    try {
      breaker.failed(down());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StoreFailureStreakError);
    expect((thrown as StoreUnavailableError).setting).toBe('NEO4J_URI');
    expect((thrown as Error).message).toMatch(/^stopped after 3 store failures in a row, nothing more was written: cannot reach Neo4j/);
  });

  it('a stored article resets the streak; input errors neither count nor reset', () => {
    const breaker = new StoreFailureBreaker(2);
    breaker.failed(down());
    breaker.succeeded();
    breaker.failed(down());
    breaker.failed(new InputError('a.txt', 'empty file'));
    expect(() => breaker.failed(down())).toThrow(StoreFailureStreakError);
  });
});

describe('ingestInputs with a store that is down', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('stops after three failed writes instead of trying every remaining file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsgraph-breaker-'));
    for (let i = 0; i < 10; i++) writeFileSync(join(dir, `report-${i}.txt`), `Harbour report ${i}\n\nThe port authority of Lorem said on Monday that ${i} ships were delayed.\n`);
    let writes = 0;
    const store = {
      getArticle: async () => null,
      // An empty curation log: every write passes through the store's curation plan first.
      curationRevision: async () => '0:0',
      curationLog: async () => [],
      writeArticle: async (): Promise<WriteResult> => {
        writes++;
        throw down();
      },
    } as unknown as GraphStore;
    const fetcher = { fetch: async () => { throw new Error('no fetching here'); }, close: async () => undefined } as unknown as Fetcher;
    const outcomes: IngestOutcome[] = [];
    const run = async () => {
      for await (const outcome of ingestInputs([dir!], { store, fetcher, readers: createDefaultReaders() })) outcomes.push(outcome);
    };
    await expect(run()).rejects.toThrow(StoreFailureStreakError);
    expect(writes).toBe(3);
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'failed', 'failed']);
    expect(outcomes[0]!.error).toMatch(/cannot reach Neo4j/);
  });
});

describe('classifyFailure', () => {
  it('retries a job whose store is unavailable, under the label store', () => {
    expect(classifyFailure(down())).toEqual({ retryable: true, reason: 'store', retryAfterMs: null });
  });
});
