import { LEGAL_FORM_OPENERS } from '../../../lexicon/company-words.ts';
import { ORG_OF_HEADS, ORG_SUFFIXES, TITLE_WORDS } from '../../../lexicon/titles.ts';
import type { RunSegmenter } from '../run.ts';
import type { SentenceScan } from '../scan.ts';
import { splitTitle } from '../titles.ts';

/**
 * Drop capitalised ordinary words at the start of a sentence ("Speakers from HSBC") and a leading
 * "The"; a title may then open what is left ("The Deputy Minister X").
 */
export const leadingWords: RunSegmenter = {
  name: 'leading-words',
  run(s, r) {
    let i = r.start;
    while (i < r.end && !s.isKnown(i, r.end) && !(i + 1 < r.end && s.tok(i + 1).kind === 'possessive') && ((s.isSentenceInitial(i) && s.isCommonWord(i) && !opensOrganization(s, i, r.end)) || (s.lower(i) === 'the' && i + 1 < r.end))) {
      i++;
    }
    r.start = i;
    if (i >= r.end) {
      // "Reading 2 Stoke 2": an ordinary word opening a result line is kept, untyped, for the sports pass.
      if (r.end - r.begin === 1 && r.end < s.sentence.lastToken && s.tok(r.end).kind === 'number') s.push({ first: r.begin, last: r.end, type: null, source: 'capitalised' });
      return true;
    }
    return i > r.begin && splitTitle(s, i, r.end);
  },
};

/** "State Administration of Taxation", "National Bank of ...": a title word before an organization head opens its name; so does a legal form. */
function opensOrganization(s: SentenceScan, i: number, end: number): boolean {
  // "OOO Severny Potok bought ...": a legal form written first opens the name, even as a sentence's first word.
  if (i + 1 < end && LEGAL_FORM_OPENERS.has(s.tok(i).text)) return true;
  return i + 1 < end && TITLE_WORDS.has(s.lower(i)) && (ORG_SUFFIXES.has(s.lower(i + 1)) || ORG_OF_HEADS.has(s.lower(i + 1)));
}
