import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured, scratch } from './support/run-cli.ts';

const SEEDS = resolve(import.meta.dirname, '../../shared/seeds');
const present = existsSync(SEEDS);
if (!present) console.warn(`[newsgraph] skipping the seed-article test: ${SEEDS} is absent (it ships beside the repository as ../shared)`);

/** The three seed articles through the real ingest path (plain-text files, chrome trimming, extraction, SQLite). */
describe.skipIf(!present)('seed articles', () => {
  const box = scratch();
  beforeAll(async () => {
    const run = await runCliCaptured(['ingest', SEEDS], box.env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  }, 60_000);
  afterAll(() => box.cleanup());

  const json = async (argv: string[]) => JSON.parse((await runCliCaptured([...argv, '--json'], box.env)).stdout);

  it('stores the three articles', async () => {
    expect((await json(['query', 'stats'])).articles).toBe(3);
  });

  it('knows Antony Blinken, Thea Kendler and Janet Yellen as Persons', async () => {
    for (const name of ['Antony Blinken', 'Thea Kendler', 'Janet Yellen']) {
      const hits = await json(['query', 'search', name, '--type', 'Person']);
      expect(hits.map((h: { name: string }) => h.name), name).toContain(name);
    }
  });

  it('resolves TFFC to the Bureau of Terrorist Financing and Financial Crimes', async () => {
    const hits = await json(['query', 'search', 'TFFC']);
    expect(hits).toHaveLength(1);
    expect(hits[0].type).toBe('Organization');
    expect(hits[0].name).toBe('Bureau of Terrorist Financing and Financial Crimes');
  });

  it("extracts nothing from seed 001's trailing page chrome", async () => {
    for (const chrome of ['QSR Brands', 'Gula Cakery']) {
      expect(await json(['query', 'search', chrome]), chrome).toEqual([]);
    }
  });
});
