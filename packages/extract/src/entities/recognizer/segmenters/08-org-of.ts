import { HONORIFICS, ORG_OF_HEADS, PLACE_OF_HEADS, ROLE_HEADS, TITLE_WORDS } from '../../../lexicon/titles.ts';
import { stripDot } from '../candidate.ts';
import { segmentGreedy } from '../greedy.ts';
import { emitKnown } from '../known.ts';
import type { RunSegmenter } from '../run.ts';
import type { SentenceScan } from '../scan.ts';

/** "Bank of …", "Ministry for …", "Consulate in …" (Organization); "Republic of …" (Place). */
export const orgOf: RunSegmenter = {
  name: 'org-of',
  run(s, r) {
    const { start: i, end } = r;
    for (let p = i; p + 1 < end; p++) {
      const w = s.lower(p + 1);
      const head = stripDot(s.lower(p));
      const isOrgHead = ORG_OF_HEADS.has(head) && (w === 'of' || w === 'for' || w === 'in');
      const isPlaceHead = PLACE_OF_HEADS.has(head) && w === 'of';
      if (!isOrgHead && !isPlaceHead) continue;
      let from = p;
      if (p > i && prefixBelongsToOrg(s, i, p)) from = i;
      if (from > i) segmentGreedy(s, i, from);
      if (!emitKnown(s, from, end, 'gazetteer')) s.push({ first: from, last: end, type: isOrgHead ? 'Organization' : 'Place', source: isOrgHead ? 'org-of' : 'place-of' });
      return true;
    }
    return false;
  },
};

/**
 * "Central Bank of …", "Russian Ministry of …", "United Bank of Africa", "Chicago Board of Trade":
 * the capitalised words before the head are part of the name, unless one is a title ("Governor
 * Bank of England" is a person's title and a bank) or a person's name.
 */
function prefixBelongsToOrg(s: SentenceScan, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const w = stripDot(s.lower(k));
    if (TITLE_WORDS.has(w)) continue;
    if (ROLE_HEADS.has(w) || HONORIFICS.has(s.lower(k))) return false;
    const g = s.gazetteerAt(k, k + 1);
    if (g?.some((e) => e.type === 'Person')) return false;
    if (k === a && s.ctx.words.firstNames.has(w) && !g) return false;
  }
  return true;
}
