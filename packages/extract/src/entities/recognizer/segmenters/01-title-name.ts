import type { RunSegmenter } from '../run.ts';
import { splitTitle } from '../titles.ts';

/** A title in front of a name: "Deputy Treasury Secretary Wally Adeyemo". */
export const titleName: RunSegmenter = {
  name: 'title-name',
  run: (s, r) => splitTitle(s, r.start, r.end),
};
