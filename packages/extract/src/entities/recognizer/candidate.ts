import type { EntityType } from '@newsgraph/shared';
import type { Gazetteer, GazetteerEntry } from '../../lexicon/gazetteer.ts';
import type { TypeLexicon } from '../../lexicon/type-lexicon.ts';
import type { WordClasses } from '../../lexicon/word-classes.ts';
import type { Token } from '../../text/tokenizer.ts';

/** A recognised span before document-level canonicalisation. */
export interface Candidate {
  /** Token range [first, last). */
  first: number;
  last: number;
  sentenceIndex: number;
  /** null: a capitalised span of unknown type, kept for document-level resolution (surname, acronym). */
  type: EntityType | null;
  entry?: GazetteerEntry;
  source: string;
  /** Low confidence: dropped unless the document confirms it. */
  weak?: boolean;
  adjectival?: boolean;
  role?: string;
  /** The organization or country the person works for, when written next to the role. */
  affiliation?: Candidate;
  /** For a capital city used as its government ("Washington said"). */
  metonymic?: boolean;
  /** A place name opening an article or line as its dateline ("WASHINGTON:"). */
  dateline?: boolean;
}

/**
 * A candidate with every field present, in one order: all candidates then share one object shape,
 * so the passes and the canonicalizer that read them stay monomorphic (candidates built with
 * different sets of optional fields made V8 deoptimise and recompile them over and over).
 */
export function newCandidate(c: Omit<Candidate, 'sentenceIndex'>, sentenceIndex: number): Candidate {
  return {
    first: c.first,
    last: c.last,
    sentenceIndex,
    type: c.type,
    entry: c.entry,
    source: c.source,
    weak: c.weak,
    adjectival: c.adjectival,
    role: c.role,
    affiliation: c.affiliation,
    metonymic: c.metonymic,
    dateline: c.dateline,
  };
}

export interface RecognizerContext {
  text: string;
  tokens: readonly Token[];
  gazetteer: Gazetteer;
  lexicon: TypeLexicon | undefined;
  words: WordClasses;
  /** Words that occur in lower case somewhere in the document. */
  lowerInDocument: ReadonlySet<string>;
  /** Lookup key of each token (lower case, apostrophes folded), parallel to `tokens`. */
  keys: readonly string[];
}

/** Is the code unit at `i` an upper-case letter? ASCII is decided by its code (most tokens), the rest by case mapping. */
function isUpperLetterAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = s.charAt(i);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function stripDot(s: string): string {
  return s.endsWith('.') ? s.slice(0, -1) : s;
}

export function isCapitalised(t: Token): boolean {
  return t.kind === 'word' && t.text.length > 0 && isUpperLetterAt(t.text, 0);
}

export function isAllCaps(t: Token): boolean {
  if (t.kind !== 'word') return false;
  let letters = 0;
  const text = t.text;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ASCII by its code (most text); any other character, a surrogate pair as one, by case mapping.
    if (c < 128) {
      if (c >= 97 && c <= 122) return false;
      if (c >= 65 && c <= 90) letters++;
      continue;
    }
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    const pair = c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    const ch = pair ? text.slice(i, i + 2) : text.charAt(i);
    if (pair) i++;
    if (ch !== ch.toUpperCase()) return false;
    if (ch !== ch.toLowerCase()) letters++;
  }
  return letters >= 2;
}
