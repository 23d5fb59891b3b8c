import type { GazetteerEntry } from '../../lexicon/gazetteer.ts';
import { isAllCaps } from './candidate.ts';
import type { Candidate } from './candidate.ts';
import { OUTCOMES, argmax, classify } from './classify.ts';
import { isMetonymic } from './metonymy.ts';
import type { SentenceScan } from './scan.ts';

/** Emit tokens [a,b) as a known phrase (gazetteer or learned lexicon); false if unknown. */
export function emitKnown(s: SentenceScan, a: number, b: number, source: string): boolean {
  const g = s.gazetteerAt(a, b);
  const lexCounts = s.lexiconAt(a, b);
  if (!g && !lexCounts) return false;
  const entry: GazetteerEntry | undefined = g ? pickEntry(s, g, a, b) : undefined;
  const table = tableContext(s, a, b);
  // A place before a score is its side; a person known as such keeps being one ("287 Ian Woosnam 70 76").
  if (table === 'team' && (entry ? entry.type === 'Place' : lexCounts !== null && argmax(lexCounts) >= 1 && argmax(lexCounts) <= 2)) {
    s.push({ first: a, last: b, type: 'Organization', source: 'team-context' });
    return true;
  }
  if (table === 'dateline' && (entry ? entry.type === 'Place' : lexCounts !== null && argmax(lexCounts) <= 2)) {
    s.push({ first: a, last: b, type: 'Place', source: 'dateline', ...(entry ? { entry } : {}) });
    return true;
  }
  if (lexCounts) {
    const lexType = argmax(lexCounts);
    const total = lexCounts[0] + lexCounts[1] + lexCounts[2] + lexCounts[3];
    if (!entry) {
      let label = lexType;
      // Seen once: let the token and context statistics have their say too.
      if (total <= 1 && b - a === 1) {
        const guess = classify(s, a, b);
        if (guess === 'PER' || guess === 'ORG' || guess === 'LOC') label = OUTCOMES.indexOf(guess);
      }
      if (label === 3) return true; // known MISC: consume, emit nothing
      s.push({ first: a, last: b, type: (['Person', 'Organization', 'Place'] as const)[label] ?? 'Place', source: 'lexicon' });
      return true;
    }
    // The lexicon overrides the gazetteer only when it is clearly of another opinion.
    const gazLabel = entry.type === 'Person' ? 0 : entry.type === 'Organization' ? 1 : entry.type === 'Goods' ? 3 : 2;
    if (entry.weak && lexType !== gazLabel) {
      if (lexType === 3) return true;
      s.push({ first: a, last: b, type: (['Person', 'Organization', 'Place'] as const)[lexType] ?? 'Place', source: 'lexicon' });
      return true;
    }
    // A place that the training data only ever saw as something else (a city's sports club).
    if (entry.type === 'Place' && lexType !== gazLabel && (lexCounts[gazLabel] ?? 0) === 0 && (lexCounts[lexType] ?? 0) >= 3) {
      if (lexType === 3) return true;
      s.push({ first: a, last: b, type: (['Person', 'Organization', 'Place'] as const)[lexType] ?? 'Place', source: 'lexicon' });
      return true;
    }
    if (entry.form !== 'demonym' && entry.type !== 'Place' && entry.type !== 'Country' && lexType !== gazLabel && total >= 3 && (lexCounts[lexType] ?? 0) >= 3 * (lexCounts[gazLabel] ?? 0)) {
      if (lexType === 3) return true;
      s.push({ first: a, last: b, type: (['Person', 'Organization', 'Place'] as const)[lexType] ?? 'Place', source: 'lexicon' });
      return true;
    }
  }
  if (!entry) return false;
  if (entry.type === 'Goods' && entry.goodsMilitary && !s.hasGoodsContext(s.sentence.firstToken, s.sentence.lastToken)) return false;
  if (entry.form === 'demonym') {
    s.push({ first: a, last: b, type: entry.type, entry, source: 'demonym', adjectival: true });
    return true;
  }
  const cand: Candidate = { first: a, last: b, type: entry.type, entry, source, sentenceIndex: s.sentenceIndex };
  if (entry.capitalOf && isMetonymic(s, a, b)) cand.metonymic = true;
  if (a === s.sentence.firstToken && b < s.sentence.lastToken && (isAllCaps(s.tok(a)) || table === 'dateline')) {
    const next = s.tok(b).text;
    if (next === ':' || next === '-' || next === '—' || next === '–' || next === '(' || table === 'dateline') cand.dateline = true;
  }
  s.push(cand);
  return true;
}

function pickEntry(s: SentenceScan, list: readonly GazetteerEntry[], a: number, b: number): GazetteerEntry {
  if (list.length === 1) return list[0] as GazetteerEntry;
  // Prefer exact-case acronyms, then names over demonyms, then countries over places.
  const text = s.spanText(a, b);
  const exact = list.find((e) => e.exactCase === text);
  if (exact) return exact;
  const order = (e: GazetteerEntry) => (e.form === 'name' ? 0 : 1) * 10 + (e.type === 'Country' ? 0 : e.type === 'Organization' ? 1 : 2);
  return [...list].sort((x, y) => order(x) - order(y))[0] as GazetteerEntry;
}

/**
 * Result tables and datelines: "Leeds 2 Chelsea 1" (a city followed by a score is a team),
 * "MILWAUKEE 1996-08-29" (a place first in the line, followed by a date).
 */
function tableContext(s: SentenceScan, a: number, b: number): 'team' | 'dateline' | null {
  const l = s.sentence.lastToken;
  if (b >= l || s.tok(b).kind !== 'number') return null;
  const afterNumber = b + 1 < l ? s.tok(b + 1) : null;
  const isDate = afterNumber !== null && afterNumber.text === '-' && !afterNumber.spaceBefore && /^\d{4}$/.test(s.tok(b).text);
  const first = a === s.sentence.firstToken;
  if (isDate) return first ? 'dateline' : null;
  if (first || s.tok(a - 1).kind === 'number') return 'team';
  return null;
}

/** End of the longest known phrase starting at k, within the run or stretching over lower-case words after it. */
export function longestKnown(s: SentenceScan, k: number, b: number): number {
  const limit = s.sentence.lastToken;
  let best = k;
  let key = '';
  for (let m = k + 1; m <= limit; m++) {
    key = m === k + 1 ? (s.ctx.keys[k] as string) : key + ' ' + (s.ctx.keys[m - 1] as string);
    if (m > b) {
      // Beyond the run only gazetteer names that continue in lower case ("Arab world").
      if (s.tok(m - 1).kind === 'word' && s.gazetteerAt(k, m, key)) best = m;
    } else if (s.isKnown(k, m, key)) best = m;
    if (!s.hasPrefix(key)) break;
  }
  return best;
}

/** End of the longest gazetteer name starting at k and ending within b. */
export function longestKnownWithin(s: SentenceScan, k: number, b: number): number {
  let best = k;
  let key = '';
  for (let m = k + 1; m <= b; m++) {
    key = m === k + 1 ? (s.ctx.keys[k] as string) : key + ' ' + (s.ctx.keys[m - 1] as string);
    if (s.gazetteerAt(k, m, key)) best = m;
    if (!s.ctx.gazetteer.namePrefixes.has(key)) break;
  }
  return best;
}
