import { describe, expect, it } from 'vitest';
import { coMentionAt, countCoMention, emptyCoMentions, hasCoMention, setCoMention } from '../src/corpus/co-mentions.ts';

const entries = (c: ReturnType<typeof emptyCoMentions>) => Array.from({ length: c.size }, (_, i) => [c.numbers[i], c.counts[i]]);

describe('co-mention counts', () => {
  it('counts articles per entity number in the order first seen', () => {
    const c = emptyCoMentions();
    for (const n of [7, 3, 7, 9, 3, 7]) countCoMention(c, n, 300);
    expect(entries(c)).toEqual([
      [7, 3],
      [3, 2],
      [9, 1],
    ]);
    expect(hasCoMention(c, 9)).toBe(true);
    expect(hasCoMention(c, 4)).toBe(false);
    expect(coMentionAt(c, 3)).toBe(1);
  });

  it('past the limit, counts only the entities it holds, and grows no further than the limit', () => {
    const c = emptyCoMentions();
    for (let n = 0; n < 10; n++) countCoMention(c, n, 6);
    countCoMention(c, 2, 6);
    expect(c.size).toBe(6);
    expect(c.numbers.length).toBe(6);
    expect(hasCoMention(c, 6)).toBe(false);
    expect(entries(c)[2]).toEqual([2, 2]);
  });

  it('keeps many entries through growth, and a restored count replaces the one held', () => {
    const c = emptyCoMentions();
    for (let n = 0; n < 1000; n++) setCoMention(c, n * 3, n + 1);
    setCoMention(c, 30, 99);
    expect(c.size).toBe(1000);
    expect(entries(c)[10]).toEqual([30, 99]);
    expect(entries(c)[999]).toEqual([2997, 1000]);
  });

  it('survives a structured clone (an alias index replica on another thread)', () => {
    const c = emptyCoMentions();
    countCoMention(c, 5, 300);
    const copy = structuredClone(c);
    countCoMention(copy, 5, 300);
    expect(entries(copy)).toEqual([[5, 2]]);
    expect(entries(c)).toEqual([[5, 1]]);
  });
});
