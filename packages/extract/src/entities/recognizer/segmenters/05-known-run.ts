import { emitKnown } from '../known.ts';
import type { RunSegmenter } from '../run.ts';

/** The whole run is a known name (gazetteer or learned lexicon). */
export const knownRun: RunSegmenter = {
  name: 'known-run',
  run: (s, r) => emitKnown(s, r.start, r.end, 'gazetteer'),
};
