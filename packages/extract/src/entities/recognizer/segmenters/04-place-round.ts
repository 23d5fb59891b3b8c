import type { RunSegmenter } from '../run.ts';

/** "the Uruguay round (of talks)": a negotiation named after a place, written in lower case. */
export const placeRound: RunSegmenter = {
  name: 'place-round',
  run: (s, r) => r.end < s.sentence.lastToken && s.lower(r.end) === 'round' && (s.gazetteerAt(r.start, r.end)?.some((e) => e.type === 'Country' || e.type === 'Place') ?? false),
};
