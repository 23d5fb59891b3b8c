import { PLACE_SUFFIXES } from '../../../lexicon/titles.ts';
import { stripDot } from '../candidate.ts';
import type { RunSegmenter } from '../run.ts';

/** "… Province", "… Island": an unknown run ending in a place word is a Place. */
export const placeSuffix: RunSegmenter = {
  name: 'place-suffix',
  run(s, r) {
    if (!(r.end - r.start >= 2 && PLACE_SUFFIXES.has(stripDot(s.lower(r.end - 1))) && !s.isKnown(r.start, r.end))) return false;
    s.push({ first: r.start, last: r.end, type: 'Place', source: 'place-suffix' });
    return true;
  },
};
