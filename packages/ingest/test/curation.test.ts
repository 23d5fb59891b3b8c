import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { vocabularyExtractor, type VocabularyEntry } from '../../../test/support/vocabulary-extractor.ts';
import { SqliteStore, type GraphStore } from '@newsgraph/graph';
import { articleIdFor, contentHash, type Article } from '@newsgraph/shared';
import { Curator, processArticle } from '../src/index.ts';

// A stand-in extractor with a fixed vocabulary, so that every count below is known exactly: a
// name in the text is an entity; "A met B", "A visited B" and "A supplied B" are claims.
const VOCABULARY: VocabularyEntry[] = [
  ['Ronald Reagan', 'person:ronald-reagan', 'Person'],
  ['Reagan', 'person:reagan', 'Person'],
  ['Gorbachev', 'person:gorbachev', 'Person'],
  ['Moscow', 'place:moscow', 'Place'],
  ['Geneva', 'place:geneva', 'Place'],
  ['Acme', 'org:acme', 'Organization'],
  ['ACME Steel', 'org:acme', 'Organization'],
];
const stubExtract = vocabularyExtractor(VOCABULARY);

function article(key: string, text: string, publishedAt = '2024-01-01T00:00:00.000Z'): Article {
  return { id: articleIdFor(key), url: `file:///${key}.txt`, canonicalUrl: `file:///${key}.txt`, title: key, outlet: null, author: null, publishedAt, fetchedAt: publishedAt, language: 'en', text, contentHash: contentHash(text) };
}

const ARTICLES = [
  article('a1', 'Reagan met Gorbachev. Reagan visited Geneva.'),
  article('a2', 'Ronald Reagan visited Moscow. Acme supplied Moscow.', '2024-02-01T00:00:00.000Z'),
  article('a3', 'Gorbachev visited Geneva. ACME Steel supplied Gorbachev.', '2024-03-01T00:00:00.000Z'),
];

const stores: GraphStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function openStore(): Promise<SqliteStore> {
  const store = await SqliteStore.open(join(await mkdtemp(join(tmpdir(), 'ng-curation-')), 'graph.db'));
  stores.push(store);
  return store;
}

async function ingested(articles = ARTICLES): Promise<SqliteStore> {
  const store = await openStore();
  for (const a of articles) await processArticle(a, { store, extract: stubExtract });
  return store;
}

/** Everything a reader sees of a graph: entities with names and counts, edges with counts. */
async function snapshot(store: GraphStore): Promise<{ entities: string[]; edges: string[] }> {
  const entities: string[] = [];
  for await (const e of store.exportEntities()) entities.push(`${e.id}|${e.name}|${e.articleCount}|${e.mentionCount}|${[...e.aliases].sort().join(',')}`);
  const edges: string[] = [];
  for await (const e of store.exportEdges()) edges.push(`${e.subjectId} ${e.predicate} ${e.objectId}|${e.articleCount}|${e.claimCount}|${e.firstSeen}|${e.lastSeen}`);
  return { entities: entities.sort(), edges: edges.sort() };
}

const by = { author: 'desk editor', reason: 'same person' };

