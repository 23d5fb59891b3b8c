import { describe, expect, it } from 'vitest';
import {
  applyCuration,
  compileCurationPlan,
  parseCurationAction,
  splitEntityId,
  type ArticleDocument,
  type CurationAction,
  type CurationEntry,
} from '../src/index.ts';

const article = {
  id: 'art_1',
  url: 'file:///a.txt',
  canonicalUrl: 'file:///a.txt',
  title: 'A',
  outlet: null,
  author: null,
  publishedAt: null,
  fetchedAt: '2026-01-01T00:00:00.000Z',
  language: 'en',
  text: 'Ronald Reagan met Bush. Reagan visited Moscow. Bush spoke.',
  contentHash: 'h',
};

// Sentences: [0, 23) "Ronald Reagan met Bush.", [24, 46) "Reagan visited Moscow.", [47, 59) "Bush spoke."
function doc(): ArticleDocument {
  const evidence = (start: number, end: number, rule: string) => ({ articleId: 'art_1', sentence: article.text.slice(start, end), start, end, rule, confidence: 0.9 });
  return {
    article,
    entities: [
      { id: 'person:ronald-reagan', type: 'Person', name: 'Ronald Reagan', aliases: [], attributes: {} },
      { id: 'person:reagan', type: 'Person', name: 'Reagan', aliases: [], attributes: { role: 'President' } },
      { id: 'person:george-w-bush', type: 'Person', name: 'George W Bush', aliases: ['Bush'], attributes: {} },
      { id: 'place:moscow', type: 'Place', name: 'Moscow', aliases: [], attributes: {} },
    ],
    mentions: [
      { entityId: 'person:ronald-reagan', articleId: 'art_1', start: 0, end: 13, text: 'Ronald Reagan' },
      { entityId: 'person:george-w-bush', articleId: 'art_1', start: 18, end: 22, text: 'Bush' },
      { entityId: 'person:reagan', articleId: 'art_1', start: 24, end: 30, text: 'Reagan' },
      { entityId: 'place:moscow', articleId: 'art_1', start: 39, end: 45, text: 'Moscow' },
      { entityId: 'person:george-w-bush', articleId: 'art_1', start: 47, end: 51, text: 'Bush' },
    ],
    claims: [
      { subjectId: 'person:ronald-reagan', predicate: 'MET_WITH', objectId: 'person:george-w-bush', evidence: evidence(0, 23, 'meet.verb') },
      { subjectId: 'person:reagan', predicate: 'VISITED', objectId: 'place:moscow', evidence: evidence(24, 46, 'visit.verb') },
    ],
  };
}

let seq = 0;
function entry(action: CurationAction, undone = false): CurationEntry {
  seq += 1;
  return { id: `cur_${seq}`, seq, at: '2026-01-02T00:00:00.000Z', author: 'ed', reason: 'test', action, undoneAt: undone ? '2026-01-03T00:00:00.000Z' : null, undoneBy: null, undoReason: null };
}

