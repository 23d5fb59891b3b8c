import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError, type ArticleDocument } from '@newsgraph/shared';
import type { GraphStore } from '../src/interfaces/graph-store.ts';
import { A1, HOSTILE, ID, baseDocuments, buildDocument } from './store-fixtures.ts';

/**
 * What every store keeps for curation (the log, forced rewrites, names with their search keys),
 * on the graph of store-fixtures.ts. `makeStore` returns an EMPTY, migrated store each time.
 */
export function describeCurationContract(name: string, makeStore: () => Promise<GraphStore>): void {
  describe(`curation contract: ${name}`, () => {
    let store: GraphStore;
    let docs: ArticleDocument[];

    beforeEach(async () => {
      store = await makeStore();
      docs = baseDocuments();
      await store.writeArticles(docs);
    });

    afterEach(async () => {
      await store.close();
    });

    it('appends, lists in order, revises and undoes log entries, hostile text intact', async () => {
      expect(await store.curationLog()).toEqual([]);
      const r0 = await store.curationRevision();
      const note = await store.recordCuration({ action: { kind: 'note', entity: ID.china, text: HOSTILE.cypher }, author: HOSTILE.sql, reason: HOSTILE.name });
      expect(note).toMatchObject({ seq: 1, author: HOSTILE.sql, reason: HOSTILE.name, action: { kind: 'note', entity: ID.china, text: HOSTILE.cypher }, undoneAt: null });
      expect(note.id).toMatch(/^cur_/);
      const merge = await store.recordCuration({ action: { kind: 'merge', into: ID.blinken, from: ID.yellen }, author: 'ed' });
      expect(merge.seq).toBe(2);
      const r2 = await store.curationRevision();
      expect(r2).not.toBe(r0);
      const undone = await store.undoCuration(merge.id, { author: 'chief', reason: 'no' });
      expect(undone).toMatchObject({ id: merge.id, seq: 2, undoneBy: 'chief', undoReason: 'no' });
      expect(typeof undone.undoneAt).toBe('string');
      expect(await store.curationRevision()).not.toBe(r2);
      await expect(store.undoCuration(merge.id, { author: 'chief' })).rejects.toThrow(InputError);
      await expect(store.undoCuration('cur_missing', { author: 'chief' })).rejects.toThrow(/is not in the log/);
      expect((await store.curationLog()).map((e) => [e.seq, e.action.kind, e.undoneAt !== null])).toEqual([
        [1, 'note', false],
        [2, 'merge', true],
      ]);
      await expect(store.recordCuration({ action: { kind: 'merge', into: ID.china }, author: 'ed' })).rejects.toThrow(/action\.from/);
      expect(await store.curationLog()).toHaveLength(2);
    });

    it('finds the stored articles that mention entities', async () => {
      const expected = (ids: string[]) => docs.filter((d) => d.mentions.some((m) => ids.includes(m.entityId))).map((d) => d.article.id).sort();
      expect((await store.articlesMentioning([ID.china])).sort()).toEqual(expected([ID.china]));
      expect((await store.articlesMentioning([ID.blinken, ID.iran])).sort()).toEqual(expected([ID.blinken, ID.iran]));
      expect(await store.articlesMentioning(['person:nobody', HOSTILE.sql])).toEqual([]);
      expect(await store.articlesMentioning([])).toEqual([]);
    });

    it('rewrites an article whose text is unchanged, with exact counts both ways', async () => {
      const before = { stats: await store.stats(), china: await store.getEntity(ID.china), neighbours: await store.neighbors(ID.china) };
      const visits = () => store.evidence({ subjectId: ID.blinken, predicate: 'VISITED', objectId: ID.china });
      expect((await visits()).map((e) => e.article.id)).toContain(A1.id);
      expect(await store.rewriteArticles([buildDocument(A1)])).toEqual([{ articleId: A1.id, status: 'updated' }]);
      expect(await store.stats()).toEqual(before.stats);
      const stripped = { ...buildDocument(A1), claims: [] };
      await store.rewriteArticles([stripped]);
      expect((await store.stats()).claims).toBe(before.stats.claims - 1);
      expect((await visits()).map((e) => e.article.id)).not.toContain(A1.id);
      await store.rewriteArticles([buildDocument(A1)]);
      expect(await store.stats()).toEqual(before.stats);
      expect(await store.getEntity(ID.china)).toEqual(before.china);
      expect(await store.neighbors(ID.china)).toEqual(before.neighbours);
    });

    it('sets names and aliases with their search keys', async () => {
      expect(await store.setEntityNames(ID.china, "People's Republic of China", ['China', 'PRC'])).toBe(true);
      expect(await store.getEntity(ID.china)).toMatchObject({ name: "People's Republic of China", aliases: ['China', 'PRC'] });
      expect((await store.searchEntities('prc')).map((e) => e.id)).toEqual([ID.china]);
      expect((await store.searchEntities("people's rep")).map((e) => e.id)).toEqual([ID.china]);
      expect(await store.setEntityNames(ID.china, 'China', [])).toBe(true);
      expect(await store.searchEntities('prc')).toEqual([]);
      expect(await store.setEntityNames('country:XX', 'Nowhere', [])).toBe(false);
      await expect(store.setEntityNames(ID.china, '  ', [])).rejects.toThrow(/name/);
    });
  });
}
