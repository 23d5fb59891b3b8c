import { modelDesignatorEnd } from '../model-designator.ts';
import { runEnd } from '../run-end.ts';
import type { RunSegmenter, RunSpan, SentencePass } from '../run.ts';
import { usStateAbbreviation } from '../us-state.ts';

/**
 * Runs of capitalised tokens in an ordinary sentence; each run is read by the first segmenter (in
 * the order given) that takes it. Model designators ("Shahed-136") and US state abbreviations,
 * where news style puts them, are read first.
 */
export function capitalisedRuns(segmenters: readonly RunSegmenter[]): SentencePass {
  return {
    name: 'capitalised-runs',
    run(s) {
      if (s.capsMode) return;
      const { firstToken: f, lastToken: l } = s.sentence;
      let k = f;
      while (k < l) {
        if (!s.isNameToken(k)) {
          k++;
          continue;
        }
        const model = modelDesignatorEnd(s, k, l);
        if (model > k) {
          k = model;
          continue;
        }
        const state = usStateAbbreviation(s, k, l);
        if (state > k) {
          k = state;
          continue;
        }
        const end = runEnd(s, k, l);
        const run: RunSpan = { begin: k, start: k, end };
        for (let i = 0; i < segmenters.length; i++) if ((segmenters[i] as RunSegmenter).run(s, run)) break;
        k = end;
      }
    },
  };
}
