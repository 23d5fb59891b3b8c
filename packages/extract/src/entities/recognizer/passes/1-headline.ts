import { FUNCTION_WORDS } from '../../../lexicon/word-classes.ts';
import { emitKnown } from '../known.ts';
import type { SentencePass } from '../run.ts';

/** In an all-caps sentence (a headline) capitalisation says nothing: only known phrases are taken. */
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
