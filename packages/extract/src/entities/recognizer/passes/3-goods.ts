import type { GazetteerEntry } from '../../../lexicon/gazetteer.ts';
import { GOODS_MODIFIED_NOUNS, GOODS_OTHER_SENSE_BEFORE, GOODS_PRODUCER_NOUNS, GOODS_TRADED_BEFORE, GOODS_VERB_FORMS, STRICT_GOODS_CONTEXT_WORDS, VERB_OPENERS } from '../../../lexicon/goods.ts';
import { isCapitalised } from '../candidate.ts';
import type { Candidate } from '../candidate.ts';
import type { SentencePass } from '../run.ts';
import type { SentenceScan } from '../scan.ts';

const BODY_OWNERS = new Set(['his', 'her', 'their', 'my', 'your', 'its', 'our', 'whose', 'open', 'folded', 'outstretched']);
const MEDAL_WORDS = new Set(['olympic', 'medal', 'medals', 'medallist', 'medalist', 'winning', 'won', 'win', 'wins', 'clinched', 'took', 'silver', 'bronze', 'championship', 'championships', 'record', 'disc', 'discs', 'album', 'standard']);

/** Goods, matched over lower-case text outside the names already found, with sense checks. */
export const goods: SentencePass = {
  name: 'goods',
  run(s) {
    const { firstToken: f, lastToken: l } = s.sentence;
    const g = s.ctx.gazetteer;
    const taken = takenTokens(l - f);
    // A lone unknown acronym ("DC", "CNC") may be the opening of a goods phrase: left free here,
    // and dropped below when goods cover it.
    const looseAcronyms = looseAcronymsOf(s);
    for (let ci = 0; ci < s.out.length; ci++) {
      const c = s.out[ci] as Candidate;
      if (looseAcronyms.includes(c)) continue;
      for (let k = c.first; k < c.last; k++) if (k >= f && k < l) taken[k - f] = 1;
    }
    let k = f;
    while (k < l) {
      const t = s.tok(k);
      // No goods form starts with this word: nothing below can match here (one set lookup
      // instead of the goods and prefix lookups for most words).
      if (t.kind !== 'word' || taken[k - f] || !g.goodsStarts.has(s.ctx.keys[k] as string)) {
        k++;
        continue;
      }
      k = goodsFrom(s, k, taken, looseAcronyms);
    }
  },
};

/**
 * Goods starting at token k, a word some goods form starts with: the candidate is pushed and its
 * end returned, or k + 1. (Apart from the per-word loop in `run`: this part runs for few words,
 * so a deopt in one of its rarely taken branches recompiles it alone, not the loop as well.)
 */
function goodsFrom(s: SentenceScan, k: number, taken: Uint8Array, looseAcronyms: readonly Candidate[]): number {
  const { firstToken: f, lastToken: l } = s.sentence;
  const g = s.ctx.gazetteer;
  const t = s.tok(k);
  // A capitalised word starts no goods, except an acronym opening a longer goods phrase ("DC motors", "CNC machines").
  const capitalised = isCapitalised(t) && !s.isSentenceInitial(k) && !s.capsMode;
  const acronymGoods = capitalised && isAcronym(t.text) && isAcronymGoods(s, k, f, l);
  if (t.kind !== 'word' || taken[k - f] || (capitalised && !acronymGoods && !(isAcronym(t.text) && s.ctx.gazetteer.goodsPrefixes.has(s.lower(k))))) {
    return k + 1;
  }
  let found = -1;
  let foundEntry: GazetteerEntry | undefined;
  let key = '';
  for (let e = k + 1; e <= l; e++) {
    if (taken[e - 1 - f]) break;
    key = e === k + 1 ? (s.ctx.keys[k] as string) : key + ' ' + (s.ctx.keys[e - 1] as string);
    const entry = g.goods.get(key);
    if (entry) {
      found = e;
      foundEntry = entry;
    }
    if (!g.goodsPrefixes.has(key)) break;
  }
  if (capitalised && found === k + 1 && !acronymGoods) found = -1;
  // Bare "crude" is an adjective unless it is somebody's crude or crude being traded.
  if (found === k + 1 && s.lower(k) === 'crude' && !isCrudeOil(s, k, f, l)) found = -1;
  // One word ("arms", "gold", "chips", "technology") is goods only in a sentence about trade,
  // shipping or the military, and never as a body part or a medal.
  if (found === k + 1 && foundEntry && !foundEntry.goodsAlways && !isGoodsSense(s, k, f, l)) found = -1;
  if (found === k + 1 && foundEntry?.goodsStrict && !s.sentenceHas(STRICT_GOODS_CONTEXT_WORDS, f, l)) found = -1;
  // "think tanks", "coal mines", "would fuel the war", "fuel tanks": another sense of the word.
  if (found === k + 1 && otherSense(s, k, f, l)) found = -1;
  // "arms factories", "a drone maker", "missile programmes": what a maker makes, not goods traded.
  if (found > k && found < l && GOODS_PRODUCER_NOUNS.has(s.lower(found))) found = -1;
  // "tankers carrying oil": a carrier unless it is what is sold, bought or built.
  if (found > k && foundEntry?.goodsTraded && !GOODS_TRADED_BEFORE.test(textBefore(s, k))) found = -1;
  // A loose acronym is goods only as the opening of a longer goods phrase ("DC motors").
  // (Most sentences have none: no search. No closure either: one capturing `k` and `found`
  // made V8 allocate a context for every word the loop in `run` visits, a twentieth of all the memory
  // extraction allocated.)
  const acronym = looseAcronyms.length === 0 ? undefined : looseAcronymIn(looseAcronyms, k, found);
  if (acronym && !(acronym.first === k && (found > k + 1 || acronymGoods))) found = -1;
  if (found > k && foundEntry) {
    if (acronym) s.out.splice(s.out.indexOf(acronym), 1);
    s.push({ first: k, last: found, type: 'Goods', entry: foundEntry, source: 'goods' });
    return found;
  }
  return k + 1;
}