describe('applyCuration', () => {
  it('merges an entity: its mentions and claims move, its name becomes an alias, nothing else changes', () => {
    const out = applyCuration(doc(), compileCurationPlan([entry({ kind: 'merge', into: 'person:ronald-reagan', from: 'person:reagan' })]));
    expect(out.entities.map((e) => e.id)).toEqual(['person:ronald-reagan', 'person:george-w-bush', 'place:moscow']);
    const reagan = out.entities[0]!;
    expect(reagan).toMatchObject({ name: 'Ronald Reagan', type: 'Person', aliases: ['Reagan'], attributes: { role: 'President' } });
    expect(out.mentions.filter((m) => m.entityId === 'person:ronald-reagan').map((m) => m.text)).toEqual(['Ronald Reagan', 'Reagan']);
    expect(out.claims.map((c) => `${c.subjectId} ${c.predicate} ${c.objectId}`)).toEqual([
      'person:ronald-reagan MET_WITH person:george-w-bush',
      'person:ronald-reagan VISITED place:moscow',
    ]);
  });

  it('follows chains of merges, refuses the one that would close a cycle, and ignores undone entries', () => {
    const plan = compileCurationPlan([
      entry({ kind: 'merge', into: 'b', from: 'a' }),
      entry({ kind: 'merge', into: 'c', from: 'b' }),
      entry({ kind: 'merge', into: 'a', from: 'c' }),
      entry({ kind: 'merge', into: 'z', from: 'y' }, true),
    ]);
    expect(plan.redirects).toEqual(new Map([['a', 'c'], ['b', 'c']]));
  });

  it('drops a claim that a merge turns into a self-loop', () => {
    const out = applyCuration(doc(), compileCurationPlan([entry({ kind: 'merge', into: 'person:ronald-reagan', from: 'person:george-w-bush' })]));
    expect(out.claims.map((c) => c.predicate)).toEqual(['VISITED']);
  });

  it('splits an alias off: the mentions written that way and the claims resting on them only', () => {
    const splitId = splitEntityId('person:george-w-bush', 'bush');
    const out = applyCuration(doc(), compileCurationPlan([entry({ kind: 'split-alias', entity: 'person:george-w-bush', alias: 'BUSH' })]));
    expect(splitId).toBe('person:george-w-bush~bush');
    expect(out.entities.find((e) => e.id === splitId)).toMatchObject({ type: 'Person', name: 'Bush' });
    // Every mention of George W Bush was written "Bush", so the old node has none left and goes.
    expect(out.entities.some((e) => e.id === 'person:george-w-bush')).toBe(false);
    expect(out.claims[0]).toMatchObject({ subjectId: 'person:ronald-reagan', objectId: splitId });
  });

  it('renames, keeping the extracted name as an alias', () => {
    const out = applyCuration(doc(), compileCurationPlan([entry({ kind: 'rename', entity: 'place:moscow', name: 'Moscow, Russia' })]));
    expect(out.entities.find((e) => e.id === 'place:moscow')).toMatchObject({ name: 'Moscow, Russia', aliases: ['Moscow'] });
  });

  it('rejects an edge in either direction when its predicate is symmetric, and one claim by its sentence', () => {
    const edge = applyCuration(doc(), compileCurationPlan([entry({ kind: 'reject-edge', subject: 'person:george-w-bush', predicate: 'MET_WITH', object: 'person:ronald-reagan' })]));
    expect(edge.claims.map((c) => c.predicate)).toEqual(['VISITED']);
    const claim = applyCuration(doc(), compileCurationPlan([entry({ kind: 'reject-claim', articleId: 'art_1', subject: 'person:reagan', predicate: 'VISITED', object: 'place:moscow', start: 24 })]));
    expect(claim.claims.map((c) => c.predicate)).toEqual(['MET_WITH']);
    const other = applyCuration(doc(), compileCurationPlan([entry({ kind: 'reject-claim', articleId: 'art_2', subject: 'person:reagan', predicate: 'VISITED', object: 'place:moscow', start: 24 })]));
    expect(other.claims).toHaveLength(2);
  });

  it('leaves a document untouched by confirmations and notes', () => {
    const d = doc();
    const plan = compileCurationPlan([
      entry({ kind: 'confirm-edge', subject: 'person:reagan', predicate: 'VISITED', object: 'place:moscow' }),
      entry({ kind: 'note', entity: 'person:reagan', text: 'check the date' }),
    ]);
    expect(applyCuration(d, plan)).toBe(d);
  });
});

describe('parseCurationAction', () => {
  it('names the field that is wrong', () => {
    expect(() => parseCurationAction({ kind: 'merge', into: 'a' })).toThrow(/action\.from/);
    expect(() => parseCurationAction({ kind: 'merge', into: 'a', from: 'a' })).toThrow(/action\.from: an entity cannot be merged into itself/);
    expect(() => parseCurationAction({ kind: 'reject-edge', subject: 'a', predicate: 'LIKES', object: 'b' })).toThrow(/action\.predicate/);
    expect(() => parseCurationAction({ kind: 'note', text: 'x' })).toThrow(/an entity \(entity\) or an edge/);
    expect(() => parseCurationAction({ kind: 'rename', entity: 'a', name: 'x'.repeat(5000) })).toThrow(/action\.name/);
    expect(() => parseCurationAction({ kind: 'drop-table' })).toThrow(/action\.kind/);
    expect(parseCurationAction({ kind: 'rename', entity: ' a ', name: ' B ' })).toEqual({ kind: 'rename', entity: 'a', name: 'B' });
  });
});
