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

function isUpperLetter(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function stripDot(s: string): string {
  return s.endsWith('.') ? s.slice(0, -1) : s;
}

export function isCapitalised(t: Token): boolean {
  return t.kind === 'word' && isUpperLetter(t.text.charAt(0));
}

export function isAllCaps(t: Token): boolean {
  if (t.kind !== 'word') return false;
  let letters = 0;
  for (const ch of t.text) {
    if (ch === '.' || ch === '&' || ch === "'") continue;
    if (ch !== ch.toUpperCase()) return false;
    if (ch !== ch.toLowerCase()) letters++;
  }
  return letters >= 2;
}
