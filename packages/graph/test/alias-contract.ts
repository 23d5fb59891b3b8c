import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '@newsgraph/shared';
import type { AliasIndexStore } from '../src/interfaces/alias-store.ts';
import type { GraphStore } from '../src/interfaces/graph-store.ts';
import { A1, A4, HOSTILE, ID, baseDocuments, buildDocument } from './store-fixtures.ts';

/**
 * What every store keeps of the cross-document alias index (interfaces/alias-store.ts), on the
 * graph of store-fixtures.ts. `makeStore` returns an EMPTY, migrated store each time.
 */
export function describeAliasIndexContract(name: string, makeStore: () => Promise<GraphStore>): void {
  describe(`alias index contract: ${name}`, () => {
    let store: GraphStore;
    let aliases: AliasIndexStore;

    beforeEach(async () => {
      store = await makeStore();
      await store.writeArticles(baseDocuments());
      aliases = store.aliases!;
      expect(aliases).toBeDefined();
    });

    afterEach(async () => {
      await store.close();
    });

    const resolvedBlinken = { kind: 'resolved' as const, entityId: ID.blinken, alias: 'Blinken', reason: 'surname of Antony Blinken, the only full name with it in 1 earlier article(s)' };

    it('starts empty, then keeps learnings in recording order with their JSON intact', async () => {
      expect(await aliases.learnings()).toEqual([]);
      await aliases.record(A1.id, { version: 1, names: [HOSTILE.cypher, HOSTILE.sql], n: 1.5 }, []);
      await aliases.record(A4.id, { version: 1, names: [] }, [resolvedBlinken]);
      const all = await aliases.learnings();
      expect(all.map((r) => [r.articleId, r.learning])).toEqual([
        [A1.id, { version: 1, names: [HOSTILE.cypher, HOSTILE.sql], n: 1.5 }],
        [A4.id, { version: 1, names: [] }],
      ]);
      expect(all[0]!.seq).toBeLessThan(all[1]!.seq);
      expect(await aliases.learnings({ afterSeq: all[0]!.seq })).toEqual([all[1]]);
      expect(await aliases.learnings({ limit: 1 })).toEqual([all[0]]);
      expect(await aliases.record(A1.id, { version: 1, names: [] }, [])).toBeGreaterThan(all[1]!.seq);
      expect((await aliases.learningsOf([A1.id, HOSTILE.articleId])).map((r) => [r.articleId, r.learning])).toEqual([[A1.id, { version: 1, names: [] }]]);
      expect(await aliases.learningsOf([])).toEqual([]);
    });

    it('replaces an article re-recorded, moving it after every seq a reader has seen', async () => {
      await aliases.record(A1.id, { v: 'first' }, [resolvedBlinken]);
      await aliases.record(A4.id, { v: 'a4' }, []);
      const seen = (await aliases.learnings()).at(-1)!.seq;
      await aliases.record(A1.id, { v: 'second' }, []);
      const after = await aliases.learnings({ afterSeq: seen });
      expect(after.map((r) => [r.articleId, r.learning])).toEqual([[A1.id, { v: 'second' }]]);
      expect((await aliases.learnings()).map((r) => r.articleId)).toEqual([A4.id, A1.id]);
      expect(await aliases.events([ID.blinken])).toEqual([]);
    });

    it('keeps events per entity and article, newest first, and shows them with the entity', async () => {
      await aliases.record(A1.id, {}, [resolvedBlinken]);
      await aliases.record(A4.id, {}, [
        { kind: 'ambiguous', entityId: ID.blinken, alias: 'blinken', reason: HOSTILE.cypher },
        { kind: 'ambiguous', entityId: ID.yellen, alias: 'blinken', reason: 'another' },
        resolvedBlinken,
        resolvedBlinken, // the same twice is one event
      ]);
      const events = await aliases.events([ID.blinken]);
      expect(events.map((e) => [e.articleId, e.kind, e.alias, e.reason])).toEqual([
        [A4.id, 'ambiguous', 'blinken', HOSTILE.cypher],
        [A4.id, 'resolved', 'Blinken', resolvedBlinken.reason],
        [A1.id, 'resolved', 'Blinken', resolvedBlinken.reason],
      ]);
      expect((await aliases.events([ID.blinken], { articleIds: [A1.id] })).map((e) => e.articleId)).toEqual([A1.id]);
      expect(await aliases.events([ID.blinken], { limit: 1 })).toHaveLength(1);
      expect(await aliases.events([])).toEqual([]);
      const detail = await store.getEntity(ID.blinken);
      expect(detail?.corpusAliases?.map((e) => e.kind)).toEqual(['ambiguous', 'resolved', 'resolved']);
      // No events: the entity reads as before.
      expect((await store.getEntity(ID.china))?.corpusAliases).toBeUndefined();
    });

    it('puts the reason on evidence whose side was read from a short name in that article', async () => {
      await aliases.record(A4.id, {}, [resolvedBlinken]);
      const records = await store.evidence({ subjectId: ID.yellen, predicate: 'MET_WITH', objectId: ID.blinken });
      expect(records).toHaveLength(1);
      // MET_WITH is symmetric: Blinken is whichever side the store keeps him on.
      const side = records[0]!.subjectId === ID.blinken ? 'subject' : 'object';
      expect(records[0]!.resolvedBy).toEqual({ [side]: resolvedBlinken.reason });
      const other = await store.evidence({ subjectId: ID.blinken, predicate: 'VISITED', objectId: ID.china });
      expect(other[0]!.resolvedBy).toBeUndefined();
    });

    it('refuses an unstored article and malformed records, naming them, and writes nothing', async () => {
      await expect(aliases.record(HOSTILE.articleId, {}, [])).rejects.toThrow(/is not stored/);
      await expect(aliases.record(A1.id, 'text', [])).rejects.toThrow(InputError);
      await expect(aliases.record(A1.id, {}, [{ kind: 'merged', entityId: ID.blinken, alias: 'x', reason: 'y' } as never])).rejects.toThrow(/kind/);
      await expect(aliases.record(A1.id, {}, [{ ...resolvedBlinken, reason: '' }])).rejects.toThrow(/reason/);
      await expect(aliases.learnings({ afterSeq: -1 })).rejects.toThrow(/afterSeq/);
      await expect(aliases.learnings({ limit: 0 })).rejects.toThrow(/limit/);
      expect(await aliases.learnings()).toEqual([]);
    });

    it('records an article\'s learning in the article\'s own write (writeArticle\'s alias record)', async () => {
      const a6 = buildDocument({ ...A1, id: 'art-a6', title: 'Blinken again' });
      const inserted = await store.writeArticle(a6, { learning: { v: 'a6' }, events: [resolvedBlinken, resolvedBlinken] });
      expect(inserted.status).toBe('inserted');
      expect(await aliases.learningsOf([a6.article.id])).toEqual([{ seq: inserted.aliasSeq, articleId: a6.article.id, learning: { v: 'a6' } }]);
      expect((await aliases.events([ID.blinken])).map((e) => [e.articleId, e.seq])).toEqual([[a6.article.id, inserted.aliasSeq]]);
      // Unchanged: nothing is written, the record included.
      const unchanged = await store.writeArticle(a6, { learning: { v: 'other' }, events: [] });
      expect(unchanged).toEqual({ articleId: a6.article.id, status: 'unchanged' });
      expect((await aliases.learningsOf([a6.article.id])).map((r) => r.learning)).toEqual([{ v: 'a6' }]);
      // Changed: the record is replaced and moves to the end of the recording order.
      await aliases.record(A1.id, { v: 'a1' }, []);
      const edited = buildDocument({ ...A1, id: 'art-a6', sentences: [{ text: 'Antony Blinken visited China on Friday.', claims: [[ID.blinken, 'VISITED', ID.china]] }] });
      const updated = await store.writeArticle(edited, { learning: { v: 'a6 edited' }, events: [] });
      expect(updated.status).toBe('updated');
      expect((await aliases.learnings()).map((r) => [r.articleId, r.learning, r.seq])).toEqual([
        [A1.id, { v: 'a1' }, (await aliases.learningsOf([A1.id]))[0]!.seq],
        [a6.article.id, { v: 'a6 edited' }, updated.aliasSeq],
      ]);
      expect(await aliases.events([ID.blinken])).toEqual([]);
      // Without a record: the article's record stays as it was.
      const a7 = buildDocument({ ...A1, id: 'art-a7' });
      expect(await store.writeArticle(a7)).toEqual({ articleId: a7.article.id, status: 'inserted' });
      expect(await aliases.learningsOf([a7.article.id])).toEqual([]);
    });

    it('refuses a malformed alias record before writing the article', async () => {
      const a6 = buildDocument({ ...A1, id: 'art-a6' });
      await expect(store.writeArticle(a6, { learning: 'text', events: [] })).rejects.toThrow(InputError);
      await expect(store.writeArticle(a6, { learning: {}, events: [{ ...resolvedBlinken, reason: '' }] })).rejects.toThrow(/reason/);
      expect(await store.getArticle(a6.article.id)).toBeNull();
      expect(await aliases.learnings()).toEqual([]);
    });

    it('survives rewriting the article it belongs to (curation keeps what the index learned)', async () => {
      await aliases.record(A1.id, { v: 1 }, [resolvedBlinken]);
      await store.rewriteArticles([buildDocument(A1)]);
      expect((await aliases.learnings()).map((r) => r.learning)).toEqual([{ v: 1 }]);
      expect(await aliases.events([ID.blinken])).toHaveLength(1);
    });
  });
}