describe('Curator on the SQLite store', () => {
  it('merges two nodes: mentions, claims and counts move, and the result equals a fresh ingest under the same log', async () => {
    const store = await ingested();
    const curator = new Curator({ store, extract: stubExtract });
    const { entry, articlesRewritten } = await curator.record({ action: { kind: 'merge', into: 'person:ronald-reagan', from: 'person:reagan' }, ...by });
    expect(entry).toMatchObject({ seq: 1, author: 'desk editor', reason: 'same person', undoneAt: null });
    expect(articlesRewritten).toBe(2);
    expect(await store.getEntity('person:reagan')).toBeNull();
    const reagan = await store.getEntity('person:ronald-reagan');
    expect(reagan).toMatchObject({ name: 'Ronald Reagan', articleCount: 2 });
    expect(reagan!.aliases).toContain('Reagan');
    const neighbours = (await store.neighbors('person:ronald-reagan')).map((n) => `${n.predicate} ${n.entity.id}`).sort();
    expect(neighbours).toEqual(['MET_WITH person:gorbachev', 'VISITED place:geneva', 'VISITED place:moscow']);

    // The same log applied at ingest time gives the same graph, row for row.
    const fresh = await openStore();
    await fresh.recordCuration({ action: entry.action, author: 'x' });
    for (const a of ARTICLES) await processArticle(a, { store: fresh, extract: stubExtract });
    expect(await snapshot(store)).toEqual(await snapshot(fresh));
  });

  it('keeps a merge through re-ingest of a changed article, and undo restores the graph exactly', async () => {
    const store = await ingested();
    const before = await snapshot(store);
    const curator = new Curator({ store, extract: stubExtract });
    const { entry } = await curator.record({ action: { kind: 'merge', into: 'person:ronald-reagan', from: 'person:reagan' }, ...by });
    const changed = article('a1', 'Reagan met Gorbachev. Reagan visited Geneva. Reagan visited Moscow.');
    expect((await processArticle(changed, { store, extract: stubExtract })).status).toBe('updated');
    expect(await store.getEntity('person:reagan')).toBeNull();
    expect(await store.evidence({ subjectId: 'person:ronald-reagan', predicate: 'VISITED', objectId: 'place:moscow' })).toHaveLength(2);

    await processArticle(ARTICLES[0]!, { store, extract: stubExtract });
    const undone = await curator.undo(entry.id, { author: 'chief', reason: 'two people after all' });
    expect(undone.entry).toMatchObject({ undoneBy: 'chief', undoReason: 'two people after all' });
    expect(undone.entry.undoneAt).not.toBeNull();
    // Names, aliases, counts and edges are as before the merge.
    expect(await snapshot(store)).toEqual(before);
    expect((await store.searchEntities('reagan')).map((e) => e.id).sort()).toEqual(['person:reagan', 'person:ronald-reagan']);
    expect((await store.getEntity('person:ronald-reagan'))!.aliases).not.toContain('Reagan');
    await expect(curator.undo(entry.id, by)).rejects.toThrow(/was undone already/);
  });

  it('splits an alias off into a node of its own', async () => {
    const store = await ingested();
    const curator = new Curator({ store, extract: stubExtract });
    await curator.record({ action: { kind: 'split-alias', entity: 'org:acme', alias: 'ACME Steel' }, ...by });
    expect(await store.getEntity('org:acme~acme-steel')).toMatchObject({ name: 'ACME Steel', articleCount: 1 });
    expect(await store.getEntity('org:acme')).toMatchObject({ articleCount: 1 });
    expect((await store.neighbors('org:acme~acme-steel')).map((n) => n.entity.id)).toEqual(['person:gorbachev']);
  });

  it('renames, keeps the old name searchable, and undo brings the name back', async () => {
    const store = await ingested();
    const curator = new Curator({ store, extract: stubExtract });
    const { entry, articlesRewritten } = await curator.record({ action: { kind: 'rename', entity: 'place:moscow', name: 'Moscow (city)' }, ...by });
    expect(articlesRewritten).toBe(0);
    expect(entry.action).toMatchObject({ previousName: 'Moscow' });
    expect(await store.getEntity('place:moscow')).toMatchObject({ name: 'Moscow (city)' });
    expect((await store.searchEntities('moscow (c')).map((e) => e.id)).toEqual(['place:moscow']);
    // A later ingest names it "Moscow" again: the curated name stays.
    await processArticle(article('a4', 'Gorbachev visited Moscow.'), { store, extract: stubExtract });
    expect(await store.getEntity('place:moscow')).toMatchObject({ name: 'Moscow (city)', articleCount: 2 });
    await curator.undo(entry.id, by);
    expect(await store.getEntity('place:moscow')).toMatchObject({ name: 'Moscow', aliases: [] });
    expect(await store.searchEntities('moscow (c')).toEqual([]);
  });

  it('rejects an edge now and in later articles; a rejected claim goes, the same edge from another sentence stays', async () => {
    const store = await ingested();
    const curator = new Curator({ store, extract: stubExtract });
    await curator.record({ action: { kind: 'reject-edge', subject: 'place:geneva', predicate: 'VISITED', object: 'person:gorbachev' }, ...by });
    expect(await store.evidence({ subjectId: 'person:gorbachev', predicate: 'VISITED', objectId: 'place:geneva' })).toHaveLength(1);
    await curator.record({ action: { kind: 'reject-edge', subject: 'person:gorbachev', predicate: 'VISITED', object: 'place:geneva' }, ...by });
    expect(await store.evidence({ subjectId: 'person:gorbachev', predicate: 'VISITED', objectId: 'place:geneva' })).toHaveLength(0);
    await processArticle(article('a5', 'Gorbachev visited Geneva.'), { store, extract: stubExtract });
    expect(await store.evidence({ subjectId: 'person:gorbachev', predicate: 'VISITED', objectId: 'place:geneva' })).toHaveLength(0);

    const [claim] = await store.evidence({ subjectId: 'person:reagan', predicate: 'VISITED', objectId: 'place:geneva' });
    await curator.record({ action: { kind: 'reject-claim', articleId: claim!.article.id, subject: 'person:reagan', predicate: 'VISITED', object: 'place:geneva', start: claim!.start }, ...by });
    expect(await store.evidence({ subjectId: 'person:reagan', predicate: 'VISITED', objectId: 'place:geneva' })).toHaveLength(0);
    expect((await curator.log()).map((e) => e.action.kind)).toEqual(['reject-edge', 'reject-edge', 'reject-claim']);
  });

  it('tells onNamesChanged which entities a merge, rename or their undo renamed, with the stored names already changed', async () => {
    const store = await ingested();
    const calls: Array<[string[], string[]]> = [];
    const curator = new Curator({
      store,
      extract: stubExtract,
      onNamesChanged: async (ids) => void calls.push([ids, await Promise.all(ids.map(async (id) => (await store.getEntity(id))?.name ?? '(gone)'))]),
    });
    const merge = await curator.record({ action: { kind: 'merge', into: 'person:ronald-reagan', from: 'person:reagan' }, ...by });
    await curator.record({ action: { kind: 'rename', entity: 'org:acme', name: 'Acme Steel Corporation' }, ...by });
    await curator.record({ action: { kind: 'note', entity: 'org:acme', text: 'a steelmaker' }, ...by });
    await curator.record({ action: { kind: 'reject-edge', subject: 'person:gorbachev', predicate: 'VISITED', object: 'place:geneva' }, ...by });
    await curator.undo(merge.entry.id, by);
    expect(calls).toEqual([
      [['person:ronald-reagan', 'person:reagan'], ['Ronald Reagan', '(gone)']],
      [['org:acme'], ['Acme Steel Corporation']],
      [['person:ronald-reagan', 'person:reagan'], ['Ronald Reagan', 'Reagan']],
    ]);
  });

  it('records confirmations and notes without touching the graph', async () => {
    const store = await ingested();
    const before = await snapshot(store);
    const curator = new Curator({ store, extract: stubExtract });
    expect((await curator.record({ action: { kind: 'confirm-edge', subject: 'person:reagan', predicate: 'MET_WITH', object: 'person:gorbachev' }, ...by })).articlesRewritten).toBe(0);
    await curator.record({ action: { kind: 'note', entity: 'person:gorbachev', text: 'check the 1987 summit date' }, author: 'ed' });
    expect(await snapshot(store)).toEqual(before);
    expect((await store.curationLog()).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('refuses actions on unknown entities, across types, and malformed requests, and stores nothing for them', async () => {
    const store = await ingested();
    const curator = new Curator({ store, extract: stubExtract });
    await expect(curator.record({ action: { kind: 'merge', into: 'person:nobody', from: 'person:reagan' }, ...by })).rejects.toThrow(/action\.into: no entity "person:nobody"/);
    await expect(curator.record({ action: { kind: 'merge', into: 'place:moscow', from: 'person:reagan' }, ...by })).rejects.toThrow(/merge only entities of one type/);
    await expect(curator.record({ action: { kind: 'rename', entity: 'place:moscow', name: 'M' }, author: '' })).rejects.toThrow(/author/);
    await expect(curator.record({ action: { kind: 'rename', entity: "place:moscow'); DROP TABLE entities; --", name: 'M' }, ...by })).rejects.toThrow(/no entity/);
    expect(await store.curationLog()).toEqual([]);
    expect(await store.getEntity('place:moscow')).toMatchObject({ name: 'Moscow' });
  });
});
