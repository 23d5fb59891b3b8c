import { HONORIFICS, ROLE_HEADS, TITLE_WORDS } from '../../lexicon/titles.ts';
import { ORGANIZATION_NOUNS } from '../../lexicon/organization-nouns.ts';
import { FUNCTION_WORDS, MONTHS_AND_DAYS, wordClasses } from '../../lexicon/word-classes.ts';
import type { Token } from '../../text/tokenizer.ts';
import { newCandidate } from '../recognizer/index.ts';
import type { Candidate } from '../recognizer/index.ts';

/**
 * Pass "title-owners": a name of unknown type written right before a title of a company, club or
 * agency post and a person's name is the organization the person serves: "Yukos boss Mikhail
 * Khodorkovsky", "Everton manager David Moyes", "Qantas chief executive Geoff Dixon", "Balco
 * founder Victor Conte". Only posts that belong to an organization count (not "Labour MP",
 * where the word is a party but the post is Parliament's, nor government posts, where the word
 * before is mostly a country); a capitalised first word of a sentence that the document also
 * writes in lower case ("Charity boss Gordon Lishman") is an ordinary word.
 *
 * The same organization written after the post, in an appositive to a person's name: "said Ana
 * Ruiz, president of Dunmore Analytics", "Ruiz, chief economist at Halvorsen Partners", "Ruiz, head
 * of equity research at Tarn Securities". The words between the comma and the preposition are in
 * lower case and hold a post of an organization (not a government's: "X, minister of Finance" names
 * a portfolio, not a body), so the capitalised words after it can only be the employer.
 *
 * A one-word name the recognizer let go because it is also a word ("Arsenal boss Arsene Wenger",
 * "Everton manager David Moyes") is read the same way, when it is capitalised inside a sentence
 * here or elsewhere in the document, and is no function, title or calendar word.
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
  const byLast = new Map<number, Candidate>();
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci] as Candidate;
    byFirst.set(c.first, c);
    byLast.set(c.last, c);
  }
  addUncoveredOwners(tokens, candidates, byFirst, sentenceStarts);
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci] as Candidate;
    if (c.type === null && employerAfterPost(tokens, c, byLast)) {
      c.type = 'Organization';
      c.source = 'title-owner';
      continue;
    }
    // "Ways and Means chairman X": the end of a longer name, not a name of its own.
    if (/^(?:and|of|&|for)$/i.test(tokens[c.first - 1]?.text ?? '')) continue;
    // Up to three lower-case words, the last a post, then a person's name.
    let k = c.last;
    let post = false;
    for (let n = 0; n < 3 && k < tokens.length; n++, k++) {
      const w = (tokens[k] as Token).text;
      if (w !== w.toLowerCase() || !(ORG_POSTS.has(w) || POST_MODIFIERS.has(w))) break;
      post = ORG_POSTS.has(w);
    }
    // "John Georges, International Paper's chairman": the post after the owner's possessive, the person before.
    if (!post && possessiveAt(tokens, c.last) && ownerPostAfter(tokens, c.last + possessiveLength(tokens, c.last)) && personBeforeComma(tokens, c, byLast)) {
      c.type = 'Organization';
      c.source = 'title-owner';
      continue;
    }
    const person = byFirst.get(skipHonorific(tokens, k));
    if (!post || !person || person.type !== 'Person' || person.sentenceIndex !== c.sentenceIndex) continue;
    const first = tokens[c.first] as Token;
    if (c.last - c.first === 1 && sentenceStarts.has(first.start) && lowerInDocument.has(first.text.toLowerCase())) continue;
    c.type = 'Organization';
    c.source = 'title-owner';
  }
}

function postThenPerson(tokens: readonly Token[], from: number, byFirst: ReadonlyMap<number, Candidate>): Candidate | null {
  let k = from;
  let post = false;
  for (let n = 0; n < 3 && k < tokens.length; n++, k++) {
    const w = (tokens[k] as Token).text;
    if (w !== w.toLowerCase() || !(ORG_POSTS.has(w) || POST_MODIFIERS.has(w))) break;
    post = ORG_POSTS.has(w);
  }
  const person = byFirst.get(skipHonorific(tokens, k));
  return post && person?.type === 'Person' ? person : null;
}

/** "Qantas boss Mr Dixon", "United boss Sir Alex Ferguson": the person's name after an honorific. */
function skipHonorific(tokens: readonly Token[], k: number): number {
  const t = tokens[k];
  if (!t || !HONORIFICS.has(t.text.toLowerCase()) || !/^(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady|Prof)$/.test(t.text)) return k;
  return tokens[k + 1]?.text === '.' ? k + 2 : k + 1;
}

function isPlainWordOrTitle(lower: string): boolean {
  return FUNCTION_WORDS.has(lower) || MONTHS_AND_DAYS.has(lower) || TITLE_WORDS.has(lower) || ROLE_HEADS.has(lower) || HONORIFICS.has(lower);
}

