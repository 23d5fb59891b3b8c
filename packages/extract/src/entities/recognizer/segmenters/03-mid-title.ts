import { MISC_LAST_WORDS, ORG_SUFFIXES, PLACE_SUFFIXES, RANK_ABBREVIATIONS, ROLE_HEADS, TITLE_WORDS } from '../../../lexicon/titles.ts';
import { isCapitalised, stripDot } from '../candidate.ts';
import type { Candidate } from '../candidate.ts';
import { segmentGreedy } from '../greedy.ts';
import { emitKnown } from '../known.ts';
import type { RunSegmenter } from '../run.ts';
import type { SentenceScan } from '../scan.ts';
import { splitTitle } from '../titles.ts';
import { PURE_HONORIFICS } from '../words.ts';

/**
 * "Boxing Association President Ramon Manzanares", "Coast Guard Lt. Dan Reyes": an organization, a
 * title, then a name, all capitalised. The organization becomes the person's affiliation.
 */
export const midTitle: RunSegmenter = {
  name: 'mid-title',
  run: (s, r) => splitMidTitle(s, r.start, r.end),
};

function splitMidTitle(s: SentenceScan, a: number, b: number): boolean {
  if (b - a < 3 || s.isKnown(a, b)) return false;
  for (let h = a + 1; h < b - 1; h++) {
    const w = stripDot(s.lower(h));
    // A rank abbreviation is a head only with its dot ("Coast Guard Lt. X"), as the wires write it.
    const rank = RANK_ABBREVIATIONS.has(w) && (s.tok(h).text.endsWith('.') || s.tok(h + 1).text === '.');
    if ((!ROLE_HEADS.has(w) && !rank) || !isCapitalised(s.tok(h)) || PURE_HONORIFICS.has(w)) continue;
    // The name after the title: 1-4 name-like words, none of them an organization or place word.
    if (b - (h + 1) > 4) return false;
    for (let k = h + 1; k < b; k++) {
      const x = stripDot(s.lower(k));
      if (ORG_SUFFIXES.has(x) || PLACE_SUFFIXES.has(x) || MISC_LAST_WORDS.has(x) || ROLE_HEADS.has(x) || TITLE_WORDS.has(x)) return false;
    }
    // Title words right before the head belong to the title ("Foreign Minister").
    let t = h;
    while (t > a + 1 && TITLE_WORDS.has(s.lower(t - 1)) && !s.gazetteerAt(t - 1, t)) t--;
    const before = s.out.length;
    segmentLeft(s, a, t);
    const left = s.out.length > before ? (s.out[s.out.length - 1] as Candidate) : undefined;
    if (!splitTitle(s, t, b)) {
      s.out.length = before;
      return false;
    }
    const person = s.out[s.out.length - 1] as Candidate;
    if (left && left.last === t && person.type === 'Person' && !person.affiliation && (left.type === 'Organization' || left.type === 'Country')) person.affiliation = left;
    return true;
  }
  return false;
}

/** The part of a run before a title: a known name, an organization construction or a typed unknown. */
function segmentLeft(s: SentenceScan, a: number, b: number): void {
  if (emitKnown(s, a, b, 'gazetteer')) return;
  const last = stripDot(s.lower(b - 1));
  if (b - a >= 2 && ORG_SUFFIXES.has(last)) {
    s.push({ first: a, last: b, type: 'Organization', source: 'org-suffix' });
    return;
  }
  segmentGreedy(s, a, b);
}
