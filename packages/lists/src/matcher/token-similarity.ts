import { distance } from 'fastest-levenshtein';
import { skeleton } from '../normalize/name-normalization.ts';

/** How two name words compare, and why. */
export type TokenRelation = 'equal' | 'initial' | 'spelling' | 'none';

export interface TokenComparison {
  relation: TokenRelation;
  /** 0..1 */
  similarity: number;
}

/** Below this edit similarity two words are different words, not spellings of one. */
export const MIN_SPELLING_SIMILARITY = 0.75;
/** A single letter standing for a word that starts with it ("V." for "Vladimir"). */
export const INITIAL_SIMILARITY = 0.7;
/** Same consonant skeleton (transliteration variants) but many edits apart. */
export const SKELETON_SIMILARITY = 0.8;

const NONE: TokenComparison = { relation: 'none', similarity: 0 };

/**
 * Compares two folded words: equal; an initial of the other; or a spelling variant (edit
 * similarity, or the same consonant skeleton for words of four letters or more).
 */
export function compareTokens(a: string, b: string, skeletonA = skeleton(a), skeletonB = skeleton(b)): TokenComparison {
  if (a === b) return { relation: 'equal', similarity: 1 };
  if (a.length === 1 || b.length === 1) {
    return a[0] === b[0] ? { relation: 'initial', similarity: INITIAL_SIMILARITY } : NONE;
  }
  const longest = Math.max(a.length, b.length);
  if (Math.min(a.length, b.length) < 3) return NONE;
  // Digits must agree exactly ("Ltd 2" is not "Ltd 3").
  if (/\d/.test(a) || /\d/.test(b)) return NONE;
  // Romanisations of one name keep its first sound (Mohammad/Muhammad, Qasim/Kasim, Osama/Usama); "Song"/"Yong",
  // "Amin"/"Mo'in" are different names.
  if (!sameFirstSound(a, b)) return NONE;
  let similarity = 1 - distance(a, b) / longest;
  // Same skeleton and nearly the same length: a transliteration variant ("Mohamed"/"Muhammad"), not a longer name ("Putin"/"Potanin").
  if (skeletonA.length >= 2 && skeletonA === skeletonB && Math.min(a.length, b.length) >= 4 && Math.abs(a.length - b.length) <= 1) {
    similarity = Math.max(similarity, SKELETON_SIMILARITY);
  }
  return similarity >= MIN_SPELLING_SIMILARITY ? { relation: 'spelling', similarity } : NONE;
}

/** The sound a folded word starts with, as the skeleton reduces it: vowels are one sound; q/k/c, z/s, w/v, j/y, and kh/h, ph/f, sh/ch/zh/s are alike. */
function firstSound(w: string): string {
  const a = w[0] ?? '';
  const b = w[1] ?? '';
  if (b === 'h') {
    if (a === 'k') return 'h';
    if (a === 'p') return 'f';
    if (a === 's' || a === 'c' || a === 'z') return 's';
  }
  return FIRST_SOUND[a] ?? a;
}
const FIRST_SOUND: Readonly<Record<string, string>> = { a: 'V', e: 'V', i: 'V', o: 'V', u: 'V', y: 'V', q: 'k', c: 'k', z: 's', w: 'v', j: 'V' };

/** Whether two words begin alike (see firstSound): "Song"/"Yong", "Amin"/"Moin" do not. */
function sameFirstSound(a: string, b: string): boolean {
  return a[0] === b[0] || firstSound(a) === firstSound(b);
}
