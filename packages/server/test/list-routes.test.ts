import { contentHash, toArticleDocument, type ListEntry } from '@newsgraph/shared';
import { SqliteStore } from '@newsgraph/graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/index.ts';

/** The sanctions-list endpoints on an embedded store with invented entries. */

const entry = (id: string, name: string, type: ListEntry['type'] = 'person'): ListEntry => ({
  list: 'test-list', id, type, name, aliases: [], programs: ['PROG-A'], listedOn: '2020-01-02', nationalities: [], countries: [], identifiers: [], remarks: null,
});

describe('list routes', () => {
  let app: FastifyInstance;
  let store: SqliteStore;
  beforeAll(async () => {
    store = await SqliteStore.open(':memory:');
    const text = 'Odile Merville met Quuxbank officials.';
    await store.writeArticle(
      toArticleDocument(
        { id: 'art-1', url: 'https://news.example/1', canonicalUrl: 'https://news.example/1', title: 'T', outlet: null, author: null, publishedAt: '2024-01-01T00:00:00Z', fetchedAt: '2024-01-01T00:00:00Z', language: 'en', text, contentHash: contentHash(text) },
        {
          entities: [
            { id: 'person:odile-merville', type: 'Person', name: 'Odile Merville', attributes: {}, mentions: [{ start: 0, end: 14, text: 'Odile Merville' }] },
            { id: 'org:quuxbank', type: 'Organization', name: 'Quuxbank', attributes: {}, mentions: [{ start: 19, end: 27, text: 'Quuxbank' }] },
          ],
          relations: [{ subject: 'person:odile-merville', predicate: 'MET_WITH', object: 'org:quuxbank', evidence: { sentence: text, start: 0, end: text.length, rule: 'test', confidence: 0.9 } }],
        },
      ),
    );
    await store.lists.replaceList({ list: 'test-list', format: 'un-xml', versionDate: '2025-01-01', source: 'x.xml', entries: [entry('1', 'MERVILLE, Odile'), entry('2', 'QUUXBANK OJSC', 'organization')] });
    await store.lists.replaceListings({ lists: ['test-list'] }, [{ entityId: 'org:quuxbank', list: 'test-list', entryId: '2', score: 1, features: { name_exact: 1, legal_form_removed: 1 }, matchedName: 'QUUXBANK OJSC' }]);
    app = await buildApp({ store });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('lists the stored lists with version counts', async () => {
    const res = await app.inject('/api/lists');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ lists: [{ name: 'test-list', format: 'un-xml', versionDate: '2025-01-01', entryCount: 2, versions: [{ added: 2, removed: 0 }] }] });
  });

  it('answers listed entities, listings of many ids and of one entity, with features', async () => {
    const listed = (await app.inject('/api/listed?list=test-list')).json();
    expect(listed.listed.map((l: { entity: { id: string } }) => l.entity.id)).toEqual(['org:quuxbank']);
    expect(listed.listed[0].listings[0]).toMatchObject({ entryId: '2', score: 1, features: { name_exact: 1, legal_form_removed: 1 }, entry: { name: 'QUUXBANK OJSC', programs: ['PROG-A'] } });
    const many = (await app.inject('/api/listings?ids=org:quuxbank,person:odile-merville')).json();
    expect(Object.keys(many.listings)).toEqual(['org:quuxbank']);
    expect((await app.inject('/api/entities/org%3Aquuxbank/listings')).json().listings).toHaveLength(1);
    expect((await app.inject('/api/entities/nobody/listings')).statusCode).toBe(404);
    const badList = await app.inject("/api/listed?list=x'%20OR%201=1");
    expect(badList.statusCode).toBe(400);
  });

  it('finds exposure paths to listed entities', async () => {
    const res = (await app.inject('/api/entities/person%3Aodile-merville/exposure?maxHops=2')).json();
    expect(res.exposure.map((x: { target: { id: string }; hops: number }) => [x.target.id, x.hops])).toEqual([['org:quuxbank', 1]]);
    expect(res.exposure[0].path.nodes.map((n: { id: string }) => n.id)).toEqual(['person:odile-merville', 'org:quuxbank']);
    expect((await app.inject('/api/entities/person%3Aodile-merville/exposure?maxHops=9')).statusCode).toBe(400);
  });
});
