import type { RelationRule } from '../../interfaces/relation-rule.ts';
import type { RelationCandidate, SentenceContext } from '../sentence-context.ts';

/**
 * HOLDS_ROLE for the one a new holder of a post takes over from: "named Ana Ruiz chief executive
 * of Brekke, succeeding Tom Berg", "Ana Ruiz becomes editor of the Lakeside Courier, replacing
 * Tom Berg, who retires". The post is written with its organization just before ("<post> of|at
 * <organization>, succeeding"), so the predecessor held a post there too (the claim says the
 * person held a role; like every HOLDS_ROLE it carries no dates).
 *
 * Not a successor named without a post ("Brekke, succeeding Tom Berg as sponsor" has no post in
 * the organization), nor an organization that succeeds another.
 */

/** The post right before the organization: "chief executive of ", "publisher of the ", "coach at ". */
const POST_OF =
  /\b(?:president|chairman|chairwoman|chair|chief executive|chief|executive|director|publisher|editor|manager|head|coach|secretary|treasurer|dean|principal|superintendent|commissioner|governor|officer|ceo|cfo|coo|general counsel|spokes(?:man|woman|person)|leader|conductor|rector)\s+(?:of|at|for)\s+(?:the\s+)?$/i;
/** ", succeeding ", ", replacing ", " to succeed ", ", who succeeds ". */
const SUCCEEDING = /^\s*,?\s*(?:succeeding|replacing|to\s+succeed|to\s+replace|(?:who|and)\s+(?:succeeds|succeeded|replaces|replaced|will\s+succeed|will\s+replace))\s+(?:the\s+(?:late|retiring|outgoing)\s+)?$/i;

export function roleSuccessionRule(ctx: SentenceContext): RelationCandidate[] {
  const ms = ctx.mentions;
  const out: RelationCandidate[] = [];
  for (let i = 0; i + 1 < ms.length; i++) {
    const org = ms[i]!;
    const predecessor = ms[i + 1]!;
    if (org.type !== 'Organization' || org.adjectival || predecessor.type !== 'Person' || predecessor.reference) continue;
    if (!SUCCEEDING.test(ctx.text.slice(org.end, predecessor.start))) continue;
    if (!POST_OF.test(ctx.text.slice(Math.max(ctx.sentence.start, org.start - 40), org.start))) continue;
    out.push({ subject: predecessor, predicate: 'HOLDS_ROLE', object: org, rule: 'role-succession.predecessor', confidence: 0.6 });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'role-succession',
  predicate: 'HOLDS_ROLE',
  subjectTypes: ['Person'],
  objectTypes: ['Organization'],
  summary: 'The predecessor in a post: "<post> of <organization>, succeeding <person>".',
  variants: [{ id: 'role-succession.predecessor', example: '"named Ana Ruiz chief executive of Brekke, succeeding Tom Berg"' }],
  acceptsReferences: false,
  minMentions: 2,
  cue: /\b(?:succe|replac)/i,
  run: roleSuccessionRule,
};
