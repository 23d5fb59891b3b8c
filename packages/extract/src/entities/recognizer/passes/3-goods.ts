import type { GazetteerEntry } from '../../../lexicon/gazetteer.ts';
import { STRICT_GOODS_CONTEXT_WORDS } from '../../../lexicon/goods.ts';
import { isCapitalised } from '../candidate.ts';
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
    const taken = new Uint8Array(l - f);
    for (const c of s.out) for (let k = c.first; k < c.last; k++) if (k >= f && k < l) taken[k - f] = 1;
    let k = f;
    while (k < l) {
      const t = s.tok(k);
      if (t.kind !== 'word' || taken[k - f] || (isCapitalised(t) && !s.isSentenceInitial(k) && !s.capsMode)) {
        k++;
        continue;
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
      // Bare "crude" is an adjective unless it is somebody's crude or crude being traded.
      if (found === k + 1 && s.lower(k) === 'crude' && !isCrudeOil(s, k, f, l)) found = -1;
      // One word ("arms", "gold", "chips", "technology") is goods only in a sentence about trade,
      // shipping or the military, and never as a body part or a medal.
      if (found === k + 1 && foundEntry && !foundEntry.goodsAlways && !isGoodsSense(s, k, f, l)) found = -1;
      if (found === k + 1 && foundEntry?.goodsStrict && !s.sentenceHas(STRICT_GOODS_CONTEXT_WORDS, f, l)) found = -1;
      if (found > k && foundEntry) {
        s.push({ first: k, last: found, type: 'Goods', entry: foundEntry, source: 'goods' });
        k = found;
      } else k++;
    }
  },
};

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
