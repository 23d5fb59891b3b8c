import type { SentenceScan } from './scan.ts';

/** A run of capitalised tokens being segmented: [start, end), `start` moves as leading words are dropped. */
export interface RunSpan {
  /** Where the run began. */
  readonly begin: number;
  start: number;
  readonly end: number;
}

/**
 * One way of reading a run of capitalised tokens ("title + name", "… Authority", a known name...).
 * `run` pushes candidates and returns true when it has read the run; false lets the next one try.
 */
export interface RunSegmenter {
  name: string;
  run(s: SentenceScan, run: RunSpan): boolean;
}

/** A per-sentence pass over the tokens; candidates go to `s.out`. */
export interface SentencePass {
  name: string;
  run(s: SentenceScan): void;
}
