import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PREDICATES, SYMMETRIC_PREDICATES, type ArticleDocument, type Entity } from '@newsgraph/shared';
import type { EntityCount, GraphPath, GraphStore, Neighbor } from '../src/interfaces/graph-store.ts';
import { A1, A3, ENTITIES, HOSTILE, ID, MODAL_SPEC, REUTERS, baseDocuments, buildDocument, editedA3, hostileDocument, modalDocument, reportedDocument } from './store-fixtures.ts';

/**
 * The behaviour every GraphStore must show, on the hand-built graph of store-fixtures.ts.
 * `makeStore` must return an EMPTY, migrated store each time it is called; the suite closes it.
 * Expectations are written from the counting and ordering rules documented in
 * src/interfaces/graph-store.ts, never from what one implementation happens to return.
 */
export function describeGraphStoreContract(name: string, makeStore: () => Promise<GraphStore>): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;
    let docs: ArticleDocument[];

    const names = (list: EntityCount[]) => list.map((c) => [c.entity.name, c.count]);
    const hops = (path: GraphPath) => path.nodes.map((n) => n.id);
    const brief = (list: Neighbor[]) => list.map((n) => [n.entity.id, n.predicate, n.direction, n.articleCount, n.claimCount]);
    const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
      const out: T[] = [];
      for await (const item of iterable) out.push(item);
      return out;
    };

    beforeEach(async () => {
      store = await makeStore();
      docs = baseDocuments();
      const results = await store.writeArticles(docs);
      expect(results).toEqual(docs.map((d) => ({ articleId: d.article.id, status: 'inserted' })));
    });

    afterEach(async () => {
      await store.close();
    });

    describe('writes', () => {
      it('counts articles, entities, mentions, claims and aggregated edges', async () => {
        expect(await store.stats()).toEqual({
          articles: 4,
          entities: 8,
          mentions: docs.reduce((n, d) => n + d.mentions.length, 0),
          claims: 9,
          edges: 7,
        });
      });

      it('is idempotent: writing the same articles again changes nothing', async () => {
        const before = await store.stats();
        const china = await store.getEntity(ID.china);
        const neighbours = await store.neighbors(ID.china);
        expect(await store.writeArticles(baseDocuments())).toEqual(docs.map((d) => ({ articleId: d.article.id, status: 'unchanged' })));
        expect(await store.writeArticle(buildDocument(A1))).toEqual({ articleId: A1.id, status: 'unchanged' });
        expect(await store.stats()).toEqual(before);
        expect(await store.getEntity(ID.china)).toEqual(china);
        expect(await store.neighbors(ID.china)).toEqual(neighbours);
      });

      it('writes a batch in input order, later versions of an article replacing earlier ones', async () => {
        const first = buildDocument({ ...A1, id: 'art-batch', sentences: [{ text: 'Antony Blinken visited China.', claims: [[ID.blinken, 'VISITED', ID.china]] }] });
        const second = buildDocument({ ...A1, id: 'art-batch', sentences: [{ text: 'Antony Blinken met Janet Yellen.', claims: [] }], entities: [ENTITIES.blinken, ENTITIES.yellen] });
        expect(await store.writeArticles([first, first, second])).toEqual([
          { articleId: 'art-batch', status: 'inserted' },
          { articleId: 'art-batch', status: 'unchanged' },
          { articleId: 'art-batch', status: 'updated' },
        ]);
        expect(await store.getArticle('art-batch')).toMatchObject({ text: second.article.text });
        expect((await store.neighbors(ID.blinken, { predicates: ['VISITED'] }))[0]).toMatchObject({ articleCount: 1, claimCount: 1 });
        expect((await store.getEntity(ID.yellen))?.articleCount).toBe(3);
        expect((await store.getEntity(ID.china))?.articleCount).toBe(4);
      });

      it('returns the stored article verbatim', async () => {
        const a3 = docs[2]!.article;
        expect(await store.getArticle(a3.id)).toEqual({ ...a3, sourceId: a3.sourceId ?? null });
        expect(await store.getArticle('art-missing')).toBeNull();
      });

      it('replaces a changed article’s own mentions and claims and adjusts edge counts, nothing else', async () => {
        const before = await store.stats();
        const edited = editedA3();
        expect(await store.writeArticle(edited)).toEqual({ articleId: A3.id, status: 'updated' });
        expect(await store.stats()).toEqual({
          articles: 4,
          entities: 7, // the drones were named only by A3
          mentions: before.mentions - docs[2]!.mentions.length + edited.mentions.length,
          claims: 7,
          edges: 7,
        });
        expect(await store.getEntity(ID.drones)).toBeNull();
        const edges = await collect(store.exportEdges());
        expect(edges.find((e) => e.predicate === 'SUPPLIES')).toMatchObject({ subjectId: ID.iran, objectId: ID.russia, articleCount: 1, claimCount: 1 });
        expect(edges.find((e) => e.predicate === 'TRADES_WITH')).toEqual({
          subjectId: ID.china,
          predicate: 'TRADES_WITH',
          objectId: ID.russia,
          articleCount: 1,
          claimCount: 1,
          firstSeen: '2024-03-15T12:00:00.000Z',
          lastSeen: '2024-03-15T12:00:00.000Z',
        });
        expect((await store.getEntity(ID.china))?.articleCount).toBe(3);
        expect((await store.getEntity(ID.iran))?.articleCount).toBe(2);
        const trade = await store.evidence({ subjectId: ID.china, predicate: 'TRADES_WITH', objectId: ID.russia });
        expect(trade.map((r) => r.article.id)).toEqual(['art-a4']);
        const supply = await store.evidence({ subjectId: ID.iran, predicate: 'SUPPLIES', objectId: ID.russia });
        expect(supply.map((r) => r.sentence)).toEqual(['Iran supplies weapons to Russia.']);
        expect(await store.getArticle(A3.id)).toMatchObject({ text: edited.article.text, contentHash: edited.article.contentHash });
        // Untouched articles keep everything.
        expect((await store.evidence({ subjectId: ID.blinken, predicate: 'VISITED', objectId: ID.china })).length).toBe(1);
      });

      it('removes an edge whose only claim disappears and keeps first/last seen exact', async () => {
        const a1 = buildDocument({ ...A1, sentences: [{ text: 'Antony Blinken stayed home, far from China.', claims: [] }] });
        expect((await store.writeArticle(a1)).status).toBe('updated');
        expect((await store.stats()).edges).toBe(6);
        expect(brief(await store.neighbors(ID.blinken))).toEqual([[ID.yellen, 'MET_WITH', 'out', 1, 1]]);
        const blinken = await store.getEntity(ID.blinken);
        expect(blinken).toMatchObject({ articleCount: 2, firstSeen: '2024-01-10T09:00:00.000Z', lastSeen: '2024-03-15T12:00:00.000Z' });
      });

      it('upserts entities: keeps name and type, unions aliases, merges attributes', async () => {
        const doc = buildDocument({
          id: 'art-merge',
          title: 'Zhongguo',
          publishedAt: '2024-05-01T00:00:00Z',
          fetchedAt: '2024-05-01T00:00:00Z',
          entities: [{ id: ID.china, type: 'Country', name: 'Zhongguo', aliases: ['PRC', 'Middle Kingdom'], attributes: { region: 'Asia', iso: 'CN' } }],
          sentences: [{ text: 'Zhongguo, the Middle Kingdom.', claims: [] }],
        });
        await store.writeArticle(doc);
        const china = await store.getEntity(ID.china);
        expect(china).toMatchObject({
          name: 'China',
          type: 'Country',
          aliases: ['PRC', 'Zhongguo', 'Middle Kingdom'],
          attributes: { iso: 'CN', region: 'Asia' },
          articleCount: 5,
          lastSeen: '2024-05-01T00:00:00.000Z',
        });
        expect((await store.searchEntities('zhong')).map((e) => e.id)).toEqual([ID.china]);
        expect((await store.searchEntities('kingdom')).map((e) => e.id)).toEqual([ID.china]);
      });

      it('refuses an invalid document and leaves stored data intact', async () => {
        const before = await store.stats();
        const bad = buildDocument({ ...A1, id: 'art-bad', sentences: [{ text: 'Antony Blinken visited China.', claims: [[ID.blinken, 'VISITED', 'country:XX']] }] });
        await expect(store.writeArticle(bad)).rejects.toThrow(/art-bad/);
        const good = buildDocument({ ...A1, id: 'art-good' });
        await expect(store.writeArticles([good, bad])).rejects.toThrow(/art-bad/);
        expect(await store.getArticle('art-bad')).toBeNull();
        const changedBad = buildDocument({ ...A1, sentences: [{ text: 'Changed text about China.', claims: [[ID.china, 'VISITED', 'country:XX']] }] });
        await expect(store.writeArticle(changedBad)).rejects.toThrow(/art-a1/);
        expect(await store.getArticle(A1.id)).toMatchObject({ text: docs[0]!.article.text });
        const after = await store.stats();
        expect(after.claims).toBeGreaterThanOrEqual(before.claims);
        expect((await store.evidence({ subjectId: ID.blinken, predicate: 'VISITED', objectId: ID.china })).map((r) => r.article.id)).toContain('art-a1');
      });
    });

    describe('queries', () => {
      it('searchEntities: prefix of name, alias or inner word; exact first; then by articles', async () => {
        const ids = async (q: string, options?: Parameters<GraphStore['searchEntities']>[1]) => (await store.searchEntities(q, options)).map((e) => e.id);
        expect(await ids('blin')).toEqual([ID.blinken]);
        expect(await ids('YELLEN')).toEqual([ID.yellen]);
        expect(await ids('tony')).toEqual([ID.blinken]);
        expect(await ids('u.s.')).toEqual([ID.us]);
        expect(await ids('chin')).toEqual([ID.china, ID.pboc]);
        expect(await ids('chin', { types: ['Organization'] })).toEqual([ID.pboc]);
        expect(await ids('chin', { limit: 1 })).toEqual([ID.china]);
        expect(await ids('zzz')).toEqual([]);
        expect(await ids('   ')).toEqual([]);
        const hit = (await store.searchEntities('blinken'))[0];
        expect(hit).toEqual({ id: ID.blinken, type: 'Person', name: 'Antony Blinken', aliases: ['Blinken', 'Tony Blinken'], articleCount: 2 });
        // An exact match outranks a prefix match with more articles.
        const railways = { id: 'org:russian-railways', type: 'Organization' as const, name: 'Russian Railways', aliases: [], attributes: {} };
        for (const n of [1, 2, 3]) {
          await store.writeArticle(
            buildDocument({ id: `art-rail-${n}`, title: 'Rail', publishedAt: `2024-06-0${n}T00:00:00Z`, fetchedAt: `2024-06-0${n}T00:00:00Z`, entities: [railways], sentences: [{ text: `Russian Railways report ${n}.`, claims: [] }] }),
          );
        }
        expect(await ids('russia')).toEqual([ID.russia, 'org:russian-railways']);
        expect(await ids('russ')).toEqual(['org:russian-railways', ID.russia]);
      });

      it('getEntity: details with counts and first/last seen; null when unknown', async () => {
        expect(await store.getEntity(ID.china)).toEqual({
          ...ENTITIES.china,
          articleCount: 4,
          mentionCount: docs.flatMap((d) => d.mentions).filter((m) => m.entityId === ID.china).length,
          firstSeen: '2024-01-10T09:00:00.000Z',
          lastSeen: '2024-03-15T12:00:00.000Z',
        });
        expect(await store.getEntity(ID.yellen)).toMatchObject({ firstSeen: '2024-01-10T23:30:00.000Z', articleCount: 2 });
        expect(await store.getEntity(ID.russia)).toMatchObject({ firstSeen: '2024-02-21T08:00:00.000Z' });
        expect(await store.getEntity('person:nobody')).toBeNull();
      });

      it('neighbors: ordered by articles then name, with every filter', async () => {
        expect(brief(await store.neighbors(ID.china))).toEqual([
          [ID.russia, 'TRADES_WITH', 'out', 2, 2],
          [ID.blinken, 'VISITED', 'in', 1, 1],
          [ID.pboc, 'LOCATED_IN', 'in', 1, 1],
        ]);
        const full = (await store.neighbors(ID.china))[0]!;
        expect(full).toEqual({
          entity: { id: ID.russia, type: 'Country', name: 'Russia', aliases: [], articleCount: 2 },
          predicate: 'TRADES_WITH',
          direction: 'out',
          articleCount: 2,
          claimCount: 2,
          firstSeen: '2024-02-21T08:00:00.000Z',
          lastSeen: '2024-03-15T12:00:00.000Z',
        });
        expect(brief(await store.neighbors(ID.china, { direction: 'in' }))).toEqual([
          [ID.russia, 'TRADES_WITH', 'out', 2, 2], // symmetric edges pass every direction filter
          [ID.blinken, 'VISITED', 'in', 1, 1],
          [ID.pboc, 'LOCATED_IN', 'in', 1, 1],
        ]);
        expect(brief(await store.neighbors(ID.china, { direction: 'out' }))).toEqual([[ID.russia, 'TRADES_WITH', 'out', 2, 2]]);
        expect(brief(await store.neighbors(ID.russia))).toEqual([
          [ID.china, 'TRADES_WITH', 'in', 2, 2],
          [ID.iran, 'SUPPLIES', 'in', 1, 2],
        ]);
        expect(brief(await store.neighbors(ID.russia, { direction: 'out' }))).toEqual([[ID.china, 'TRADES_WITH', 'in', 2, 2]]);
        expect(brief(await store.neighbors(ID.china, { types: ['Person'] }))).toEqual([[ID.blinken, 'VISITED', 'in', 1, 1]]);
        expect(brief(await store.neighbors(ID.china, { predicates: ['LOCATED_IN', 'VISITED'] }))).toEqual([
          [ID.blinken, 'VISITED', 'in', 1, 1],
          [ID.pboc, 'LOCATED_IN', 'in', 1, 1],
        ]);
        expect(brief(await store.neighbors(ID.china, { limit: 1 }))).toEqual([[ID.russia, 'TRADES_WITH', 'out', 2, 2]]);
        const recent = await store.neighbors(ID.china, { since: '2024-03-01' });
        expect(brief(recent)).toEqual([[ID.russia, 'TRADES_WITH', 'out', 1, 1]]);
        expect(recent[0]).toMatchObject({ firstSeen: '2024-03-15T12:00:00.000Z', lastSeen: '2024-03-15T12:00:00.000Z' });
        expect(brief(await store.neighbors(ID.china, { until: '2024-01-10' }))).toEqual([
          [ID.blinken, 'VISITED', 'in', 1, 1],
          [ID.pboc, 'LOCATED_IN', 'in', 1, 1],
        ]);
        expect(brief(await store.neighbors(ID.china, { since: '2024-02-01', until: '2024-02-28' }))).toEqual([[ID.russia, 'TRADES_WITH', 'out', 1, 1]]);
        expect(await store.neighbors('country:XX')).toEqual([]);
        await expect(store.neighbors(ID.china, { limit: 0 })).rejects.toThrow(/limit/);
        await expect(store.neighbors(ID.china, { since: 'yesterday' })).rejects.toThrow(/since/);
      });

      it('shortestPaths: all shortest paths within maxHops, strongest first, with filters', async () => {
        const blinkenToIran = await store.shortestPaths(ID.blinken, ID.iran);
        expect(blinkenToIran.map(hops)).toEqual([[ID.blinken, ID.china, ID.russia, ID.iran]]);
        expect(blinkenToIran[0]!.edges).toEqual([
          { subjectId: ID.blinken, predicate: 'VISITED', objectId: ID.china, articleCount: 1 },
          { subjectId: ID.china, predicate: 'TRADES_WITH', objectId: ID.russia, articleCount: 2 },
          { subjectId: ID.iran, predicate: 'SUPPLIES', objectId: ID.russia, articleCount: 1 },
        ]);
        expect(blinkenToIran[0]!.nodes[0]).toEqual({ id: ID.blinken, type: 'Person', name: 'Antony Blinken', aliases: ['Blinken', 'Tony Blinken'], articleCount: 2 });
        const yellenToChina = await store.shortestPaths(ID.yellen, ID.china);
        expect(yellenToChina.map(hops)).toEqual([
          [ID.yellen, ID.pboc, ID.china],
          [ID.yellen, ID.blinken, ID.china],
        ]);
        expect((await store.shortestPaths(ID.yellen, ID.china, { limit: 1 })).map(hops)).toEqual([[ID.yellen, ID.pboc, ID.china]]);
        expect((await store.shortestPaths(ID.yellen, ID.china, { predicates: ['MET_WITH', 'VISITED'] })).map(hops)).toEqual([[ID.yellen, ID.blinken, ID.china]]);
        expect(await store.shortestPaths(ID.yellen, ID.china, { maxHops: 1 })).toEqual([]);
        expect(await store.shortestPaths(ID.blinken, ID.iran, { maxHops: 2 })).toEqual([]);
        expect((await store.shortestPaths(ID.us, ID.blinken)).map(hops)).toEqual([[ID.us, ID.iran, ID.russia, ID.china, ID.blinken]]);
        expect(await store.shortestPaths(ID.china, ID.drones)).toEqual([]);
        expect(await store.shortestPaths(ID.china, 'country:XX')).toEqual([]);
        expect((await store.shortestPaths(ID.china, ID.china)).map(hops)).toEqual([[ID.china]]);
        await expect(store.shortestPaths(ID.china, ID.iran, { maxHops: 7 })).rejects.toThrow(/maxHops/);
      });

      it('evidence: sentences and articles, symmetric either way round, all predicates when omitted', async () => {
        const supply = await store.evidence({ subjectId: ID.iran, predicate: 'SUPPLIES', objectId: ID.russia });
        expect(supply).toEqual([
          {
            subjectId: ID.iran,
            predicate: 'SUPPLIES',
            objectId: ID.russia,
            sentence: 'Iran supplies drones to Russia.',
            start: 0,
            end: 31,
            rule: 'supply.verb',
            confidence: 0.9,
            modality: 'asserted',
            antecedent: null,
            article: { id: 'art-a3', url: 'https://news.example/art-a3', title: 'Iran supplies drones to Russia', outlet: null, publishedAt: null, outletEntity: null },
          },
          expect.objectContaining({ sentence: 'Iran keeps sending them to Russia, officials said.', start: 32, rule: 'supply.keeps' }),
        ]);
        expect(await store.evidence({ subjectId: ID.russia, predicate: 'SUPPLIES', objectId: ID.iran })).toEqual([]);
        const trade = await store.evidence({ subjectId: ID.russia, predicate: 'TRADES_WITH', objectId: ID.china });
        expect(trade.map((r) => [r.article.id, r.subjectId, r.objectId])).toEqual([
          ['art-a4', ID.china, ID.russia],
          ['art-a3', ID.china, ID.russia],
        ]);
        const all = await store.evidence({ subjectId: ID.russia, objectId: ID.iran });
        expect(all.map((r) => [r.predicate, r.start])).toEqual([
          ['SUPPLIES', 0],
          ['SUPPLIES', 32],
        ]);
        expect((await store.evidence({ subjectId: ID.russia, objectId: ID.china, limit: 1 })).map((r) => r.article.id)).toEqual(['art-a4']);
        expect(await store.evidence({ subjectId: ID.iran, predicate: 'SANCTIONS', objectId: ID.russia })).toEqual([]);
      });

      it('topEntities: by distinct articles, with type and since filters', async () => {
        expect(names(await store.topEntities())).toEqual([
          ['China', 4],
          ['Antony Blinken', 2],
          ['Iran', 2],
          ['Janet Yellen', 2],
          ['Russia', 2],
          ["People's Bank of China", 1],
          ['United States', 1],
          ['drones', 1],
        ]);
        expect(names(await store.topEntities({ types: ['Country'], limit: 3 }))).toEqual([
          ['China', 4],
          ['Iran', 2],
          ['Russia', 2],
        ]);
        expect(names(await store.topEntities({ since: '2024-02-01' }))).toEqual([
          ['China', 2],
          ['Iran', 2],
          ['Russia', 2],
          ['Antony Blinken', 1],
          ['Janet Yellen', 1],
          ['United States', 1],
          ['drones', 1],
        ]);
      });

      it('coMentioned: entities sharing articles, by shared-article count', async () => {
        expect(names(await store.coMentioned(ID.china))).toEqual([
          ['Antony Blinken', 2],
          ['Iran', 2],
          ['Janet Yellen', 2],
          ['Russia', 2],
          ["People's Bank of China", 1],
          ['United States', 1],
          ['drones', 1],
        ]);
        expect(names(await store.coMentioned(ID.drones, { limit: 2 }))).toEqual([
          ['China', 1],
          ['Iran', 1],
        ]);
        expect(await store.coMentioned('country:XX')).toEqual([]);
      });

      it('timeline: articles per UTC day', async () => {
        expect(await store.timeline(ID.china)).toEqual([
          { date: '2024-01-10', articleCount: 2 },
          { date: '2024-02-21', articleCount: 1 },
          { date: '2024-03-15', articleCount: 1 },
        ]);
        expect(await store.timeline('country:XX')).toEqual([]);
      });

      it('publications: idempotent per URL, ordered by date', async () => {
        const later = { url: 'https://mirror.example/b', title: 'Copy B', outlet: 'Mirror B', publishedAt: '2024-02-23T00:00:00Z', fetchedAt: '2024-02-23T01:00:00Z' };
        const earlier = { url: 'https://mirror.example/a', title: 'Copy A', outlet: null, publishedAt: null, fetchedAt: '2024-02-22T00:00:00Z' };
        await store.addPublication(A3.id, later);
        await store.addPublication(A3.id, earlier);
        await store.addPublication(A3.id, later);
        expect(await store.listPublications(A3.id)).toEqual([earlier, later]);
        expect(await store.listPublications(A1.id)).toEqual([]);
        await expect(store.addPublication('art-missing', earlier)).rejects.toThrow(/art-missing/);
        expect((await store.stats()).claims).toBe(9);
      });

      it('exports stream entities and edges with since and type filters', async () => {
        const entities = await collect(store.exportEntities());
        expect(entities.map((e) => e.id)).toEqual([ID.china, ID.iran, ID.russia, ID.us, ID.drones, ID.pboc, ID.blinken, ID.yellen]);
        expect(entities[0]).toEqual({ ...ENTITIES.china, articleCount: 4, mentionCount: docs.flatMap((d) => d.mentions).filter((m) => m.entityId === ID.china).length });
        expect((await collect(store.exportEntities({ types: ['Country'] }))).map((e) => e.id)).toEqual([ID.china, ID.iran, ID.russia, ID.us]);
        const recent = await collect(store.exportEntities({ since: '2024-03-01' }));
        expect(recent.map((e) => [e.id, e.articleCount])).toEqual([
          [ID.china, 1],
          [ID.iran, 1],
          [ID.russia, 1],
          [ID.us, 1],
          [ID.blinken, 1],
          [ID.yellen, 1],
        ]);
        const edges = await collect(store.exportEdges());
        expect(edges.map((e) => [e.subjectId, e.predicate, e.objectId, e.articleCount, e.claimCount])).toEqual([
          [ID.china, 'TRADES_WITH', ID.russia, 2, 2],
          [ID.iran, 'SUPPLIES', ID.russia, 1, 2],
          [ID.us, 'SANCTIONS', ID.iran, 1, 1],
          [ID.pboc, 'LOCATED_IN', ID.china, 1, 1],
          [ID.pboc, 'MET_WITH', ID.yellen, 1, 1],
          [ID.blinken, 'MET_WITH', ID.yellen, 1, 1],
          [ID.blinken, 'VISITED', ID.china, 1, 1],
        ]);
        expect((await collect(store.exportEdges({ types: ['Country'] }))).map((e) => e.predicate)).toEqual(['TRADES_WITH', 'SUPPLIES', 'SANCTIONS']);
        const recentEdges = await collect(store.exportEdges({ since: '2024-03-01' }));
        expect(recentEdges).toEqual([
          { subjectId: ID.china, predicate: 'TRADES_WITH', objectId: ID.russia, articleCount: 1, claimCount: 1, firstSeen: '2024-03-15T12:00:00.000Z', lastSeen: '2024-03-15T12:00:00.000Z' },
          expect.objectContaining({ subjectId: ID.us, predicate: 'SANCTIONS', objectId: ID.iran }),
          expect.objectContaining({ subjectId: ID.blinken, predicate: 'MET_WITH', objectId: ID.yellen }),
        ]);
        expect(await collect(store.exportEdges({ since: '2030-01-01' }))).toEqual([]);
      });
    });

    describe('hostile strings', () => {
      it('stores and returns quotes, backslashes, braces, % and _, SQL and Cypher verbatim through every path', async () => {
        const doc = hostileDocument();
        expect(await store.writeArticle(doc)).toEqual({ articleId: HOSTILE.articleId, status: 'inserted' });
        expect(await store.getArticle(HOSTILE.articleId)).toEqual({ ...doc.article, sourceId: null });
        const entity = doc.entities[0]!;
        expect(await store.getEntity(HOSTILE.id)).toMatchObject({ id: entity.id, name: entity.name, aliases: entity.aliases, attributes: entity.attributes });
        expect((await store.searchEntities("o'brien \"quote\" \\")).map((e) => e.id)).toEqual([HOSTILE.id]);
        expect((await store.searchEntities('%')).map((e) => e.id)).toEqual([HOSTILE.id]);
        expect(await store.searchEntities('_')).toEqual([]);
        expect((await store.searchEntities('match (n)')).map((e) => e.id)).toEqual([HOSTILE.id]);
        expect(await store.searchEntities(HOSTILE.sql)).toEqual([]);
        expect(brief(await store.neighbors(HOSTILE.id))).toEqual([[ID.russia, 'SUPPLIES', 'out', 1, 1]]);
        expect((await store.shortestPaths(HOSTILE.id, ID.iran)).map(hops)).toEqual([[HOSTILE.id, ID.russia, ID.iran]]);
        const evidence = await store.evidence({ subjectId: HOSTILE.id, predicate: 'SUPPLIES', objectId: ID.russia });
        expect(evidence).toEqual([
          expect.objectContaining({ sentence: doc.claims[0]!.evidence.sentence, rule: HOSTILE.rule, article: expect.objectContaining({ id: HOSTILE.articleId, title: doc.article.title, outlet: doc.article.outlet }) }),
        ]);
        expect(names(await store.coMentioned(HOSTILE.id))).toEqual([['Russia', 1]]);
        expect(await store.timeline(HOSTILE.id)).toEqual([{ date: '2024-04-01', articleCount: 1 }]);
        const publication = { url: `https://x.example/${HOSTILE.sql}`, title: HOSTILE.cypher, outlet: HOSTILE.name, publishedAt: null, fetchedAt: '2024-04-02T00:00:00Z' };
        await store.addPublication(HOSTILE.articleId, publication);
        expect(await store.listPublications(HOSTILE.articleId)).toEqual([publication]);
        const exported = (await collect(store.exportEntities())).find((e) => e.id === HOSTILE.id);
        expect(exported).toMatchObject({ name: entity.name, aliases: entity.aliases, attributes: entity.attributes });
        expect((await collect(store.exportEdges())).some((e) => e.subjectId === HOSTILE.id)).toBe(true);
        // Hostile strings as plain query parameters find nothing and break nothing.
        for (const text of [HOSTILE.sql, HOSTILE.cypher, '%', '_', '}', '\\', `${HOSTILE.id}'`]) {
          expect(await store.getEntity(text)).toBeNull();
          expect(await store.neighbors(text)).toEqual([]);
          expect(await store.evidence({ subjectId: text, objectId: text })).toEqual([]);
          expect(await store.timeline(text)).toEqual([]);
          expect(await store.coMentioned(text)).toEqual([]);
          expect(await store.shortestPaths(text, ID.china)).toEqual([]);
          expect(await store.listPublications(text)).toEqual([]);
        }
        expect(await store.stats()).toMatchObject({ articles: 5, entities: 9, claims: 10, edges: 8 });
        // Rewriting it unchanged is still a no-op, and the graph is intact.
        expect((await store.writeArticle(hostileDocument())).status).toBe('unchanged');
        expect(brief(await store.neighbors(ID.china))[0]).toEqual([ID.russia, 'TRADES_WITH', 'out', 2, 2]);
      });
    });

    describe('modality and antecedents', () => {
      it('keeps negated and hypothetical claims as evidence only; asserted and planned claims are edges', async () => {
        const doc = modalDocument();
        expect((await store.writeArticle(doc)).status).toBe('inserted');
        // Three claims stored; only the planned one (Blinken VISITED Russia) is a new edge.
        expect(await store.stats()).toMatchObject({ articles: 5, claims: 12, edges: 8 });
        expect(brief(await store.neighbors(ID.blinken, { predicates: ['VISITED'] }))).toEqual([
          [ID.china, 'VISITED', 'out', 1, 1],
          [ID.russia, 'VISITED', 'out', 1, 1],
        ]);
        expect(brief(await store.neighbors(ID.us))).toEqual([[ID.iran, 'SANCTIONS', 'out', 1, 1]]);
        expect(brief(await store.neighbors(ID.china, { since: '2024-04-01' }))).toEqual([]);
        expect((await store.shortestPaths(ID.us, ID.china, { maxHops: 1 }))).toEqual([]);
        expect((await collect(store.exportEdges())).filter((e) => e.subjectId === ID.us).map((e) => e.objectId)).toEqual([ID.iran]);
        expect((await collect(store.exportEdges({ since: '2024-04-01' }))).map((e) => [e.subjectId, e.predicate, e.objectId])).toEqual([[ID.blinken, 'VISITED', ID.russia]]);
        const negated = await store.evidence({ subjectId: ID.us, predicate: 'SANCTIONS', objectId: ID.china });
        expect(negated.map((r) => [r.modality, r.sentence, r.antecedent])).toEqual([['negated', 'The United States denied it sanctions China.', null]]);
        const hypothetical = await store.evidence({ subjectId: ID.russia, objectId: ID.china, modalities: ['hypothetical'] });
        expect(hypothetical).toEqual([
          expect.objectContaining({
            predicate: 'SUPPLIES',
            modality: 'hypothetical',
            antecedent: { sentence: 'Russia is under pressure.', start: 0, end: 25 },
            sentence: 'It is considering supplying China.',
          }),
        ]);
        expect(await store.evidence({ subjectId: ID.us, objectId: ID.china, modalities: ['asserted', 'planned'] })).toEqual([]);
        const planned = await store.evidence({ subjectId: ID.blinken, predicate: 'VISITED', objectId: ID.russia });
        expect(planned.map((r) => r.modality)).toEqual(['planned']);
        // Replacing the article removes its evidence-only claims and its edges alike.
        const replaced = buildDocument({ ...MODAL_SPEC, sentences: [{ text: 'Nothing happened.', claims: [] }] });
        expect((await store.writeArticle(replaced)).status).toBe('updated');
        expect(await store.evidence({ subjectId: ID.us, objectId: ID.china })).toEqual([]);
        expect(await store.stats()).toMatchObject({ claims: 9, edges: 7 });
      });

      it('refuses an unknown modality and an antecedent outside the text, naming the claim', async () => {
        const bad = modalDocument();
        bad.claims[0]!.evidence.modality = 'rumoured' as never;
        await expect(store.writeArticle(bad)).rejects.toThrow(/claims\[0\]\.evidence\.modality "rumoured"/);
        const far = modalDocument();
        far.claims[1]!.evidence.antecedent = { sentence: 'x', start: 0, end: 10_000 };
        await expect(store.writeArticles([far])).rejects.toThrow(/docs\[0\].*claims\[1\]\.evidence\.antecedent span 0\.\.10000/);
        expect((await store.stats()).articles).toBe(4);
      });
    });

    describe('every predicate', () => {
      // REPORTED_BY is derived from the articles (its own describe); every other predicate is a stored edge.
      const CLAIMED = PREDICATES.filter((p) => p !== 'REPORTED_BY');
      const QUELL: Entity = { id: 'person:marta-quell', type: 'Person', name: 'Marta Quell', aliases: [], attributes: {} };
      const FRANCE: Entity = { id: 'country:FR', type: 'Country', name: 'France', aliases: [], attributes: { iso: 'FR' } };
      const everyPredicate = () =>
        buildDocument({
          id: 'art-every',
          title: 'Marta Quell',
          publishedAt: '2024-06-01T10:00:00Z',
          fetchedAt: '2024-06-01T11:00:00Z',
          entities: [QUELL, FRANCE],
          sentences: [{ text: 'Marta Quell, a French citizen, and France.', claims: CLAIMED.map((p) => [QUELL.id, p, FRANCE.id] as [string, typeof p, string]) }],
        });

      it('stores and exports an edge of each predicate, directional ones one way only', async () => {
        await store.writeArticle(everyPredicate());
        // Symmetric edges are stored with the smaller id as subject: France, seen from Quell as "in".
        const expected = CLAIMED.map((p) => [FRANCE.id, p, SYMMETRIC_PREDICATES.has(p) ? 'in' : 'out', 1, 1]);
        const sort = (rows: unknown[][]) => [...rows].sort((a, b) => String(a[1]).localeCompare(String(b[1])));
        expect(sort(brief(await store.neighbors(QUELL.id)))).toEqual(sort(expected));
        const exported = (await collect(store.exportEdges({ since: '2024-06-01' }))).filter((e) => [e.subjectId, e.objectId].includes(QUELL.id));
        expect(exported.map((e) => e.predicate).sort()).toEqual([...CLAIMED].sort());
      });

      it('filters, traces and paths NATIONAL_OF from the person to the country', async () => {
        await store.writeArticle(everyPredicate());
        expect(brief(await store.neighbors(FRANCE.id, { predicates: ['NATIONAL_OF'] }))).toEqual([[QUELL.id, 'NATIONAL_OF', 'in', 1, 1]]);
        const rows = await store.evidence({ subjectId: QUELL.id, predicate: 'NATIONAL_OF', objectId: FRANCE.id });
        expect(rows.map((r) => [r.predicate, r.sentence, r.article.id])).toEqual([['NATIONAL_OF', 'Marta Quell, a French citizen, and France.', 'art-every']]);
        expect(await store.evidence({ subjectId: FRANCE.id, predicate: 'NATIONAL_OF', objectId: QUELL.id })).toEqual([]);
        const paths = await store.shortestPaths(QUELL.id, FRANCE.id, { predicates: ['NATIONAL_OF'] });
        expect(paths.map((path) => path.edges)).toEqual([[{ subjectId: QUELL.id, predicate: 'NATIONAL_OF', objectId: FRANCE.id, articleCount: 1 }]]);
        const excluded = await store.shortestPaths(QUELL.id, FRANCE.id, { predicates: ['NATIONAL_OF', 'VISITED'], excludePredicates: ['NATIONAL_OF'] });
        expect(excluded.map((path) => path.edges.map((e) => e.predicate))).toEqual([['VISITED']]);
      });
    });

    describe('REPORTED_BY', () => {
      it('stores who reported an article: evidence rows carry the outlet entity', async () => {
        await store.writeArticle(reportedDocument());
        const rows = await store.evidence({ subjectId: ID.iran, predicate: 'SUPPLIES', objectId: ID.russia });
        expect(rows.map((r) => [r.article.id, r.article.outletEntity])).toEqual([
          ['art-a6', { id: REUTERS.id, name: 'Reuters' }],
          ['art-a3', null],
          ['art-a3', null],
        ]);
      });

      it('answers the REPORTED_BY filter from the articles: outlets of an entity, entities of an outlet', async () => {
        await store.writeArticle(reportedDocument());
        expect(brief(await store.neighbors(ID.iran, { predicates: ['REPORTED_BY'] }))).toEqual([[REUTERS.id, 'REPORTED_BY', 'out', 1, 1]]);
        expect(brief(await store.neighbors(REUTERS.id, { predicates: ['REPORTED_BY'] }))).toEqual([
          [ID.iran, 'REPORTED_BY', 'in', 1, 1],
          [ID.russia, 'REPORTED_BY', 'in', 1, 1],
        ]);
        expect(await store.neighbors(REUTERS.id, { predicates: ['REPORTED_BY'], direction: 'out' })).toEqual([]);
        expect(brief(await store.neighbors(ID.iran, { predicates: ['REPORTED_BY', 'SUPPLIES'] }))).toEqual([
          [ID.russia, 'SUPPLIES', 'out', 2, 3],
          [REUTERS.id, 'REPORTED_BY', 'out', 1, 1],
        ]);
        expect(await store.neighbors(ID.iran, { predicates: ['REPORTED_BY'], since: '2024-06-01' })).toEqual([]);
        // Without asking for it, REPORTED_BY is no neighbour.
        expect((await store.neighbors(ID.iran)).some((n) => n.predicate === 'REPORTED_BY')).toBe(false);
        expect(await store.neighborCounts(REUTERS.id, { predicates: ['REPORTED_BY'] })).toEqual({ total: 2, groups: [{ type: 'Country', predicate: 'REPORTED_BY', count: 2 }] });
        const first = (await store.neighbors(ID.iran, { predicates: ['REPORTED_BY'] }))[0]!;
        expect(first).toMatchObject({ firstSeen: '2024-05-01T10:00:00.000Z', lastSeen: '2024-05-01T10:00:00.000Z', entity: { id: REUTERS.id, name: 'Reuters', type: 'Organization' } });
        // Rewriting the article without the outlet removes the link.
        const without = reportedDocument();
        without.reportedBy = [];
        without.article.contentHash = 'changed';
        expect((await store.writeArticle(without)).status).toBe('updated');
        expect(await store.neighbors(ID.iran, { predicates: ['REPORTED_BY'] })).toEqual([]);
      });

      it('is no path step: an article reported by two entities hides no typed path between them', async () => {
        // Without a predicate filter a path search must not walk Entity-[REPORTED_BY]-Article-[REPORTED_BY]-Entity:
        // that two-step route through the article would be shorter than the typed path and hide it.
        const doc = buildDocument({
          id: 'art-a8',
          title: 'A joint report',
          publishedAt: '2024-05-02T10:00:00Z',
          fetchedAt: '2024-05-02T11:00:00Z',
          entities: [ENTITIES.us, ENTITIES.blinken],
          sentences: [{ text: 'The United States and Antony Blinken published a report.', claims: [] }],
        });
        doc.reportedBy = [ID.us, ID.blinken];
        await store.writeArticle(doc);
        expect((await store.shortestPaths(ID.us, ID.blinken)).map((p) => p.nodes.map((n) => n.id))).toEqual([[ID.us, ID.iran, ID.russia, ID.china, ID.blinken]]);
        expect(await store.shortestPaths(ID.us, ID.blinken, { predicates: ['REPORTED_BY'] })).toEqual([]);
      });

      it('refuses a REPORTED_BY entity the document does not list', async () => {
        const bad = reportedDocument();
        bad.reportedBy = ['org:nobody'];
        await expect(store.writeArticle(bad)).rejects.toThrow(/reportedBy\[0\] names entity "org:nobody"/);
      });
    });

    describe('paging and path filters', () => {
      it('pages neighbours with limit and offset and counts them by type and predicate', async () => {
        const all = brief(await store.neighbors(ID.china));
        expect(all).toEqual([
          [ID.russia, 'TRADES_WITH', 'out', 2, 2],
          [ID.blinken, 'VISITED', 'in', 1, 1],
          [ID.pboc, 'LOCATED_IN', 'in', 1, 1],
        ]);
        expect(brief(await store.neighbors(ID.china, { limit: 1, offset: 1 }))).toEqual([all[1]]);
        expect(brief(await store.neighbors(ID.china, { offset: 2 }))).toEqual([all[2]]);
        expect(await store.neighbors(ID.china, { offset: 3 })).toEqual([]);
        expect(await store.neighborCounts(ID.china)).toEqual({
          total: 3,
          groups: [
            { type: 'Country', predicate: 'TRADES_WITH', count: 1 },
            { type: 'Organization', predicate: 'LOCATED_IN', count: 1 },
            { type: 'Person', predicate: 'VISITED', count: 1 },
          ],
        });
        expect(await store.neighborCounts(ID.china, { types: ['Person', 'Organization'], direction: 'in' })).toMatchObject({ total: 2 });
        expect(await store.neighborCounts(ID.china, { since: '2024-03-01' })).toEqual({ total: 1, groups: [{ type: 'Country', predicate: 'TRADES_WITH', count: 1 }] });
        expect(await store.neighborCounts('country:XX')).toEqual({ total: 0, groups: [] });
        await expect(store.neighbors(ID.china, { offset: -1 })).rejects.toThrow(/offset: must be a whole number from 0 to 100000/);
        await expect(store.neighbors(ID.china, { offset: 1.5 })).rejects.toThrow(/offset/);
      });

      it('reads a hub’s strongest neighbours exactly, with ties and filters, as counts cross strength tiers', async () => {
        // Iran supplies seven companies in 3 to 17 articles each: strong edges (Neo4j keeps
        // those in strength tiers, cypher/strength-tiers.ts) beside the fixtures' weak ones.
        const supplier = (i: number) => ({ id: `org:s${i}`, type: 'Organization' as const, name: `Supplier ${i}`, aliases: [], attributes: {} });
        const article = (i: number, n: number, text = `Iran supplies Supplier ${i}.`) =>
          buildDocument({
            id: `art-s${i}-${n}`,
            title: `s${i} ${n}`,
            publishedAt: `2024-05-${String(1 + (n % 28)).padStart(2, '0')}T08:00:00.000Z`,
            fetchedAt: '2024-06-01T00:00:00.000Z',
            entities: [ENTITIES.iran, supplier(i)],
            sentences: [{ text, claims: text.startsWith('Iran supplies') ? [[ID.iran, 'SUPPLIES', `org:s${i}`]] : [] }],
          });
        const counts: Record<number, number> = { 0: 17, 1: 3, 2: 4, 3: 5, 4: 6, 5: 7, 6: 8 };
        await store.writeArticles(Object.entries(counts).flatMap(([i, n]) => Array.from({ length: n }, (_, k) => article(Number(i), k))));
        const prefixesMatch = async (query: Parameters<GraphStore['neighbors']>[1] = {}) => {
          const all = await store.neighbors(ID.iran, { ...query, limit: 1000 });
          for (const limit of [1, 2, 3, 5, 8]) expect(await store.neighbors(ID.iran, { ...query, limit })).toEqual(all.slice(0, limit));
          return brief(all);
        };
        expect((await prefixesMatch()).slice(0, 3)).toEqual([
          ['org:s0', 'SUPPLIES', 'out', 17, 17],
          ['org:s6', 'SUPPLIES', 'out', 8, 8],
          ['org:s5', 'SUPPLIES', 'out', 7, 7],
        ]);
        // Filters that leave fewer strong edges than the limit: the answer still comes whole.
        expect(await prefixesMatch({ types: ['Country'] })).toEqual([
          [ID.russia, 'SUPPLIES', 'out', 1, 2],
          [ID.us, 'SANCTIONS', 'in', 1, 1],
        ]);
        expect(await prefixesMatch({ direction: 'in' })).toEqual([[ID.us, 'SANCTIONS', 'in', 1, 1]]);
        expect((await prefixesMatch({ predicates: ['SUPPLIES'], types: ['Organization'] })).map((r) => r[0])).toEqual(['org:s0', 'org:s6', 'org:s5', 'org:s4', 'org:s3', 'org:s2', 'org:s1']);
        // Counts move: s0 loses 14 articles (17 → 3), s6 gains 9 (8 → 17), s5 one more (7 → 8), s1 one (3 → 4).
        await store.writeArticles([
          ...Array.from({ length: 14 }, (_, k) => article(0, k, `Supplier 0 was mentioned in passing (${k}).`)),
          ...Array.from({ length: 9 }, (_, k) => article(6, 8 + k)),
          article(5, 7),
          article(1, 3),
        ]);
        expect((await prefixesMatch()).slice(0, 4)).toEqual([
          ['org:s6', 'SUPPLIES', 'out', 17, 17],
          ['org:s5', 'SUPPLIES', 'out', 8, 8],
          ['org:s4', 'SUPPLIES', 'out', 6, 6],
          ['org:s3', 'SUPPLIES', 'out', 5, 5],
        ]);
        const s0 = (await store.neighbors(ID.iran, { limit: 1000 })).find((n) => n.entity.id === 'org:s0');
        expect(s0).toMatchObject({ articleCount: 3, claimCount: 3 });
        expect((await store.neighbors(ID.iran, { limit: 1 }))[0]).toMatchObject({ firstSeen: '2024-05-01T08:00:00.000Z', lastSeen: '2024-05-17T08:00:00.000Z' });
        // s4 loses its first article (5 left, still strong): its first date comes again from the remaining claims, on every read.
        await store.writeArticles([article(4, 0, 'Supplier 4 was mentioned in passing.')]);
        expect((await prefixesMatch()).find((r) => r[0] === 'org:s4')).toEqual(['org:s4', 'SUPPLIES', 'out', 5, 5]);
        expect((await store.neighbors(ID.iran, { limit: 4 })).find((n) => n.entity.id === 'org:s4')).toMatchObject({ firstSeen: '2024-05-02T08:00:00.000Z' });
        // Time windows: counts of the claims in the window, the same for every limit (Neo4j reads
        // the tiers for candidates and falls back to all claims when they cannot prove the answer).
        expect((await prefixesMatch({ since: '2024-05-05' })).slice(0, 3)).toEqual([
          ['org:s6', 'SUPPLIES', 'out', 13, 13],
          ['org:s5', 'SUPPLIES', 'out', 4, 4],
          ['org:s0', 'SUPPLIES', 'out', 3, 3],
        ]);
        expect((await prefixesMatch({ until: '2024-05-03T23:59:59.000Z' })).slice(0, 3)).toEqual([
          ['org:s1', 'SUPPLIES', 'out', 3, 3],
          ['org:s2', 'SUPPLIES', 'out', 3, 3],
          ['org:s3', 'SUPPLIES', 'out', 3, 3],
        ]);
        expect((await prefixesMatch({ since: '2024-05-02', until: '2024-05-09T23:59:59.000Z', predicates: ['SUPPLIES'] })).slice(0, 2)).toEqual([
          ['org:s6', 'SUPPLIES', 'out', 8, 8],
          ['org:s5', 'SUPPLIES', 'out', 7, 7],
        ]);
        expect((await store.neighbors(ID.iran, { since: '2024-05-05', limit: 1 }))[0]).toMatchObject({ firstSeen: '2024-05-05T08:00:00.000Z', lastSeen: '2024-05-17T08:00:00.000Z' });
      });

      it('counts a window of whole and partial months exactly, after articles move between months or lose their claims', async () => {
        // Iran supplies three companies over four months (one article each month-day 10, one claim
        // each): strong edges, whose windowed counts Neo4j takes from per-month lists on the tier
        // mirrors for whole months (cypher/mirror-months.ts) and from the claims for partial ones.
        const company = (i: number) => ({ id: `org:m${i}`, type: 'Organization' as const, name: `Monthly ${i}`, aliases: [], attributes: {} });
        const article = (i: number, month: number, k: number, text = `Iran supplies Monthly ${i} (${month}.${k}).`, publishedAt = `2024-0${month}-10T08:00:00.000Z`) =>
          buildDocument({
            id: `art-m${i}-${month}-${k}`,
            title: `m${i} ${month} ${k}`,
            publishedAt,
            fetchedAt: '2024-06-01T00:00:00.000Z',
            entities: [ENTITIES.iran, company(i)],
            sentences: [{ text, claims: text.startsWith('Iran supplies') ? [[ID.iran, 'SUPPLIES', `org:m${i}`]] : [] }],
          });
        // Articles per month (January to April) of each company.
        const plan: Record<number, number[]> = { 0: [2, 3, 4, 1], 1: [0, 5, 0, 5], 2: [4, 1, 1, 0] };
        await store.writeArticles(Object.entries(plan).flatMap(([i, perMonth]) => perMonth.flatMap((n, m) => Array.from({ length: n }, (_, k) => article(Number(i), m + 1, k)))));
        // The strongest one or two (Neo4j: from the tiers' month lists when they prove the answer)
        // are the prefix of the whole list (Neo4j: counted from every claim in the window).
        const counts = async (query: Parameters<GraphStore['neighbors']>[1]) => {
          const all = await store.neighbors(ID.iran, { ...query, limit: 1000 });
          for (const limit of [1, 2]) expect(await store.neighbors(ID.iran, { ...query, limit })).toEqual(all.slice(0, limit));
          return Object.fromEntries(all.filter((n) => n.entity.id.startsWith('org:m')).map((n) => [n.entity.id, [n.articleCount, n.claimCount]]));
        };
        expect(await counts({ since: '2024-02-01' })).toEqual({ 'org:m0': [8, 8], 'org:m1': [10, 10], 'org:m2': [2, 2] });
        expect(await counts({ since: '2024-02-01', until: '2024-03-31' })).toEqual({ 'org:m0': [7, 7], 'org:m1': [5, 5], 'org:m2': [2, 2] });
        expect(await counts({ until: '2024-01-31' })).toEqual({ 'org:m0': [2, 2], 'org:m2': [4, 4] });
        // Partial months at both ends: the 10th of February and of April are outside.
        expect(await counts({ since: '2024-02-15', until: '2024-04-05' })).toEqual({ 'org:m0': [4, 4], 'org:m2': [1, 1] });
        expect(await counts({ since: '2024-03-10T08:00:00.000Z', until: '2024-03-10T08:00:00.000Z' })).toEqual({ 'org:m0': [4, 4], 'org:m2': [1, 1] });
        // One of Monthly 1's April articles moves to 20 February; one of Monthly 0's March articles loses its claim.
        await store.writeArticles([article(1, 4, 0, 'Iran supplies Monthly 1 (moved).', '2024-02-20T08:00:00.000Z'), article(0, 3, 0, 'Monthly 0 was mentioned in passing.')]);
        const [m1] = (await store.neighbors(ID.iran, { since: '2024-02-01', until: '2024-02-29', limit: 1000 })).filter((n) => n.entity.id === 'org:m1');
        expect(m1).toMatchObject({ articleCount: 6, claimCount: 6, firstSeen: '2024-02-10T08:00:00.000Z', lastSeen: '2024-02-20T08:00:00.000Z' });
        expect(await counts({ since: '2024-02-01', until: '2024-03-31' })).toEqual({ 'org:m0': [6, 6], 'org:m1': [6, 6], 'org:m2': [2, 2] });
        expect(await counts({ since: '2024-04-01' })).toEqual({ 'org:m0': [1, 1], 'org:m1': [4, 4] });
        expect(await counts({ since: '2024-02-11', until: '2024-02-29' })).toEqual({ 'org:m1': [1, 1] });
        const [m0] = (await store.neighbors(ID.iran, { since: '2024-02-01', limit: 1000 })).filter((n) => n.entity.id === 'org:m0');
        expect(m0).toMatchObject({ articleCount: 7, claimCount: 7, firstSeen: '2024-02-10T08:00:00.000Z', lastSeen: '2024-04-10T08:00:00.000Z' });
      });

      it('restricts paths to some predicates or excludes some', async () => {
        expect((await store.shortestPaths(ID.china, ID.iran)).map(hops)).toEqual([[ID.china, ID.russia, ID.iran]]);
        expect((await store.shortestPaths(ID.china, ID.iran, { predicates: ['TRADES_WITH', 'SUPPLIES'] })).map(hops)).toEqual([[ID.china, ID.russia, ID.iran]]);
        expect(await store.shortestPaths(ID.china, ID.iran, { excludePredicates: ['SUPPLIES'] })).toEqual([]);
        expect(await store.shortestPaths(ID.china, ID.iran, { predicates: ['TRADES_WITH', 'SUPPLIES'], excludePredicates: ['TRADES_WITH'] })).toEqual([]);
        expect((await store.shortestPaths(ID.blinken, ID.pboc, { excludePredicates: ['VISITED'] })).map(hops)).toEqual([[ID.blinken, ID.yellen, ID.pboc]]);
        await expect(store.shortestPaths(ID.china, ID.iran, { predicates: ['VISITED'], excludePredicates: ['VISITED'] })).rejects.toThrow(/excludePredicates: excludes every predicate/);
        await expect(store.shortestPaths(ID.china, ID.iran, { excludePredicates: ['KNOWS' as never] })).rejects.toThrow(/excludePredicates "KNOWS": not one of/);
      });
    });
  });
}
