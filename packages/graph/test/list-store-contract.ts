import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ListEntry, ListingLink } from '@newsgraph/shared';
import type { GraphStore } from '../src/interfaces/graph-store.ts';
import type { ListStore } from '../src/interfaces/list-store.ts';
import { ID, baseDocuments } from './store-fixtures.ts';

/** Invented entries (no real list data): two versions of a list "test-list" and a second list. */
export function entry(id: string, name: string, extra: Partial<ListEntry> = {}): ListEntry {
  return {
    list: 'test-list',
    id,
    type: 'person',
    name,
    aliases: [],
    programs: ['PROG-A'],
    listedOn: '2020-01-02',
    nationalities: ['Freedonia'],
    countries: [],
    identifiers: [{ type: 'Passport', value: 'X123456', country: 'Freedonia' }],
    remarks: null,
    ...extra,
  };
}

const V1 = [
  entry('1', 'ZORBLAT, Antonin', { aliases: ['Tony Zorblat'] }),
  entry('2', 'QUUXBANK OJSC', { type: 'organization', programs: ['PROG-B'], nationalities: [], countries: ['Freedonia'], identifiers: [] }),
  entry('3', 'VESSEL NEBULA', { type: 'vessel', programs: ['PROG-B'] }),
];
const V2 = [V1[0]!, { ...V1[1]!, aliases: ['Quuxbank'] }, entry('4', 'MERVILLE, Odile')];

const link = (entityId: string, entryId: string, score: number, list = 'test-list'): ListingLink => ({
  entityId,
  list,
  entryId,
  score,
  features: { name_similarity: score },
  matchedName: 'x',
});

/**
 * What every store's `lists` must do, on invented entries linked to the entities of
 * store-fixtures.ts. `makeStore` returns an EMPTY, migrated store.
 */