/** One capitalised word no candidate covers, right before a post and a person: a new organization candidate. */
function addUncoveredOwners(tokens: readonly Token[], candidates: Candidate[], byFirst: Map<number, Candidate>, sentenceStarts: ReadonlySet<number>): void {
  const owners: UncoveredOwners = { tokens, candidates, byFirst, sentenceStarts, covered: null, capitalisedInside: null, added: [] };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    // A lower-case ASCII letter first can never pass the capitalised-word test below: skip before the set lookups.
    const c0 = t.text.charCodeAt(0);
    if (t.kind !== 'word' || t.text.length < 3 || (c0 >= 97 && c0 <= 122)) continue;
    // Cheap test first: the next word must be a post.
    const next = tokens[i + 1]?.text ?? '';
    if (!ORG_POSTS.has(next) && !POST_MODIFIERS.has(next)) continue;
    addOwnerAt(owners, i);
  }
  const { added } = owners;
  if (added.length === 0) return;
  candidates.push(...added);
  candidates.sort((a, b) => a.first - b.first);
}

/** The document addUncoveredOwners reads, and what it has built so far. */
interface UncoveredOwners {
  tokens: readonly Token[];
  candidates: readonly Candidate[];
  byFirst: Map<number, Candidate>;
  sentenceStarts: ReadonlySet<number>;
  /**
   * Which tokens a candidate covers: built at the first word before a post (most documents have
   * none), not a typed array per document up front. `candidates` do not change meanwhile.
   */
  covered: Uint8Array | null;
  /** Capitalised words inside sentences: built only when some word stands before a post and a person. */
  capitalisedInside: Set<string> | null;
  added: Candidate[];
}

/**
 * Token i, a capitalised word before a post word: an organization candidate when no candidate
 * covers it and a person follows the post. (Apart from the loop over every token: it runs for
 * few words, so a deopt in one of its rare branches recompiles it alone.)
 */
function addOwnerAt(owners: UncoveredOwners, i: number): void {
  const { tokens, candidates, byFirst } = owners;
  const t = tokens[i] as Token;
  if (!owners.covered) {
    const covered = new Uint8Array(tokens.length);
    for (let ci = 0; ci < candidates.length; ci++) covered.fill(1, (candidates[ci] as Candidate).first, (candidates[ci] as Candidate).last);
    owners.covered = covered;
  }
  if (owners.covered[i] === 1) return;
  if (!/^\p{Lu}\p{Ll}+$/u.test(t.text) || isPlainWordOrTitle(t.text.toLowerCase())) return;
  if (/^(?:and|of|&|for)$/i.test(tokens[i - 1]?.text ?? '')) return;
  const person = postThenPerson(tokens, i + 1, byFirst);
  if (!person || !capitalisedInside(owners).has(t.text)) return;
  const c = newCandidate({ first: i, last: i + 1, type: 'Organization', source: 'title-owner' }, person.sentenceIndex);
  owners.added.push(c);
  byFirst.set(i, c);
}

/** Words written capitalised inside a sentence (not first, not after a stop or quote) somewhere in the document. */
function capitalisedInside(owners: UncoveredOwners): Set<string> {
  if (owners.capitalisedInside) return owners.capitalisedInside;
  const { tokens, sentenceStarts } = owners;
  const inside = new Set<string>();
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'word' && /^\p{Lu}\p{Ll}/u.test(t.text) && !sentenceStarts.has(t.start) && !/^[.!?"“:]$/.test((tokens[i - 1] as Token).text)) inside.add(t.text);
  }
  return (owners.capitalisedInside = inside);
}

