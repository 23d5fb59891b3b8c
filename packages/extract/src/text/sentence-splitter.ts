import type { Token } from './tokenizer.ts';

/** A sentence as a token range [first, last) plus its character span. */
export interface TokenSentence {
  start: number;
  end: number;
  firstToken: number;
  lastToken: number;
}

/** Sentences longer than this many tokens are cut, so per-sentence work downstream stays bounded. */
export const MAX_SENTENCE_TOKENS = 400;

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);
const NEVER_END_AFTER = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'sen.', 'rep.', 'gov.', 'gen.', 'col.', 'capt.', 'lt.', 'sgt.', 'adm.', 'rev.', 'fr.', 'st.', 'no.', 'vs.', 'mt.']);
const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'but', 'and', 'in', 'on', 'at', 'this', 'that',
  'these', 'those', 'his', 'her', 'its', 'their', 'there', 'however', 'meanwhile', 'also', 'for', 'as', 'if', 'when',
]);

/** Words after which a line break cannot end a sentence: the line was wrapped. */
const JOINERS = new Set(['of', 'the', 'a', 'an', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'from', 'with', 'by', 'as', 'that']);

/**
 * A single line break inside a sentence (hard-wrapped text such as old wire copy): the line ends in
 * a lower-case word or comma and the next begins in lower case, or the line ends in "of", "the"...
 */
function isWrappedLine(last: Token, next: Token): boolean {
  if (next.blankLineBefore) return false;
  const lowerEnd = (last.kind === 'word' && /^\p{Ll}/u.test(last.text)) || last.text === ',';
  if (!lowerEnd) return false;
  return /^\p{Ll}/u.test(next.text) || JOINERS.has(last.text);
}

/**
 * Old wire copy is wrapped at a fixed width: most single line breaks fall inside a sentence, after a
 * word rather than after a full stop. Then "Securities and Exchange\nCommission" stays one sentence.
 */
function isHardWrapped(tokens: readonly Token[]): boolean {
  let breaks = 0;
  let afterWord = 0;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!t.newlineBefore || t.blankLineBefore) continue;
    breaks++;
    const prev = tokens[i - 1] as Token;
    if (prev.kind === 'word' && !prev.text.endsWith('.')) afterWord++;
  }
  return breaks >= 4 && afterWord * 3 >= breaks * 2;
}

function isUpperStart(s: string): boolean {
  const ch = s.charAt(0);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Split tokens into sentences: at newlines, at . ! ? before a capitalised word, quote or digit. */
export function splitSentences(tokens: readonly Token[]): TokenSentence[] {
  const wrapped = isHardWrapped(tokens);
  const out: TokenSentence[] = [];
  // (No closure over `first`: it made `first` a context slot, read for every token below.)
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    if (!next) break;
    // In hard-wrapped copy a single line break is only a break when the line ends a sentence.
    if (next.newlineBefore && !isWrappedLine(t, next) && !(wrapped && !next.blankLineBefore && t.kind === 'word' && !t.text.endsWith('.'))) {
      first = pushSentence(out, tokens, first, i + 1);
      continue;
    }
    if (i + 1 - first >= MAX_SENTENCE_TOKENS) {
      first = pushSentence(out, tokens, first, i + 1);
      continue;
    }
    let endsHere = false;
    if (t.kind === 'punct' && (t.text === '.' || t.text === '!' || t.text === '?' || t.text === '…')) {
      // A closing quote or bracket right after the stop belongs to this sentence.
      if (CLOSERS.has(next.text) && !next.spaceBefore) continue;
      endsHere = next.spaceBefore && (isUpperStart(next.text) || next.kind === 'number' || '"“‘(['.includes(next.text));
    } else if (t.kind === 'punct' && CLOSERS.has(t.text) && i > 0 && !t.spaceBefore) {
      const prev = tokens[i - 1] as Token;
      endsHere = (prev.text === '.' || prev.text === '!' || prev.text === '?') && next.spaceBefore && (isUpperStart(next.text) || '"“'.includes(next.text));
    } else if (t.kind === 'word' && t.text.endsWith('.') && next.spaceBefore) {
      const lower = t.text.toLowerCase();
      // "Acme Inc. in New York": a sentence opens with a capital, so a lower-case word goes on the one before.
      if (!NEVER_END_AFTER.has(lower) && t.text.length > 2) endsHere = isUpperStart(next.text) && SENTENCE_STARTERS.has(next.text.toLowerCase());
    }
    if (endsHere) first = pushSentence(out, tokens, first, i + 1);
  }
  pushSentence(out, tokens, first, tokens.length);
  return out;
}

/** Adds the sentence of tokens [first, last) when it has any; returns where the next one starts. */
function pushSentence(out: TokenSentence[], tokens: readonly Token[], first: number, last: number): number {
  if (last <= first) return first;
  const a = tokens[first];
  const b = tokens[last - 1];
  if (a && b) out.push({ start: a.start, end: b.end, firstToken: first, lastToken: last });
  return last;
}
