import { MISC_LAST_WORDS } from '../../../lexicon/titles.ts';
import { isCapitalised } from '../candidate.ts';
import type { RunSegmenter } from '../run.ts';

/** "Uruguay Round", "Davis Cup", "Gulf War": an event named after a place is no mention of the place. */
export const eventAfterPlace: RunSegmenter = {
  name: 'event-after-place',
  run: (s, r) =>
    r.end - r.start === 2 &&
    MISC_LAST_WORDS.has(s.lower(r.end - 1)) &&
    isCapitalised(s.tok(r.end - 1)) &&
    (s.gazetteerAt(r.start, r.start + 1)?.some((e) => e.type === 'Country' || e.type === 'Place') ?? false),
};
