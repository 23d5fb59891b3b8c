import type { RunSegmenter } from '../run.ts';
import { splitTitle } from '../titles.ts';

/**
 * Drop capitalised ordinary words at the start of a sentence ("Speakers from HSBC") and a leading
 * "The"; a title may then open what is left ("The Deputy Minister X").
 */
export const leadingWords: RunSegmenter = {
  name: 'leading-words',
  run(s, r) {
    let i = r.start;
    while (i < r.end && !s.isKnown(i, r.end) && !(i + 1 < r.end && s.tok(i + 1).kind === 'possessive') && ((s.isSentenceInitial(i) && s.isCommonWord(i)) || (s.lower(i) === 'the' && i + 1 < r.end))) {
      i++;
    }
    r.start = i;
    if (i >= r.end) return true;
    return i > r.begin && splitTitle(s, i, r.end);
  },
};
