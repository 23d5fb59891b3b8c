import type { RelationRule } from '../../interfaces/relation-rule.ts';
import type { MentionView, RelationCandidate, SentenceContext } from '../sentence-context.ts';
import { FUNCTION_WORDS, wordClasses } from '../../lexicon/word-classes.ts';

/**
 * HOLDS_ROLE for party membership: the party names the person's side, as a post ("Labour MP
 * X", "Tory leader X", "Republican Senator X"), bare before the name ("Lib Dem X", "Conservative
 * X"), as an owner ("Labour's X") or in an apposition ("X, Labour MP for Y", "X, the Liberal
 * Democrats' home affairs spokesman"). Only organizations of kind PoliticalParty: "Labour" before a
 * name is a party, "BBC" before a name is not a membership.
 */

/** Party posts and ranks; a party word followed by any of these (or nothing) before a name. */
const PARTY_POST =
  '(?:shadow\\s+chancellor|chancellor|co-ordinator|coordinator|supremo|strategist|MPs?|MEPs?|MSPs?|AMs?|MLAs?|peers?|backbenchers?|frontbenchers?|leaders?|deputy leader|co-chairman|chairman|chairwoman|chair|party chairman|candidates?|members?|councillors?|activists?|rebels?|spokes(?:man|woman|person)|ministers?|president|politicians?|whips?|chief whip|general secretary|treasurer|secretary|senators?|congress(?:man|woman)|representatives?|lawmakers?|legislators?|governor|presidential candidate|nominee|hopeful|grandee|veteran|figure|heavyweight|donor|official)';
const QUALIFIER = '(?:(?:former|senior|veteran|fellow|leading|deputy|shadow|new|backbench|local|prominent|rebel|party|opposition|London|Scottish|Welsh|European)\\s+){0,2}';
const HONORIFIC = '(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Baroness|Dame)\\.?\\s+)?';
/** Words between the party and the name. */
const BEFORE_NAME = new RegExp(`^(?:['’]s?)?\\s+(?:${QUALIFIER}${PARTY_POST}\\s+)?${HONORIFIC}$`);
/**
 * A post with its portfolio or its house between the party and the post: "Lib Dem Home Affairs
 * spokesman X", "SNP Holyrood leader X", "Labour election co-ordinator X" (checked word by word:
 * no verb or function word, "Labour MPs told Chancellor X" names no post of the party).
 */
const PORTFOLIO_BEFORE_NAME = new RegExp(`^\\s+${QUALIFIER}((?:[A-Za-z&-]+\\s+){1,3})${PARTY_POST}\\s+${HONORIFIC}$`);
/** "X, now Veritas deputy leader,", "X, a prospective Labour MP,", "X, who is the SNP's treasurer,". */
const APPOSITION_OPENING = /^\s*,\s*(?:who\s+is\s+(?:now\s+)?|now\s+)?(?:(?:the|a|an)\s+)?(?:(?:former|senior|veteran|leading|deputy|shadow|new|prospective|would-be)\s+)?$/i;
/** "X, Labour MP for Y", "X, the Tory co-chairman", "X, the Liberal Democrats' foreign affairs spokesman". */
const APPOSITION_TO_PARTY = /^\s*,\s*(?:(?:the|a|an)\s+)?(?:(?:former|senior|veteran|leading|deputy|shadow|new)\s+)?$/i;
const POST_AFTER_PARTY = new RegExp(`^(?:['’]s?)?\\s+(?:[a-z-]+\\s+){0,3}?${QUALIFIER}${PARTY_POST}\\b`);
/** A name used for what it stands for ("Labour's Blair government", "Tory Howard era"). */
const NAME_AS_MODIFIER = /^\s*(?:['’]s\s+)?(?:government|administration|cabinet|era|years|camp|wing|reforms?|plans?|policy|policies|agenda|project|revolution|budget|ministry|team|allies|supporters|loyalists)\b/i;

/** The portfolio words of a post between a party and a name: words of a title, no verb and no function word. */
function portfolioPost(gap: string): boolean {
  const words = PORTFOLIO_BEFORE_NAME.exec(gap)?.[1];
  if (words === undefined) return false;
  const { verbForms } = wordClasses();
  return words
    .trim()
    .split(/\s+/)
    .every((w) => w === '&' || w === 'and' || (!FUNCTION_WORDS.has(w.toLowerCase()) && !verbForms.has(w.toLowerCase())));
}

function isParty(m: MentionView): boolean {
  return m.type === 'Organization' && m.kind === 'PoliticalParty';
}

export function partyRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const ms = ctx.namedMentions;
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i]!;
    const b = ms[i + 1]!;
    const gap = ctx.text.slice(a.end, b.start);
    if (isParty(a) && b.type === 'Person' && !BEFORE_NAME.test(gap) && portfolioPost(gap) && !NAME_AS_MODIFIER.test(ctx.text.slice(b.end, b.end + 20))) {
      out.push({ subject: b, predicate: 'HOLDS_ROLE', object: a, rule: 'party.portfolio', confidence: 0.8 });
    } else if (isParty(a) && b.type === 'Person' && BEFORE_NAME.test(gap) && !NAME_AS_MODIFIER.test(ctx.text.slice(b.end, b.end + 20))) {
      // "the Labour Party's X" is an owner; "Labour X" bare and "Labour MP X" a member: all membership.
      const variant = /^['’]/.test(gap) ? 'party.possessive' : gap.trim() === '' ? 'party.bare' : 'party.post';
      out.push({ subject: b, predicate: 'HOLDS_ROLE', object: a, rule: variant, confidence: variant === 'party.post' ? 0.85 : 0.75 });
    } else if (a.type === 'Person' && isParty(b) && (APPOSITION_TO_PARTY.test(gap) || APPOSITION_OPENING.test(gap)) && POST_AFTER_PARTY.test(ctx.text.slice(b.end, Math.min(ctx.sentence.end, b.end + 60)))) {
      out.push({ subject: a, predicate: 'HOLDS_ROLE', object: b, rule: 'party.appositive', confidence: 0.8 });
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'party',
  predicate: 'HOLDS_ROLE',
  subjectTypes: ['Person'],
  objectTypes: ['Organization'],
  summary: 'A person is a member of a political party (a post in it, or the party named as their side).',
  variants: [
    { id: 'party.post', example: '"Labour MP X", "Tory leader X", "Republican Senator X", "Liberal Democrat peer Lord X"' },
    { id: 'party.bare', example: '"Lib Dem X", "Conservative X"' },
    { id: 'party.possessive', example: '"Labour\'s X" (not "Labour\'s Blair government")' },
    { id: 'party.appositive', example: '"X, Labour MP for Y", "X, the Liberal Democrats\' home affairs spokesman", "X, now Veritas deputy leader,", "X, a prospective Labour MP,"' },
    { id: 'party.portfolio', example: '"Lib Dem Home Affairs spokesman X", "SNP Holyrood leader X", "Labour election supremo X"' },
  ],
  acceptsReferences: false,
  minMentions: 2,
  sidesInSentence: 'subject',
  run: partyRule,
};