/** "'s" as one token, or split by a tokenized source ("Paper 's"). */
function possessiveLength(tokens: readonly Token[], i: number): number {
  const t = tokens[i];
  if (!t) return 0;
  if (/^['’]s$/i.test(t.text)) return 1;
  return /^['’]$/.test(t.text) && tokens[i + 1]?.text.toLowerCase() === 's' ? 2 : 0;
}

function possessiveAt(tokens: readonly Token[], i: number): boolean {
  return possessiveLength(tokens, i) > 0;
}

/** Up to three lower-case post words, the last a post, then the end of the appositive. */
function ownerPostAfter(tokens: readonly Token[], k: number): boolean {
  let post = false;
  for (let n = 0; n < 4 && k < tokens.length; n++, k++) {
    const w = (tokens[k] as Token).text;
    if (ORG_POSTS.has(w)) post = true;
    else if (w === 'and' && post) continue;
    else if (!POST_MODIFIERS.has(w) && !/^(?:new|former|officer)$/.test(w)) break;
  }
  return post && /^[,.;)]$/.test(tokens[k]?.text ?? '.');
}

/** A person's name, then a comma, right before the candidate. */
function personBeforeComma(tokens: readonly Token[], c: Candidate, byLast: ReadonlyMap<number, Candidate>): boolean {
  if (tokens[c.first - 1]?.text !== ',') return false;
  const person = byLast.get(c.first - 1);
  return person?.type === 'Person' && person.sentenceIndex === c.sentenceIndex;
}

/** Posts held in an organization that an appositive names after a preposition ("president of", "analyst at"). */
const APPOSITIVE_POSTS = new Set([
  ...[...ORG_POSTS].filter((w) => !['striker', 'midfielder', 'defender', 'goalkeeper', 'keeper', 'forward', 'winger', 'full-back', 'centre-back', 'playmaker', 'owner'].includes(w)),
  ...'officer editor partner consultant professor researcher fellow executive trader dealer adviser advisor lawyer'.split(' '),
]);
/** Lower-case words of the appositive that are not posts: articles and the "of <field>" of "head of equity research at". */
const APPOSITIVE_GLUE = new Set(['a', 'an', 'the', 'of', 'and']);
/** Longest run of lower-case words between the comma and the preposition. */
const MAX_APPOSITIVE_WORDS = 7;

/**
 * "<Person>, (a) <words> <post> of|at|for|with (the) <c>": walks left from the candidate over the
 * preposition and lower-case words to a comma that closes a person's name. The last post word
 * must come before the preposition with only the words of a field between ("head of equity
 * research at"), so "X, who left as president, spoke at Y" (a verb, no glue) is not read.
 */
function employerAfterPost(tokens: readonly Token[], c: Candidate, byLast: ReadonlyMap<number, Candidate>): boolean {
  if (c.last - c.first > 6 || !nameEndsAt(tokens, c.last)) return false;
  // "director of the Committee": one word that says what kind of body it is names none.
  if (c.last - c.first === 1 && GENERIC_BODY.has((tokens[c.first] as Token).text.toLowerCase())) return false;
  let k = c.first - 1;
  if (tokens[k]?.text === 'the') k--;
  if (!/^(?:of|at|for|with)$/.test(tokens[k]?.text ?? '')) return false;
  k--;
  let post = false;
  for (let n = 0; n < MAX_APPOSITIVE_WORDS && k >= 0; n++, k--) {
    const t = tokens[k] as Token;
    if (t.text === ',') break;
    if (t.kind !== 'word' || t.text !== t.text.toLowerCase()) return false;
    if (APPOSITIVE_POSTS.has(t.text)) post = true;
    else if (!APPOSITIVE_GLUE.has(t.text) && !POST_MODIFIERS.has(t.text) && FUNCTION_WORDS.has(t.text)) return false;
  }
  if (!post || tokens[k]?.text !== ',') return false;
  const person = byLast.get(k);
  return person?.type === 'Person' && person.sentenceIndex === c.sentenceIndex;
}

/** Nouns for a kind of body, which alone name no particular one ("the Committee", "the Council"). */
const GENERIC_BODY = new Set([...ORGANIZATION_NOUNS, 'committee', 'council', 'commission', 'board', 'institute', 'foundation', 'association', 'department', 'ministry', 'agency', 'office', 'bureau', 'authority', 'trust', 'society', 'union', 'party', 'government', 'campaign', 'centre', 'center', 'university', 'college', 'school']);

/** Lower-case words that carry a name on ("Transport for London", "Oppenheimer and Co") or make it a modifier ("Nordic operator X"). */
const NAME_GOES_ON = new Set(['of', 'for', 'and', 'de', 'du', 'von', 'van', 'operator', 'group', 'firm', 'company', 'bank', 'unit', 'side', 'club', 'division', 'brand', 'magazine']);

/**
 * The candidate is the whole name: what follows is a break or a lower-case word that does not
 * continue it. A hyphen ("Dai-ichi"), a possessive ("Wilkinson's club"), another capitalised word
 * ("Universal Music Germany", "Latin American") or a connective show the recognizer cut a longer
 * name, and a cut name is no employer.
 */
function nameEndsAt(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (!t) return true;
  // "Computerandvideogames.com": a web address goes on past the dot.
  if (t.text === '.' && tokens[k + 1] && !(tokens[k + 1] as Token).spaceBefore) return false;
  // "Donaldson, Lufkin and Jenrette Securities": a comma inside a firm's name of partners.
  if (t.text === ',' && /^\p{Lu}/u.test(tokens[k + 1]?.text ?? '') && /^(?:and|&|,)$/.test(tokens[k + 2]?.text ?? '')) return false;
  if (t.kind !== 'word') return /^[,.;:)"”!?]$/.test(t.text);
  if (t.text !== t.text.toLowerCase() || NAME_GOES_ON.has(t.text)) return false;
  // "founder of Jewish human rights group X", "president of Cesar organisers": a noun after the name makes it a modifier.
  const { verbForms } = wordClasses();
  return FUNCTION_WORDS.has(t.text) || verbForms.has(t.text) || REPORTING_VERBS.has(t.text);
}

/** Present-tense verbs of speech that follow a speaker's appositive without a comma ("X, analyst at Y believes ..."). */
const REPORTING_VERBS = new Set('says believes thinks expects argues warns adds notes explains predicts agrees insists claims suggests estimates reckons'.split(' '));
