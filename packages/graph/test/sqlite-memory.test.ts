import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, loadConfig } from '@newsgraph/shared';
import { openStore } from '../src/open-store.ts';
import { SQLITE_READER_MEMORY, SQLITE_WRITER_MEMORY, SqliteStore } from '../src/sqlite/sqlite-store.ts';

/** A connection's page cache and mmap: a reader's by default, a crawler's (writer's) on request. */

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-sqlite-memory-'));
let counter = 0;
const freshPath = () => join(dir, `store-${++counter}.db`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite memory settings', () => {
  it('a store opened without settings keeps the reader cache and mmap', async () => {
    const store = await SqliteStore.open(freshPath());
    expect(store.memorySettings()).toEqual({ cacheMb: 64, mmapMb: 256 });
    expect(SQLITE_READER_MEMORY).toEqual({ cacheMb: 64, mmapMb: 256 });
    await store.close();
  });

  it('a writer gets an 8 MiB cache and no mmap', async () => {
    const store = await SqliteStore.open(freshPath(), { memory: SQLITE_WRITER_MEMORY });
    expect(store.memorySettings()).toEqual({ cacheMb: 8, mmapMb: 0 });
    await store.close();
  });

  it('openStore passes the settings to SQLite', async () => {
    const config = { ...loadConfig({ env: {}, cwd: dir }), db: freshPath() };
    const store = (await openStore(config, { sqliteMemory: { cacheMb: 3, mmapMb: 5 } })) as SqliteStore;
    expect(store.memorySettings()).toEqual({ cacheMb: 3, mmapMb: 5 });
    await store.close();
  });

  it('refuses settings that are not whole MiB before opening anything', async () => {
    for (const memory of [{ cacheMb: -1, mmapMb: 0 }, { cacheMb: 8, mmapMb: 0.5 }, { cacheMb: Number.NaN, mmapMb: 0 }]) {
      await expect(SqliteStore.open(freshPath(), { memory })).rejects.toThrow(InputError);
    }
  });
});
