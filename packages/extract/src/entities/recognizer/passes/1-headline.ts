import { FUNCTION_WORDS } from '../../../lexicon/word-classes.ts';
import { emitKnown } from '../known.ts';
import type { SentencePass } from '../run.ts';
import { usStateAbbreviation } from '../us-state.ts';

/**
 * In an all-caps sentence (a headline) capitalisation says nothing: only known phrases are taken,
 * and a US state abbreviation after "TOWN," ("ALBANY, N.Y.", a dateline in capitals), which is
 * written so only in an address; the us-towns pass then reads the town before it.
 */
export const headline: SentencePass = {
  name: 'headline',
  run(s) {
    if (!s.capsMode) return;
    const { firstToken: f, lastToken: l } = s.sentence;
    let k = f;
    while (k < l) {
      if (s.tok(k).kind !== 'word') {
        k++;
        continue;
      }
      let m = k;
      let key = '';
      for (let e = k + 1; e <= l; e++) {
        key = e === k + 1 ? (s.ctx.keys[k] as string) : key + ' ' + (s.ctx.keys[e - 1] as string);
        if (s.tok(e - 1).kind === 'word' && s.isKnownInCaps(k, e, key)) m = e;
        if (!s.hasPrefix(key)) break;
      }
      if (m > k) {
        emitKnown(s, k, m, 'gazetteer');
        k = m;
      } else if (s.tok(k - 1)?.text === ',' && usStateAbbreviation(s, k, l) > k) {
        k++;
      } else {
        // Unknown words of a headline may still be a surname or short name used in the body.
        const w = s.lower(k);
        if (w.length >= 3 && !FUNCTION_WORDS.has(w) && !s.ctx.words.common.has(w) && /^\p{L}+$/u.test(w)) {
          s.push({ first: k, last: k + 1, type: null, source: 'headline' });
        }
        k++;
      }
    }
  },
};
