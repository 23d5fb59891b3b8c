import { tokenize } from '../text/tokenizer.ts';
import { addPrefixes, phraseKey } from './gazetteer.ts';

/** The four CoNLL-2003 labels. */
export const NER_LABELS = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerLabel = (typeof NER_LABELS)[number];

/** Counts per label, indexed like NER_LABELS. */
export type LabelCounts = [number, number, number, number];

export interface TokenStats {
  /** How often the token was inside a span of each label. */
  labels: LabelCounts;
  /** Capitalised occurrences outside any entity, not first in the sentence. */
  capitalOther: number;
  /** Capitalised occurrences outside any entity, first in the sentence. */
  initialOther: number;
  /** Lower-case occurrences. */
  lower: number;
}

/**
 * A type lexicon learned from labelled text (e.g. CoNLL-2003 eng.train) at run time: how often each
 * phrase was a PER/ORG/LOC/MISC, per-token votes, and which words take an "of" inside names.
 * Never committed to the repository; built from the data when it is present.
 */
export interface TypeLexicon {
  phrases: Map<string, LabelCounts>;
  tokens: Map<string, TokenStats>;
  /** Words seen right before "of"/"and"/"for" inside a labelled span ("Bank" of England). */
  connectorHeads: Set<string>;
  maxPhraseTokens: number;
  /** Proper token-prefixes of the phrase keys. */
  prefixes: Set<string>;
  /**
   * Context statistics for typing unseen names: for the word before a span, the word after it, and
   * the last three letters of its last word, counts per outcome [PER, ORG, LOC, MISC, not-a-name]
   * ("not-a-name" counts capitalised words outside entities, not first in their sentence).
   */
  context: { prev: Map<string, OutcomeCounts>; next: Map<string, OutcomeCounts>; suffix: Map<string, OutcomeCounts>; totals: OutcomeCounts };
}

/** Counts per outcome: PER, ORG, LOC, MISC, not-a-name. */
export type OutcomeCounts = [number, number, number, number, number];

export interface LabelledToken {
  text: string;
  label: NerLabel | null;
  /** True when the token begins a new span (B- tag or a change of label). */
  begin: boolean;
}

export function emptyTypeLexicon(): TypeLexicon {
  return {
    phrases: new Map(),
    tokens: new Map(),
    connectorHeads: new Set(),
    maxPhraseTokens: 1,
    prefixes: new Set(),
    context: { prev: new Map(), next: new Map(), suffix: new Map(), totals: [0, 0, 0, 0, 0] },
  };
}

/** Context key of the word before/after a span: lower case, numbers folded to one symbol. */
export function contextWord(word: string | undefined): string {
  if (word === undefined) return '<edge>';
  return /^[0-9]/.test(word) ? '<num>' : word.toLowerCase();
}

export function suffixKey(word: string): string {
  return word.length < 4 ? `=${word.toLowerCase()}` : word.slice(-3).toLowerCase();
}

function countOutcome(lex: TypeLexicon, outcome: number, prev: string | undefined, next: string | undefined, last: string): void {
  const c = lex.context;
  const inc = (map: Map<string, OutcomeCounts>, key: string) => {
    let counts = map.get(key);
    if (!counts) {
      counts = [0, 0, 0, 0, 0];
      map.set(key, counts);
    }
    counts[outcome as 0] += 1;
  };
  inc(c.prev, contextWord(prev));
  inc(c.next, contextWord(next));
  inc(c.suffix, suffixKey(last));
  c.totals[outcome as 0] += 1;
}

function bump(counts: LabelCounts, label: NerLabel): void {
  const i = NER_LABELS.indexOf(label) as 0 | 1 | 2 | 3;
  counts[i] += 1;
}

/** Add one labelled sentence to a lexicon. */
export function addLabelledSentence(lex: TypeLexicon, sentence: readonly LabelledToken[]): void {
  let i = 0;
  while (i < sentence.length) {
    const tok = sentence[i] as LabelledToken;
    const lower = tok.text.toLowerCase();
    let stats = lex.tokens.get(lower);
    if (!stats) {
      stats = { labels: [0, 0, 0, 0], capitalOther: 0, initialOther: 0, lower: 0 };
      lex.tokens.set(lower, stats);
    }
    if (tok.label) {
      bump(stats.labels, tok.label);
    } else if (tok.text !== lower) {
      if (i > 0) stats.capitalOther++;
      else stats.initialOther++;
      if (/^\p{Lu}\p{Ll}/u.test(tok.text)) countOutcome(lex, 4, sentence[i - 1]?.text, sentence[i + 1]?.text, tok.text);
    } else stats.lower++;
    if (tok.label) {
      let j = i + 1;
      while (j < sentence.length && sentence[j]?.label === tok.label && !sentence[j]?.begin) j++;
      const words = sentence.slice(i, j).map((t) => t.text);
      // Re-tokenise the span so that keys match what the recognizer sees ("U.S.-based" etc.).
      const key = phraseKey(tokenize(words.join(' ')).map((t) => t.text));
      let counts = lex.phrases.get(key);
      if (!counts) {
        addPrefixes(lex.prefixes, key);
        counts = [0, 0, 0, 0];
        lex.phrases.set(key, counts);
      }
      bump(counts, tok.label);
      countOutcome(lex, NER_LABELS.indexOf(tok.label), sentence[i - 1]?.text, sentence[j]?.text, (sentence[j - 1] as LabelledToken).text);
      lex.maxPhraseTokens = Math.max(lex.maxPhraseTokens, j - i + 2);
      for (let k = i + 1; k < j - 1; k++) {
        const w = sentence[k]?.text.toLowerCase();
        if (w === 'of' || w === 'and' || w === 'for' || w === '&') lex.connectorHeads.add((sentence[k - 1] as LabelledToken).text.toLowerCase());
      }
      // Token stats for the rest of the span.
      for (let k = i + 1; k < j; k++) {
        const w = (sentence[k] as LabelledToken).text.toLowerCase();
        let s = lex.tokens.get(w);
        if (!s) {
          s = { labels: [0, 0, 0, 0], capitalOther: 0, initialOther: 0, lower: 0 };
          lex.tokens.set(w, s);
        }
        bump(s.labels, tok.label);
      }
      i = j;
      continue;
    }
    i++;
  }
}
