import { entityIdFor } from '@newsgraph/shared';
import { gazetteerEntry, type GazetteerEntry } from '../../lexicon/gazetteer.ts';
import { isCapitalised } from './candidate.ts';
import type { SentenceScan } from './scan.ts';

/**
 * "Shahed-136", "Orlan-10", "Kh-101", "KN-25 rocket launchers": a weapon or machine model written
 * as a name, a hyphen and a number, with no spaces. It is Goods when the whole designator is known,
 * when its stem is a known system family ("Hwasong" of "Hwasong-11"), or when a goods word follows
 * the number ("KN-25 rocket launchers"): so "Terminal-2" or "Group-A" stay what they were. The
 * tokenizer splits the designator in three; reading it here keeps the number from being dropped
 * and the stem from being taken for a name of its own ("KN" as an organization).
 * Returns the end token, or -1; three lookups per candidate stem, no scan of the text.
 */
export function modelDesignatorEnd(s: SentenceScan, k: number, l: number): number {
  const entry = designatorEntry(s, k, l);
  if (!entry) return -1;
  s.push({ first: k, last: k + 3, type: 'Goods', entry, source: 'model-designator' });
  return k + 3;
}

/** Is [k, k+3) written as a designator ("Name-123")? Shape only, no lookups. */
export function isDesignatorShape(s: SentenceScan, k: number, l: number): boolean {
  if (k + 2 >= l) return false;
  const hyphen = s.tok(k + 1);
  const num = s.tok(k + 2);
  return isCapitalised(s.tok(k)) && hyphen.text === '-' && !hyphen.spaceBefore && num.kind === 'number' && !num.spaceBefore && !gluedWordAt(s, k + 3, l);
}

/** A word glued to the number ("Su-35S"): the designator goes on, and a shorter reading would be a fragment. */
function gluedWordAt(s: SentenceScan, k: number, l: number): boolean {
  return k < l && !s.tok(k).spaceBefore && s.tok(k).kind === 'word';
}

/** Does a Goods designator open at k? For a run of names to stop before it ("Russian | Orlan-10"). */
export function isModelDesignator(s: SentenceScan, k: number, l: number): boolean {
  return isDesignatorShape(s, k, l) && designatorEntry(s, k, l) !== null;
}

function designatorEntry(s: SentenceScan, k: number, l: number): GazetteerEntry | null {
  if (!isDesignatorShape(s, k, l)) return null;
  const whole = s.gazetteerAt(k, k + 3)?.find((e) => e.type === 'Goods');
  if (whole) return whole;
  const surface = s.spanText(k, k + 3);
  const stem = s.gazetteerAt(k, k + 1)?.find((e) => e.type === 'Goods');
  if (stem) return designatorOf(surface, stem.attributes.family ?? stem.name, stem.attributes.hs);
  const after = goodsWordAt(s, k + 3, l);
  return after ? designatorOf(surface, after.name, after.attributes.hs) : null;
}

/** The goods phrase opening at token k (lower case), if any: "rocket launchers", "drones". */
function goodsWordAt(s: SentenceScan, k: number, l: number): GazetteerEntry | null {
  const g = s.ctx.gazetteer;
  let key = '';
  let found: GazetteerEntry | null = null;
  for (let e = k; e < l && e < k + g.maxGoodsTokens; e++) {
    if (isCapitalised(s.tok(e))) break;
    key = e === k ? (s.ctx.keys[e] as string) : `${key} ${s.ctx.keys[e] as string}`;
    found = g.goods.get(key) ?? found;
    if (!g.goodsPrefixes.has(key)) break;
  }
  return found;
}

function designatorOf(surface: string, family: unknown, hs: unknown): GazetteerEntry {
  const attributes: Record<string, string> = { family: String(family) };
  if (typeof hs === 'string') attributes.hs = hs;
  return gazetteerEntry({ type: 'Goods', id: entityIdFor('Goods', surface), name: surface, attributes, form: 'name' });
}
