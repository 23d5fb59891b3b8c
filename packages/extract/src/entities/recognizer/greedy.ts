import { COMPASS_WORDS } from '../../lexicon/titles.ts';
import { emitKnown, longestKnown } from './known.ts';
import type { SentenceScan } from './scan.ts';
import { emitUnknown } from './unknown.ts';

/** Longest known phrase at each position of [a,b); unknown stretches are typed by context. */
export function segmentGreedy(s: SentenceScan, a: number, b: number): void {
  let k = a;
  // Start of the unknown stretch not emitted yet, or -1. (Flushed by `flush`, not a closure over
  // it: that made it a context slot, read at every position.)
  let pending = -1;
  while (k < b) {
    const m = longestKnown(s, k, b);
    // A small town's name inside a longer unknown name ("Wang Donghai") is part of that name.
    if (m > k && m - k < b - a && onlyMinorTown(s, k, m)) {
      if (pending < 0) pending = k;
      k = m;
      continue;
    }
    // "Brian Finn", "Trevor Holland": after a given name, a one-word place or demonym ends the person's name.
    if (m === k + 1 && m === b && pending >= 0 && pending === k - 1 && givenNameOpens(s, pending) && s.gazetteerAt(k, m)?.every((e) => e.type === 'Place' || e.type === 'Country')) {
      k = m;
      continue;
    }
    if (m > k) {
      pending = flush(s, pending, k);
      emitKnown(s, k, m, 'gazetteer');
      k = m;
      continue;
    }
    // Compass word + known region: "Northwestern Europe" is a mention of Europe.
    if (COMPASS_WORDS.has(s.lower(k)) && k + 1 < b) {
      const m2 = longestKnown(s, k + 1, b);
      if (m2 > k + 1) {
        const g = s.gazetteerAt(k + 1, m2);
        const place = g?.find((e) => e.type === 'Place');
        if (place) {
          pending = flush(s, pending, k);
          s.push({ first: k, last: m2, type: 'Place', entry: place, source: 'gazetteer' });
          k = m2;
          continue;
        }
      }
    }
    if (pending < 0) pending = k;
    k++;
  }
  flush(s, pending, b);
}

/** Emits the unknown stretch [pending, upTo) if there is one; returns the new pending start (-1). */
function flush(s: SentenceScan, pending: number, upTo: number): number {
  if (pending >= 0 && upTo > pending) emitUnknown(s, pending, upTo);
  return -1;
}

/** A given name that is no ordinary word, not opening the sentence: "Brian", not "Will" or "Mark". */
function givenNameOpens(s: SentenceScan, i: number): boolean {
  const w = s.lower(i);
  return s.ctx.words.firstNames.has(w) && !s.ctx.words.common.has(w) && !s.isSentenceInitial(i) && !s.isKnown(i, i + 1);
}

function onlyMinorTown(s: SentenceScan, a: number, b: number): boolean {
  if (s.lexiconAt(a, b)) return false;
  const g = s.gazetteerAt(a, b);
  return g !== null && g.every((e) => e.minor === true);
}
