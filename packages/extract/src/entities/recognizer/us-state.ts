import { isCapitalised } from './candidate.ts';
import type { SentenceScan } from './scan.ts';

/**
 * "Albany, N.Y.", "San Jose, Calif.", "Sen. Jane Doe, D-Calif.": a US state abbreviation where
 * news style puts one (after "City," or a party letter). Returns the end token, or -1.
 */
export function usStateAbbreviation(s: SentenceScan, k: number, l: number): number {
  const f = s.sentence.firstToken;
  // "D-Calif.": the party letter opens the capitalised run.
  if (/^[RDI]$/.test(s.tok(k).text) && k + 2 < l && s.tok(k + 1).text === '-' && !s.tok(k + 1).spaceBefore && !s.tok(k + 2).spaceBefore) {
    return usStateAbbreviation(s, k + 2, l);
  }
  // The context first: it is two token reads, and most capitalised words have neither before them.
  const prev = k - 1 >= f ? s.tok(k - 1).text : '';
  const cityBefore = prev === ',' && k - 2 >= f && isCapitalised(s.tok(k - 2));
  const party = prev === '-' && k - 2 >= f && /^[RDI]$/.test(s.tok(k - 2).text);
  if (!cityBefore && !party) return -1;
  let text = s.tok(k).text;
  let end = k + 1;
  if (text === 'W.' && end < l && s.tok(end).text === 'Va' && !s.tok(end).spaceBefore) {
    text = 'W.Va';
    end++;
  }
  const entry = s.ctx.gazetteer.usStateAbbreviations.get(text.replace(/\./g, ''));
  if (!entry) return -1;
  const dot = s.ctx.tokens[end];
  // "Minn." or, in tokenised text, "Minn ." (the abbreviation's dot split off as its own token).
  if (!text.endsWith('.') && !(dot && dot.text === '.')) return -1;
  s.push({ first: k, last: end, type: 'Place', entry, source: 'us-state' });
  return end;
}
