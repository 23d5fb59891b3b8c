import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SqliteStore } from '../src/sqlite/sqlite-store.ts';
import { exportGraph } from '../src/export/export-graph.ts';
import { describeListStoreContract, entry } from './list-store-contract.ts';
import { A1, ENTITIES, ID, baseDocuments, buildDocument } from './store-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-lists-'));
let n = 0;
const freshPath = () => join(dir, `lists-${n++}.db`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeListStoreContract('sqlite', () => SqliteStore.open(freshPath()));

describe('SqliteListStore (SQLite specifics)', () => {
  it('keeps lists across reopening and migrates the list tables once', async () => {
    const path = freshPath();
    const first = await SqliteStore.open(path);
    await first.lists.replaceList({ list: 'test-list', format: 'un-xml', versionDate: null, source: 'a.xml', entries: [entry('1', 'ZORBLAT, Antonin')] });
    await first.close();
    const second = await SqliteStore.open(path);
    await second.migrate();
    expect((await second.lists.listEntries()).map((e) => e.id)).toEqual(['1']);
    await second.close();
  });

  it('drops the links of an entity that no article names any more', async () => {
    const store = await SqliteStore.open(freshPath());
    await store.writeArticles(baseDocuments());
    await store.lists.replaceList({ list: 'test-list', format: 'un-xml', versionDate: null, source: 'a.xml', entries: [entry('1', 'ZORBLAT, Antonin')] });
    await store.lists.replaceListings({ lists: ['test-list'] }, [{ entityId: ID.blinken, list: 'test-list', entryId: '1', score: 0.9, features: {}, matchedName: 'x' }]);
    expect((await store.lists.listingsOf(ID.blinken)).length).toBe(1);
    // A1 rewritten without Blinken: if no other article names him, he and his link go.
    const remaining = baseDocuments().filter((d) => d.entities.some((e) => e.id === ID.blinken));
    expect(remaining.length).toBeGreaterThan(0);
    for (const doc of remaining) {
      await store.writeArticle(buildDocument({ ...A1, id: doc.article.id, entities: [ENTITIES.china, ENTITIES.russia], sentences: [{ text: `China met Russia (${doc.article.id}).`, claims: [[ID.china, 'MET_WITH', ID.russia]] }] }));
    }
    expect(await store.getEntity(ID.blinken)).toBeNull();
    expect(await store.lists.listingsOf(ID.blinken)).toEqual([]);
    await store.close();
  });

  it('exports carry the listings (JSON, GraphML, CSV)', async () => {
    const store = await SqliteStore.open(freshPath());
    await store.writeArticles(baseDocuments());
    await store.lists.replaceList({ list: 'test-list', format: 'un-xml', versionDate: null, source: 'a.xml', entries: [entry('1', 'ZORBLAT, Antonin')] });
    await store.lists.replaceListings({ lists: ['test-list'] }, [{ entityId: ID.blinken, list: 'test-list', entryId: '1', score: 0.9, features: { name_similarity: 0.9 }, matchedName: 'x' }]);
    const out = join(dir, `export-${n++}`);
    await exportGraph(store, { format: 'json', out: `${out}.json` });
    const nodes = (JSON.parse(readFileSync(`${out}.json`, 'utf8')) as { nodes: Array<{ id: string; listings?: unknown }> }).nodes;
    expect(nodes.find((x) => x.id === ID.blinken)!.listings).toEqual([{ list: 'test-list', id: '1', score: 0.9, features: { name_similarity: 0.9 } }]);
    expect(nodes.find((x) => x.id === ID.yellen)!.listings).toBeUndefined();
    await exportGraph(store, { format: 'graphml', out: `${out}.graphml` });
    expect(readFileSync(`${out}.graphml`, 'utf8')).toContain('<data key="listings">test-list/1 (0.900)</data>');
    await exportGraph(store, { format: 'csv', out: `${out}-csv` });
    expect(readFileSync(join(`${out}-csv`, 'entities.csv'), 'utf8')).toMatch(/person:antony-blinken,.*"\[\{""list"":""test-list"",""id"":""1""/);
    await store.close();
  });
});
