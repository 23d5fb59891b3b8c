import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '@newsgraph/graph';
import { articleIdFor } from '@newsgraph/shared';

/**
 * The alias index is kept in the store: each `newsgraph ingest` below is a fresh process, so a
 * surname resolved in article 2 can only have come from what the store kept of article 1. Then a
 * second full form with that surname makes it ambiguous: later articles are not resolved, and
 * article 2's resolution stays as written. Texts written for this test.
 */

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '../src/main.ts');
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-alias-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { ...process.env, NEWSGRAPH_DB: join(dir, 'graph.db'), NEWSGRAPH_LOG_LEVEL: 'silent' };

const ARTICLES = {
  a1: 'Senator visits Washington\n\nSenator Anna Kowalczyk met leaders of Congress at the White House on Monday.\n',
  a2: 'Kowalczyk meets Scholz\n\nKowalczyk met Olaf Scholz at the White House. Congress was told of the talks.\n',
  a3: 'Governor speaks\n\nGovernor Peter Kowalczyk told Congress his state needed the money.\n',
  a4: 'Vote\n\nKowalczyk met Olaf Scholz again. Congress will vote on Friday.\n',
};
const file = (name: keyof typeof ARTICLES) => join(dir, `${name}.txt`);
for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(file(name as keyof typeof ARTICLES), text);
const idOf = (name: keyof typeof ARTICLES) => articleIdFor(pathToFileURL(file(name)).href);

async function ingest(name: keyof typeof ARTICLES): Promise<void> {
  const { stdout } = await run(process.execPath, [MAIN, 'ingest', file(name)], { env });
  expect(stdout).toMatch(/1 new/);
}

async function withStore<T>(work: (store: SqliteStore) => Promise<T>): Promise<T> {
  const store = await SqliteStore.open(join(dir, 'graph.db'));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

describe('newsgraph ingest keeps the alias index in the store', () => {
  it('resolves a surname in article 2 to the full name of article 1, in a fresh process, with the reason', async () => {
    await ingest('a1');
    await ingest('a2');
    await withStore(async (store) => {
      const anna = await store.getEntity('person:anna-kowalczyk');
      expect(anna?.articleCount).toBe(2);
      expect(anna?.corpusAliases).toEqual([
        { kind: 'resolved', entityId: 'person:anna-kowalczyk', alias: 'Kowalczyk', articleId: idOf('a2'), seq: expect.any(Number), reason: expect.stringMatching(/^surname of Anna Kowalczyk, the only full name with it in 1 earlier article/) },
      ]);
      const [claim] = await store.evidence({ subjectId: 'person:anna-kowalczyk', predicate: 'MET_WITH', objectId: 'person:olaf-scholz' });
      expect(claim?.article.id).toBe(idOf('a2'));
      const side = claim?.subjectId === 'person:anna-kowalczyk' ? 'subject' : 'object';
      expect(claim?.resolvedBy?.[side]).toMatch(/surname of Anna Kowalczyk/);
    });
    const { stdout } = await run(process.execPath, [MAIN, 'query', 'entity', 'person:anna-kowalczyk'], { env });
    expect(stdout).toMatch(/alias index:\n {2}resolved "Kowalczyk" in art_\w+: surname of Anna Kowalczyk/);
  });

  it('stops resolving once a second full form appears, keeps article 2 as written, and says why on both', async () => {
    await ingest('a3');
    await ingest('a4');
    await withStore(async (store) => {
      const anna = await store.getEntity('person:anna-kowalczyk');
      // Article 2's claim and mention still point at Anna; article 4 added nothing to her.
      expect(anna?.articleCount).toBe(2);
      expect((await store.evidence({ subjectId: 'person:anna-kowalczyk', objectId: 'person:olaf-scholz' })).map((r) => r.article.id)).toEqual([idOf('a2')]);
      const peter = await store.getEntity('person:peter-kowalczyk');
      expect(peter?.articleCount).toBe(1);
      for (const detail of [anna, peter]) {
        expect(detail?.corpusAliases?.[0]).toMatchObject({ kind: 'ambiguous', alias: 'kowalczyk', articleId: idOf('a3') });
        expect(detail?.corpusAliases?.[0]?.reason).toMatch(/Anna Kowalczyk, Peter Kowalczyk.*no longer resolved.*kept as written/);
      }
      // Article 4's "Kowalczyk" went to neither of them.
      const fourth = (await store.evidence({ subjectId: 'person:olaf-scholz', objectId: 'person:peter-kowalczyk' })).length;
      expect(fourth).toBe(0);
      expect((await store.aliases!.learnings()).map((r) => r.articleId)).toEqual([idOf('a1'), idOf('a2'), idOf('a3'), idOf('a4')]);
    });
  });
});