/** The sentence's candidates that are a lone unknown acronym (no closure or copy when there is none, as in most sentences). */
function looseAcronymsOf(s: SentenceScan): readonly Candidate[] {
  let found: Candidate[] | null = null;
  for (let i = 0; i < s.out.length; i++) {
    const c = s.out[i] as Candidate;
    if (c.last - c.first === 1 && !c.entry && c.type !== 'Person' && isAcronym(s.tok(c.first).text)) (found ??= []).push(c);
  }
  return found ?? NONE;
}

const NONE: readonly Candidate[] = [];

/** The first loose acronym starting in [from, to), if any. */
function looseAcronymIn(acronyms: readonly Candidate[], from: number, to: number): Candidate | undefined {
  for (let i = 0; i < acronyms.length; i++) {
    const c = acronyms[i] as Candidate;
    if (c.first >= from && c.first < to) return c;
  }
  return undefined;
}

/**
 * "HTPB", "RDX", "TNT": an acronym that is itself a goods form of the always-goods kind
 * (explosives, precursors), read as goods only in a sentence about export controls, transfers or
 * the military, so a company of the same letters in a business story stays a company.
 */
function isAcronymGoods(s: SentenceScan, k: number, f: number, l: number): boolean {
  const entry = s.ctx.gazetteer.goods.get(s.ctx.keys[k] as string);
  return entry !== undefined && entry.goodsAlways === true && s.sentenceHas(STRICT_GOODS_CONTEXT_WORDS, f, l);
}

function otherSense(s: SentenceScan, k: number, f: number, l: number): boolean {
  const w = s.lower(k);
  const prev = k > f ? s.lower(k - 1) : '';
  if (GOODS_OTHER_SENSE_BEFORE.get(w)?.has(prev)) return true;
  if (GOODS_VERB_FORMS.has(w) && VERB_OPENERS.has(prev)) return true;
  return k + 1 < l && GOODS_MODIFIED_NOUNS.has(s.lower(k + 1));
}

function isGoodsSense(s: SentenceScan, k: number, f: number, l: number): boolean {
  const prev = k > f ? s.lower(k - 1) : '';
  const next = k + 1 < l ? s.lower(k + 1) : '';
  // "his arms", "the goalkeeper's arms", "Olympic gold", "gold medal".
  if (BODY_OWNERS.has(prev) || (k > f && s.tok(k - 1).kind === 'possessive' && s.lower(k) === 'arms')) return false;
  if (MEDAL_WORDS.has(prev) || MEDAL_WORDS.has(next)) return false;
  return s.hasGoodsContext(f, l);
}

function isCrudeOil(s: SentenceScan, k: number, f: number, l: number): boolean {
  if (k > f && s.out.some((c) => c.last === k && c.type === 'Country')) return true;
  const next = k + 1 < l ? s.lower(k + 1) : '';
  return /^(prices?|exports?|imports?|output|production|supplies|supply|shipments?|cargoes|cargo|sales|futures|oil|inventories|stocks|purchases|buyers?|\.|,)$/.test(next);
}

/** Up to 40 characters of the sentence before token k. */
function textBefore(s: SentenceScan, k: number): string {
  const at = s.tok(k).start;
  return s.ctx.text.slice(Math.max(s.sentence.start, at - 40), at);
}

/**
 * One zeroed flag per token of the sentence, in a buffer kept between sentences: a fresh typed
 * array per sentence was a tenth of all the memory extraction allocated (its buffer object
 * and backing store), for some twenty bytes of flags.
 */
let takenBuffer = new Uint8Array(256);
function takenTokens(n: number): Uint8Array {
  if (n > takenBuffer.length) takenBuffer = new Uint8Array(Math.max(n, takenBuffer.length * 2));
  takenBuffer.fill(0, 0, n);
  return takenBuffer;
}

function isAcronym(word: string): boolean {
  return /^[A-Z]{2,5}$/.test(word);
}
