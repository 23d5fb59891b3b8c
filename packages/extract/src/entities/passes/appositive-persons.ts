import type { Token } from '../../text/tokenizer.ts';
import type { Candidate } from '../recognizer/index.ts';

/**
 * Pass "appositive-persons": a name of unknown type followed by an age or by a post that only
 * people hold is a person, though no first name is written: "Winter, 53, a former Yale law
 * professor", "Harrington, a professor of political science", "Tal, a senior Defense Ministry
 * official". The posts are nouns for people (a company can be "a partner of" or "the owner of",
 * so those are not among them, nor posts a firm can fill: "Fidelity, the fund manager", "Lazard, the
 * adviser"); a capitalised first word of a sentence that the document also
 * writes in lower case is an ordinary word.
 */

const PERSON_POSTS = new Set(
  `professor lecturer lawyer attorney spokesman spokeswoman spokesperson official officer economist analyst strategist
  senator congressman congresswoman lawmaker legislator judge prosecutor minister secretary president vice-president
  chairman chairwoman director editor reporter correspondent columnist writer author novelist poet playwright
  researcher scientist physicist chemist biologist historian aide
  diplomat ambassador governor mayor colonel commander coach player striker midfielder defender goalkeeper
  actor actress singer composer photographer designer architect engineer doctor surgeon nurse teacher student
  priest bishop rabbi imam activist dissident republican democrat conservative liberal socialist veteran
  businessman businesswoman entrepreneur tycoon farmer`
    .split(/\s+/)
    .filter(Boolean),
);
/** Words between the article and the post: "a senior Defense Ministry official", "the former Yale University law professor". */
const MAX_WORDS_BEFORE_POST = 5;

export function markAppositivePersons(tokens: readonly Token[], candidates: Candidate[], lowerInDocument: ReadonlySet<string>, sentenceStarts: ReadonlySet<number>): void {
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci] as Candidate;
    if (c.type !== null || c.last - c.first > 2 || tokens[c.last]?.text !== ',') continue;
    const first = tokens[c.first] as Token;
    if (c.last - c.first === 1 && sentenceStarts.has(first.start) && lowerInDocument.has(first.text.toLowerCase())) continue;
    if (!ageAt(tokens, c.last + 1) && !personPostAt(tokens, c.last + 1)) continue;
    c.type = 'Person';
    c.source = 'appositive-person';
  }
}

/** ", 53," */
function ageAt(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  return !!t && /^\d{1,2}$/.test(t.text) && Number(t.text) >= 16 && tokens[k + 1]?.text === ',';
}

/** ", a/an/the <up to five words> <post>" with the post a noun for people, then a break or a preposition. */
function personPostAt(tokens: readonly Token[], k: number): boolean {
  if (!/^(?:a|an|the)$/i.test(tokens[k]?.text ?? '')) return false;
  for (let n = 0, i = k + 1; n <= MAX_WORDS_BEFORE_POST && i < tokens.length; n++, i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'word') return false;
    if (PERSON_POSTS.has(t.text.toLowerCase()) && /^(?:[,.;)]|of|at|for|with|in|from|who|and)$/.test(tokens[i + 1]?.text ?? '.')) return true;
  }
  return false;
}
