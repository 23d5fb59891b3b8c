import { GOODS_LIKE_HEADS, PLANT_HEADS, PLANT_INDUSTRIES } from '../../../lexicon/company-words.ts';
import { ORG_SUFFIXES, PLACE_SUFFIXES } from '../../../lexicon/titles.ts';
import { stripDot } from '../candidate.ts';
import type { RunSegmenter } from '../run.ts';
import type { SentenceScan } from '../scan.ts';
import { LEGAL_FORM_WORDS } from '../words.ts';

/** "… Authority", "… Holdings Ltd": a run ending in an organization head or legal form is one Organization. */
export const orgSuffix: RunSegmenter = {
  name: 'org-suffix',
  run(s, r) {
    const { start: i, end } = r;
    const lastWord = stripDot(s.lower(end - 1));
    // "Japanese Electronics": a demonym before a goods-like head names goods, not a company.
    const goodsAfterDemonym = end - i === 2 && GOODS_LIKE_HEADS.has(lastWord) && (s.gazetteerAt(i, i + 1)?.some((e) => e.form === 'demonym') ?? false);
    // "Baikal Aviation Plant": a plant's name is a firm when an industry word comes before its head.
    const plant = end - i >= 3 && PLANT_HEADS.has(lastWord) && PLANT_INDUSTRIES.has(s.lower(end - 2));
    if (!(end - i >= 2 && (ORG_SUFFIXES.has(lastWord) || ORG_SUFFIXES.has(s.lower(end - 1)) || plant) && !PLACE_SUFFIXES.has(lastWord) && !goodsAfterDemonym)) return false;
    // "Co Inc", "Corp PLC": legal forms with no name before them are no organization.
    if (onlyLegalForms(s, i, end)) return true;
    s.push({ first: i, last: end, type: 'Organization', source: 'org-suffix' });
    return true;
  },
};

function onlyLegalForms(s: SentenceScan, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!LEGAL_FORM_WORDS.has(stripDot(s.lower(k))) && s.tok(k).kind === 'word') return false;
  return true;
}
