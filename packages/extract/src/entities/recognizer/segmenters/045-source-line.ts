import type { RunSegmenter } from '../run.ts';

/** A monitoring service's item code ("NC1404123794": region letters, then day, month, time, year digits). */
const ITEM_CODE = /^[A-Z]{2}\d{8,12}$/;

/** Last words of a broadcaster's name in a source line. */
const BROADCAST_WORD = /^(?:radio|television|tv|network|service|international)$/;

/**
 * "NC1404123794 Cairo AL-AHALI in Arabic 6 Apr 94", "London Kanal-6 Television in Turkish 1700 GMT":
 * a translated item's source line names the city, then the outlet, then the language and the date.
 * The run opens with a known city; the rest of it is the outlet, an organization. Read only where the
 * line says so: an item code before the run (or inside it, after a headline), "in <Language> <number>"
 * right after it, or a line that holds only the city and an outlet written in capitals.
 */
export const sourceLine: RunSegmenter = {
  name: 'source-line',
  run: (s, r) => {
    const l = s.sentence.lastToken;
    // The code is capitalised too, so it may open the run, or stand inside it after the item's
    // capitalised headline ("Yeltsin Orders Audit MK1401103094 Moscow ...").
    let codeAt = -1;
    for (let k = r.start; k < r.end - 1 && codeAt < 0; k++) if (ITEM_CODE.test(s.tok(k).text)) codeAt = k;
    const start = codeAt >= 0 ? codeAt + 1 : r.start;
    const coded = codeAt >= 0 || (r.start > s.sentence.firstToken && ITEM_CODE.test(s.tok(r.start - 1).text));
    const language = r.end + 2 < l && s.lower(r.end) === 'in' && /^\p{Lu}\p{Ll}+$/u.test(s.tok(r.end + 1).text) && s.tok(r.end + 2).kind === 'number';
    // A line of only "<city> <outlet>": the outlet's name in capitals, as the service writes it
    // ("Lyon LA VOIX"), or a broadcaster's ("Lyon Radio Rhone Network").
    const bare = r.start === s.sentence.firstToken && r.end === l && r.end - r.start >= 2 && (/^\p{Lu}[\p{Lu}\d-]+$/u.test(s.tok(r.end - 1).text) || BROADCAST_WORD.test(s.lower(r.end - 1)));
    if (!coded && !language && !bare) return false;
    let city = -1;
    for (let m = Math.min(r.end - 1, start + 3); m > start; m--) {
      if (s.gazetteerAt(start, m)?.some((e) => e.type === 'Place' && e.form !== 'demonym')) {
        city = m;
        break;
      }
    }
    if (city < 0) return false;
    s.push({ first: start, last: city, type: 'Place', source: 'source-line' });
    s.push({ first: city, last: r.end, type: 'Organization', source: 'source-line' });
    return true;
  },
};
