/**
 * A linear-time tokenizer that keeps UTF-16 offsets into the input. One pass over the string,
 * no regular expressions over the whole text, so any input (10 MB, binary, one huge line)
 * costs O(n).
 */

export type TokenKind = 'word' | 'number' | 'punct' | 'possessive';

export interface Token {
  start: number;
  end: number;
  text: string;
  kind: TokenKind;
  /** Whitespace (or start of text) right before the token. */
  spaceBefore: boolean;
  /** A newline between the previous token and this one. */
  newlineBefore: boolean;
  /** Two or more newlines (a blank line) between the previous token and this one. */
  blankLineBefore: boolean;
}

/** Abbreviations that keep their trailing period inside the token. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'col', 'capt', 'lt', 'sgt', 'adm', 'rev', 'fr', 'st',
  'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'bros', 'no', 'vs', 'mt', 'ft', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.u', 'etc', 'approx', 'dept', 'est', 'univ',
]);

const LETTER = /\p{L}|\p{M}/u;

function isLetterCode(c: number, s: string, i: number): boolean {
  if (c < 128) return (c | 32) >= 97 && (c | 32) <= 122;
  // Surrogate pairs: test the code point.
  return LETTER.test(String.fromCodePoint(s.codePointAt(i) ?? c));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 160 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0x2028 || c === 0x2029 || c === 0xfeff;
}

/** ' and ’. */
function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let spaceBefore = true;
  let newlineBefore = false;
  let newlines = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      spaceBefore = true;
      if (c === 10 || c === 0x2028 || c === 0x2029 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        newlineBefore = true;
        newlines++;
      }
      i++;
      continue;
    }
    const start = i;
    let kind: TokenKind;
    if (isLetterCode(c, text, i)) {
      kind = 'word';
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
      while (i < n) {
        const d = text.charCodeAt(i);
        // ASCII letters and digits first: most word characters.
        if ((d | 32) >= 97 && (d | 32) <= 122) {
          i++;
          continue;
        }
        if (isDigit(d) || (d >= 128 && isLetterCode(d, text, i))) {
          i += d >= 0xd800 && d <= 0xdbff && i + 1 < n ? 2 : 1;
          continue;
        }
        // Apostrophe inside a word (O'Neill, don't) but not a possessive 's at the end.
        if (isApostrophe(d) && i + 1 < n && isLetterCode(text.charCodeAt(i + 1), text, i + 1)) {
          const next = text.charCodeAt(i + 1);
          const afterNext = i + 2 < n ? text.charCodeAt(i + 2) : 32;
          if ((next === 115 || next === 83) && !isLetterCode(afterNext, text, i + 2) && !isDigit(afterNext)) break;
          i++;
          continue;
        }
        // Dotted abbreviations: U.S., U.A.E., e.g.
        if (d === 46 && i + 1 < n && isLetterCode(text.charCodeAt(i + 1), text, i + 1) && i + 2 <= n && (i + 2 === n || text.charCodeAt(i + 2) === 46)) {
          i += 2;
          continue;
        }
        break;
      }
      // Keep the period of a known abbreviation, an initial ("J."), or a dotted acronym ("U.S.").
      if (i < n && text.charCodeAt(i) === 46) {
        const word = text.slice(start, i).toLowerCase();
        const isInitial = i - start === 1 && c >= 65 && c <= 90;
        if (ABBREVIATIONS.has(word) || isInitial || word.includes('.')) i++;
      }
    } else if (isDigit(c)) {
      kind = 'number';
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isDigit(d) || isLetterCode(d, text, i)) {
          i++;
          continue;
        }
        if ((d === 44 || d === 46 || d === 58) && i + 1 < n && isDigit(text.charCodeAt(i + 1))) {
          i++;
          continue;
        }
        break;
      }
    } else if (isApostrophe(c) && i + 1 < n && (text.charCodeAt(i + 1) === 115 || text.charCodeAt(i + 1) === 83) && tokens.length > 0 && !spaceBefore && (i + 2 >= n || !isLetterCode(text.charCodeAt(i + 2), text, i + 2))) {
      kind = 'possessive';
      i += 2;
    } else {
      kind = 'punct';
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    }
    tokens.push({ start, end: i, text: text.slice(start, i), kind, spaceBefore, newlineBefore, blankLineBefore: newlines >= 2 });
    spaceBefore = false;
    newlineBefore = false;
    newlines = 0;
  }
  return tokens;
}
