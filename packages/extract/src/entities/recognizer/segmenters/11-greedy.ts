import { segmentGreedy } from '../greedy.ts';
import type { RunSegmenter } from '../run.ts';

/** Last resort: the longest known phrase at each position, unknown stretches typed by context. */
export const greedy: RunSegmenter = {
  name: 'greedy',
  run(s, r) {
    segmentGreedy(s, r.start, r.end);
    return true;
  },
};