export function describeListStoreContract(name: string, makeStore: () => Promise<GraphStore>): void {
  describe(`ListStore contract: ${name}`, () => {
    let store: GraphStore;
    let lists: ListStore;

    beforeEach(async () => {
      store = await makeStore();
      await store.writeArticles(baseDocuments());
      lists = store.lists!;
      await lists.replaceList({ list: 'test-list', format: 'ofac-sdn-csv', versionDate: '2024-01-01', source: 'v1.csv', entries: V1, importedAt: '2024-01-02T00:00:00Z' });
    });
    afterEach(async () => {
      await store.close();
    });

    it('stores entries with every field and lists the list', async () => {
      expect(await lists.listEntries('test-list')).toEqual(V1);
      expect(await lists.getListEntry('test-list', '2')).toEqual(V1[1]);
      expect(await lists.getListEntry('test-list', 'nope')).toBeNull();
      const [stored] = await lists.lists();
      expect(stored).toMatchObject({ name: 'test-list', format: 'ofac-sdn-csv', versionDate: '2024-01-01', importedAt: '2024-01-02T00:00:00.000Z', entryCount: 3 });
      expect(stored!.versions).toEqual([
        { list: 'test-list', format: 'ofac-sdn-csv', versionDate: '2024-01-01', importedAt: '2024-01-02T00:00:00.000Z', source: 'v1.csv', entryCount: 3, added: ['1', '2', '3'], removed: [] },
      ]);
    });

    it('replaces a list by a newer version, recording what was added and removed, and drops links to removed entries', async () => {
      await lists.replaceListings({ lists: ['test-list'] }, [link(ID.blinken, '1', 0.9), link(ID.pboc, '3', 0.86)]);
      const version = await lists.replaceList({ list: 'test-list', format: 'ofac-sdn-csv', versionDate: '2024-02-01', source: 'v2.csv', entries: V2, importedAt: '2024-02-02T00:00:00Z' });
      expect(version).toMatchObject({ added: ['4'], removed: ['3'], entryCount: 3, versionDate: '2024-02-01' });
      expect((await lists.listEntries('test-list')).map((e) => e.id)).toEqual(['1', '2', '4']);
      expect((await lists.getListEntry('test-list', '2'))?.aliases).toEqual(['Quuxbank']);
      expect((await lists.lists())[0]!.versions.map((v) => v.versionDate)).toEqual(['2024-02-01', '2024-01-01']);
      expect((await lists.listingsOf(ID.pboc)).length).toBe(0);
      expect((await lists.listingsOf(ID.blinken)).map((l) => l.entryId)).toEqual(['1']);
    });

    it('leaves the stored list as it was when an import is refused (shrinks by more than half, duplicate ids, no entries)', async () => {
      const before = await lists.listEntries();
      await expect(lists.replaceList({ list: 'test-list', format: 'ofac-sdn-csv', versionDate: null, source: 'cut.csv', entries: [V1[0]!] })).rejects.toThrow(/remove 2 of 3 stored entries/);
      await expect(lists.replaceList({ list: 'test-list', format: 'ofac-sdn-csv', versionDate: null, source: 'dup.csv', entries: [V1[0]!, V1[0]!] })).rejects.toThrow(/duplicate entry id/);
      await expect(lists.replaceList({ list: 'test-list', format: 'ofac-sdn-csv', versionDate: null, source: 'empty.csv', entries: [] })).rejects.toThrow(/no entries/);
      expect(await lists.listEntries()).toEqual(before);
      expect((await lists.lists())[0]!.versions.length).toBe(1);
    });

    it('links entities to entries, replaces links by entity or by list, and orders listings by score', async () => {
      await lists.replaceList({ list: 'other', format: 'un-xml', versionDate: null, source: 'o.xml', entries: [{ ...V1[0]!, list: 'other', id: 'X.1' }] });
      await lists.replaceListings({ lists: ['test-list'] }, [link(ID.blinken, '1', 0.9), link(ID.blinken, '4', 0.95), link(ID.pboc, '2', 0.88), link('person:nobody', '1', 0.99)]);
      await lists.replaceListings({ lists: ['other'] }, [link(ID.blinken, 'X.1', 0.97, 'other')]);
      const blinken = await lists.listingsOf(ID.blinken);
      // Entry 4 is not on the list (yet) and person:nobody is no entity: neither link is stored.
      expect(blinken.map((l) => [l.list, l.entryId, l.score])).toEqual([['other', 'X.1', 0.97], ['test-list', '1', 0.9]]);
      expect(blinken[1]!.entry.name).toBe('ZORBLAT, Antonin');
      expect(blinken[1]!.features).toEqual({ name_similarity: 0.9 });
      const many = await lists.listingsOfMany([ID.blinken, ID.pboc, ID.yellen]);
      expect([...many.keys()].sort()).toEqual([ID.blinken, ID.pboc].sort());
      await lists.replaceListings({ entityIds: [ID.blinken] }, []);
      expect(await lists.listingsOf(ID.blinken)).toEqual([]);
      expect((await lists.listingsOf(ID.pboc)).length).toBe(1);
      await expect(lists.replaceListings({ entityIds: [ID.pboc] }, [link(ID.blinken, '1', 0.9)])).rejects.toThrow(/outside the scope/);
    });

    it('answers listed entities by list and program, best score first', async () => {
      await lists.replaceListings({ lists: ['test-list'] }, [link(ID.blinken, '1', 0.9), link(ID.pboc, '2', 0.95)]);
      const all = await lists.listedEntities();
      expect(all.map((l) => [l.entity.id, l.listings.map((x) => x.entryId)])).toEqual([[ID.pboc, ['2']], [ID.blinken, ['1']]]);
      expect(all[0]!.entity).toMatchObject({ name: "People's Bank of China", type: 'Organization' });
      expect((await lists.listedEntities({ program: 'PROG-A' })).map((l) => l.entity.id)).toEqual([ID.blinken]);
      expect(await lists.listedEntities({ list: 'missing' })).toEqual([]);
      expect((await lists.listedEntities({ limit: 1 })).length).toBe(1);
    });

    it('removes a list with its entries and links', async () => {
      await lists.replaceListings({ lists: ['test-list'] }, [link(ID.blinken, '1', 0.9)]);
      expect(await lists.removeList('test-list')).toBe(true);
      expect(await lists.removeList('test-list')).toBe(false);
      expect(await lists.lists()).toEqual([]);
      expect(await lists.listEntries()).toEqual([]);
      expect(await lists.listingsOf(ID.blinken)).toEqual([]);
    });
  });
}
