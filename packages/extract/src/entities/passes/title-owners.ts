import type { Token } from '../../text/tokenizer.ts';
import type { Candidate } from '../recognizer.ts';

/**
 * Pass "title-owners": a name of unknown type written right before a title of a company, club or
 * agency post and a person's name is the organization the person serves: "Yukos boss Mikhail
 * Khodorkovsky", "Everton manager David Moyes", "Qantas chief executive Geoff Dixon", "Balco
 * founder Victor Conte". Only posts that belong to an organization count (not "Labour MP",
 * where the word is a party but the post is Parliament's, nor government posts, where the word
 * before is mostly a country); a capitalised first word of a sentence that the document also
 * writes in lower case ("Charity boss Gordon Lishman") is an ordinary word.
 */

/** Last word of a post in an organization (lower case), possibly after up to two more words ("chief executive"). */
const ORG_POSTS = new Set(
  `boss chief executive chairman chairwoman chair president director manager coach striker midfielder defender
  goalkeeper keeper forward winger captain skipper spokesman spokeswoman spokesperson founder co-founder owner
  head analyst economist strategist ceo cfo coo cto full-back centre-back playmaker`
    .split(/\s+/)
    .filter(Boolean),
);
/** Words that may stand between the name and the post: "chief executive", "assistant manager", "first-team coach". */
const POST_MODIFIERS = new Set(['chief', 'executive', 'managing', 'deputy', 'assistant', 'vice', 'first-team', 'caretaker', 'interim', 'acting', 'former', 'finance', 'operating', 'technical', 'general', 'senior', 'team', 'group']);

export function markTitleOwners(tokens: readonly Token[], candidates: Candidate[], lowerInDocument: ReadonlySet<string>, sentenceStarts: ReadonlySet<number>): void {
  const byFirst = new Map<number, Candidate>();
  for (const c of candidates) byFirst.set(c.first, c);
  for (const c of candidates) {
    if (c.type !== null) continue;
    // Up to three lower-case words, the last a post, then a person's name.
    let k = c.last;
    let post = false;
    for (let n = 0; n < 3 && k < tokens.length; n++, k++) {
      const w = (tokens[k] as Token).text;
      if (w !== w.toLowerCase() || !(ORG_POSTS.has(w) || POST_MODIFIERS.has(w))) break;
      post = ORG_POSTS.has(w);
    }
    if (!post) continue;
    const person = byFirst.get(k);
    if (!person || person.type !== 'Person' || person.sentenceIndex !== c.sentenceIndex) continue;
    const first = tokens[c.first] as Token;
    if (c.last - c.first === 1 && sentenceStarts.has(first.start) && lowerInDocument.has(first.text.toLowerCase())) continue;
    c.type = 'Organization';
    c.source = 'title-owner';
  }
}
