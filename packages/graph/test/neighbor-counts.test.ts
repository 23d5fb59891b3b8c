import { contentHash, type ArticleDocument } from '@newsgraph/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../src/index.ts';

/**
 * `neighborCounts` gives one group per (neighbour type, predicate), whichever side of the edge
 * the entity is on: a country that supplies two countries and is supplied by three has one
 * "Country · SUPPLIES" group of five, the same five rows `neighbors` pages through.
 */

const country = (iso: string) => ({ id: `country:${iso}`, type: 'Country' as const, name: iso, aliases: [], attributes: { iso } });

function doc(n: number, subject: string, object: string): ArticleDocument {
  const text = `${subject} supplies ${object}.`;
  const id = `art-${n}`;
  return {
    article: {
      id,
      url: `https://news.example/${n}`,
      canonicalUrl: `https://news.example/${n}`,
      title: text,
      outlet: null,
      author: null,
      publishedAt: '2024-01-01T00:00:00Z',
      fetchedAt: '2024-01-01T00:00:00Z',
      language: 'en',
      text,
      contentHash: contentHash(text),
    },
    entities: [country(subject), country(object)],
    mentions: [],
    claims: [
      {
        subjectId: `country:${subject}`,
        predicate: 'SUPPLIES',
        objectId: `country:${object}`,
        evidence: { articleId: id, sentence: text, start: 0, end: text.length, rule: 'test.rule', confidence: 0.9 },
      },
    ],
  };
}

let store: SqliteStore | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

describe('neighborCounts groups', () => {
  it('counts both directions of one (type, predicate) in one group that matches the neighbour rows', async () => {
    store = await SqliteStore.open(':memory:');
    await store.migrate();
    await store.writeArticles([doc(1, 'CN', 'RU'), doc(2, 'CN', 'IR'), doc(3, 'DE', 'CN'), doc(4, 'JP', 'CN'), doc(5, 'KR', 'CN')]);
    const counts = await store.neighborCounts('country:CN');
    expect(counts).toEqual({ total: 5, groups: [{ type: 'Country', predicate: 'SUPPLIES', count: 5 }] });
    expect(await store.neighbors('country:CN', { limit: 100 })).toHaveLength(5);
    expect(await store.neighborCounts('country:CN', { direction: 'in' })).toEqual({ total: 3, groups: [{ type: 'Country', predicate: 'SUPPLIES', count: 3 }] });
  });
});
