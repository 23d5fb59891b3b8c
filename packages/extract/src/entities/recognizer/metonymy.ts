import { ACTOR_VERBS, MONTHS_AND_DAYS } from '../../lexicon/word-classes.ts';
import type { SentenceScan } from './scan.ts';

/** Words before a capital that make it the city ("in Washington", "visited Washington"). */
const CITY_BEFORE = new Set(['in', 'at', 'to', 'from', 'into', 'near', 'around', 'outside', 'across', 'visited', 'visit', 'visiting', 'visits', 'reached', 'left', 'arrived', 'via', 'through']);
/** Measures whose target, when a capital, is its government ("sanctions on Moscow"). */
const MEASURE_NOUNS = new Set(['sanctions', 'restrictions', 'tariffs', 'pressure', 'curbs', 'penalties', 'embargo', 'embargoes', 'controls', 'measures']);
/** Verbs whose object, when a capital, is its government ("urged Beijing to stop"). */
const GOVERNMENT_OBJECT_VERBS = new Set(['urged', 'urges', 'urging', 'warned', 'warns', 'warning', 'accused', 'accuses', 'pressed', 'presses', 'pressing', 'sanctioned', 'condemned', 'criticised', 'criticized', 'blamed', 'lobbied', 'rebuked']);
/** Auxiliaries and adverbs between a capital and its verb ("Washington has also sanctioned"). */
const METONYMY_SKIP = new Set(['has', 'have', 'had', 'also', 'again', 'now', 'then', 'already', 'long', 'recently', 'repeatedly', 'since', 'itself', 'too', 'is', 'was', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'not', 'never', 'first', 'last', 'soon', 'still', 'yet', 'once', 'separately', 'previously']);

/** "Washington said", "Beijing's response": a capital standing for its government. */
export function isMetonymic(s: SentenceScan, a: number, b: number): boolean {
  const l = s.sentence.lastToken;
  if (b >= l) return false;
  const next = s.tok(b);
  const prev = a > s.sentence.firstToken ? s.lower(a - 1) : '';
  if ((prev === 'between' || prev === 'with' || prev === 'by') && b + 1 < l && s.lower(b) === 'and') return true;
  // "supplied missiles to Moscow", "sold drones to Tehran": the government receives, not the city.
  if (prev === 'to' && supplyVerbBefore(s, a - 1)) return true;
  // "in Washington", "visited Washington": the city, whatever follows.
  if (CITY_BEFORE.has(prev)) return false;
  // "sanctions on Moscow", "restrictions against Tehran": measures target the government.
  if ((prev === 'on' || prev === 'against') && a - 2 >= s.sentence.firstToken && MEASURE_NOUNS.has(s.lower(a - 2))) return true;
  // "urged Beijing to", "warned Washington against": the government is addressed.
  if (GOVERNMENT_OBJECT_VERBS.has(prev)) return true;
  if (next.kind === 'possessive') return true;
  // "Washington on Tuesday imposed", "Washington has also banned": skip adverbs and a time phrase.
  let k = b;
  for (let steps = 0; k < l && steps < 4; steps++) {
    const w = s.lower(k);
    if (s.tok(k).kind !== 'word') break;
    if (ACTOR_VERBS.has(w) && !METONYMY_SKIP.has(w)) return true;
    if (METONYMY_SKIP.has(w) || (w.endsWith('ly') && w.length > 4)) k++;
    else if ((w === 'on' || w === 'last' || w === 'this' || w === 'earlier' || w === 'later') && k + 1 < l && MONTHS_AND_DAYS.has(s.lower(k + 1))) k += 2;
    else if ((w === 'last' || w === 'this') && k + 1 < l && /^(week|month|year)$/.test(s.lower(k + 1))) k += 2;
    else break;
  }
  // "has", "will" alone still count ("Washington has said" was taken above; "Washington will").
  return next.kind === 'word' && ACTOR_VERBS.has(next.text.toLowerCase());
}

const CLAUSE_JOINERS = new Set(['and', 'or', 'but', 'then', 'before', 'after', 'while', 'when', 'where', 'who', 'which', 'that']);

/** Verbs of supplying whose recipient, when a capital, is its government. */
const SUPPLY_VERBS = new Set(['supplied', 'supplies', 'supply', 'supplying', 'sold', 'sells', 'sell', 'selling', 'delivered', 'delivers', 'deliver', 'delivering', 'exported', 'exports', 'export', 'exporting', 'provided', 'provides', 'providing', 'transferred', 'transfers']);

/** A supply verb among the six words before `to` at token `toAt`, within the sentence and no clause break between. */
function supplyVerbBefore(s: SentenceScan, toAt: number): boolean {
  for (let k = toAt - 1; k >= Math.max(s.sentence.firstToken, toAt - 7); k--) {
    const t = s.tok(k);
    if (t.kind !== 'word' && t.text !== '-') return false;
    // "sold her flat and moved to Moscow": another verb's clause.
    const w = s.lower(k);
    if (CLAUSE_JOINERS.has(w) && !((w === 'and' || w === 'or') && !/(?:ed|^went|^flew|^came|^ran|^returned|^headed)$/.test(s.lower(k + 1)))) return false;
    if (SUPPLY_VERBS.has(w)) return true;
  }
  return false;
}
