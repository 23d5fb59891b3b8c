import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { between, triggers, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * PART_OF for a company said to be owned by another organization in its description: "X, a Moscow
 * electronics firm owned by the state corporation Y", "X, owned by Y, makes ...", "X is owned by
 * Y". Ownership by a person is a post (HOLDS_ROLE, other rules), by a state no part of any body;
 * a part share ("partly owned", "jointly owned", "minority-owned", "a stake") is no part.
 */

const OWNED_BY = /\b(?:owned|controlled)\s+by\s+/gi;
/** What may stand right before "owned": a description word, "wholly", "majority"; not a part share. */
const SHARE = /(?:\b(?:partly|partially|jointly|co|part|minority|half|formerly|once|previously|indirectly)|\d[\d.,]*\s*(?:pct|percent|per\s+cent|%))[\s-]*$/i;
/** From "by" to the owner: the, up to three lower-case words ("the state corporation"). */
const OWNER_GAP = /^(?:the\s+)?(?:[a-z][a-z-]*\s+){0,3}$/;
/** From the company to "owned": a comma and a short lower-case description, or "is"/"was". */
const OWNED_GAP = /^(?:\s*,\s+(?:(?:a|an|the)\s+)?[^,;:()"“”]{0,60}?|\s+(?:is|was|are|were|has\s+been|had\s+been)\s+(?:\w+ly\s+)?|\s*,\s+(?:\w+ly\s+)?)$/;

function mentionEndingBefore(ctx: SentenceContext, pos: number): MentionView | null {
  for (let i = ctx.mentions.length - 1; i >= 0; i--) {
    const m = ctx.mentions[i] as MentionView;
    if (m.end <= pos) return m;
  }
  return null;
}

export function partOfOwnedRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const t of triggers(ctx, OWNED_BY)) {
    if (SHARE.test(ctx.text.slice(Math.max(ctx.sentence.start, t.start - 16), t.start))) continue;
    const owner = ctx.mentions.find((m) => m.start >= t.end && m.type !== 'Goods');
    if (!owner || owner.type !== 'Organization' || owner.reference || !OWNER_GAP.test(between(ctx, t.end, owner.start))) continue;
    // The company: the last organization before "owned" with only its description between (places are words of it).
    let company: MentionView | null = null;
    for (let m = mentionEndingBefore(ctx, t.start); m; m = m.index > 0 ? (ctx.mentions[m.index - 1] as MentionView) : null) {
      if (m.type === 'Organization' && !m.reference) {
        company = m;
        break;
      }
      if (m.type === 'Person' || m.type === 'Organization') break;
    }
    if (!company || company.entityId === owner.entityId || !OWNED_GAP.test(between(ctx, company.end, t.start))) continue;
    out.push({ subject: company, predicate: 'PART_OF', object: owner, rule: 'part-of-owned.owned-by', confidence: 0.7 });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'part-of-owned',
  predicate: 'PART_OF',
  subjectTypes: ['Organization'],
  objectTypes: ['Organization'],
  summary: 'A company owned or controlled by another organization, in its description ("X, a Moscow firm owned by the state corporation Y"); not a part share.',
  variants: [{ id: 'part-of-owned.owned-by', example: '"X, a Moscow electronics firm owned by the state corporation Y", "X is controlled by Y" (not "partly owned by")' }],
  acceptsReferences: false,
  minMentions: 2,
  cue: /\b(?:owned|controlled)\s+by\s/i,
  sidesInSentence: 'both',
  run: partOfOwnedRule,
};
