import type { GazetteerEntry } from '../../../lexicon/gazetteer.ts';
import { argmax } from '../classify.ts';
import { longestKnown, longestKnownWithin } from '../known.ts';
import type { RunSegmenter } from '../run.ts';
import type { SentenceScan } from '../scan.ts';
import { emitUnknown } from '../unknown.ts';

/**
 * With a learned lexicon an unknown run is one name typed as a whole ("Michael Johnson" is not
 * "Michael" + "Johnson"); with public lexicons only, the greedy segmenter takes known pieces.
 */
export const lexiconWhole: RunSegmenter = {
  name: 'lexicon-whole',
  run(s, r) {
    if (!(s.ctx.lexicon && r.end - r.start >= 2 && !startsWithKnownCountry(s, r.start, r.end) && !splitsIntoKnownNames(s, r.start, r.end))) return false;
    emitUnknown(s, r.start, r.end);
    return true;
  },
};

/** "Lebed Chechnya": the run is wholly made of known names of different types. */
function splitsIntoKnownNames(s: SentenceScan, a: number, b: number): boolean {
  const types = new Set<string>();
  let k = a;
  while (k < b) {
    const m = longestKnown(s, k, b);
    if (m <= k || m > b) return false;
    const g = s.gazetteerAt(k, m);
    const lex = s.lexiconAt(k, m);
    types.add(g ? (g[0] as GazetteerEntry).type.replace('Country', 'Place') : lex ? (['Person', 'Organization', 'Place', 'MISC'][argmax(lex)] as string) : '?');
    k = m;
  }
  return types.size >= 2;
}

/** "Iranian Mahan Air": a leading country/demonym that is a separate mention. */
function startsWithKnownCountry(s: SentenceScan, a: number, b: number): boolean {
  const m = longestKnownWithin(s, a, b);
  if (m <= a || m >= b) return false;
  const g = s.gazetteerAt(a, m);
  return g !== null && g.some((e) => e.type === 'Country' && e.form === 'demonym');
}
