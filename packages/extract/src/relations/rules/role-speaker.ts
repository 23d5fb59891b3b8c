import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { ORG_TYPES, isMediaOutlet, sentenceSubject, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * HOLDS_ROLE for a speaker whose post is given without its organization because the sentence's
 * subject is that organization: "Norvik Foods will close the plant, said Ana Ruiz, a company
 * spokeswoman", "The agency is reviewing the rules, said Ana Ruiz, a spokeswoman for the agency."
 * Only posts inside the body (a spokesman, an official, a manager), not outsiders who comment on
 * it (an analyst, an economist, a lawyer), and only when no other organization is named between.
 * The post may also come in lower case before the name ("..., said station chief Tom Berg").
 */

/** A common noun that stands for the subject organization: "a company official", "a spokesman for the agency". */
const BODY_NOUN = '(?:company|agency|firm|bank|group|ministry|department|party|union|university|hospital|airline|network|station|utility|corporation|board|council|commission|institute|foundation|association|office|service|plant|factory|store|school|college|museum|league|club|team|church)';
const INSIDE_POST =
  '(?:spokes(?:man|woman|person)|official|manager|executive|director|president|vice\\s+president|chairman|chairwoman|officer|employee|representative|secretary|treasurer|superintendent|administrator|supervisor|coordinator|engineer|researcher|scientist|worker|staffer|aide|counsel|attorney)';
/** ", said Ana Ruiz," then this: "a company spokeswoman.", "an assistant product manager,", "a spokeswoman for the agency in Oslo". */
const POST_AFTER = new RegExp(
  `^\\s*,\\s*(?:a|an|the)\\s+(?:${BODY_NOUN}\\s+)?(?:(?:senior|assistant|deputy|chief|top|press|public|information|regional|district|plant|product|sales|marketing|financial|legal|technical|communications|media|research)\\s+){0,3}${INSIDE_POST}(?:\\s+(?:for|of|at|with)\\s+the\\s+${BODY_NOUN})?(?:\\s*(?:[.,;]|$)|\\s+(?:in|at|based|who)\\b)`,
  'i',
);
/**
 * "..., said station chief Tom Berg.", "..., said company spokeswoman Ana Ruiz.": the post in lower
 * case before the name (a capitalised title may be another body's: "said President X"), in an
 * attribution after the clause (a comma before "said", the name closing it).
 */
const POST_BEFORE = new RegExp(
  `(?:,\\s*(?:said|says)|\\baccording\\s+to)\\s+(?:the\\s+)?(?:${BODY_NOUN}\\s+)?(?:(?:senior|assistant|deputy|chief|top|press|public|information|regional|district|plant|product|sales|marketing|financial|legal|technical|communications|media|research)\\s+){0,3}(?:${INSIDE_POST}|chief)\\s+(?:(?:Lt|Capt|Sgt|Cmdr|Dr|Mr|Mrs|Ms)\\.?\\s+)?$`,
);
/** "said", "says", "according to" right before the speaker's name. */
const SAID_BEFORE = /(?:,\s*|\b)(?:said|says|according\s+to)\s+$/i;
/** Outside posts need the organization named: "said X, a company lawyer" is inside, "said X, a lawyer" is not. */
const OUTSIDER = /\b(?:counsel|attorney)\b/i;
const BODY_NOUN_WORD = new RegExp(`\\b${BODY_NOUN}\\b`, 'i');

export function roleSpeakerRule(ctx: SentenceContext): RelationCandidate[] {
  // The subject opens the sentence: a cheap test before the subject helper's.
  const first = ctx.mentions[0];
  if (!first || first.type !== 'Organization' || first.start - ctx.sentence.start > 40) return [];
  const org = sentenceSubject(ctx, ORG_TYPES);
  if (!org || org.type !== 'Organization' || org.adjectival || isMediaOutlet(org)) return [];
  const out: RelationCandidate[] = [];
  for (let i = org.index + 1; i < ctx.mentions.length; i++) {
    const m = ctx.mentions[i]!;
    // Another body named between: the speaker may be its.
    if (m.type === 'Organization' && m.entityId !== org.entityId) break;
    if (m.type !== 'Person' || m.reference) continue;
    const left = ctx.text.slice(Math.max(ctx.sentence.start, m.start - 80), m.start);
    const titled = POST_BEFORE.exec(left);
    // The attribution closes the clause: "..., said station chief X." (not "said director X resigned").
    if (titled && /^\s*(?:[.,;]|$)/.test(ctx.text.slice(m.end, Math.min(ctx.sentence.end, m.end + 3))) && !(OUTSIDER.test(titled[0]) && !BODY_NOUN_WORD.test(titled[0]))) {
      out.push({ subject: m, predicate: 'HOLDS_ROLE', object: org, rule: 'role-speaker.title', confidence: 0.6 });
      continue;
    }
    if (!SAID_BEFORE.test(ctx.text.slice(Math.max(ctx.sentence.start, m.start - 20), m.start))) continue;
    const after = ctx.text.slice(m.end, Math.min(ctx.sentence.end, m.end + 90));
    const post = POST_AFTER.exec(after);
    if (!post) continue;
    if (OUTSIDER.test(post[0]) && !BODY_NOUN_WORD.test(post[0])) continue;
    out.push({ subject: m, predicate: 'HOLDS_ROLE', object: org, rule: 'role-speaker.subject', confidence: 0.6 });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'role-speaker',
  predicate: 'HOLDS_ROLE',
  subjectTypes: ['Person'],
  objectTypes: ['Organization'],
  summary: "A speaker with a post inside the sentence's subject organization, the organization not repeated (\"..., said X, a company spokeswoman\").",
  variants: [
    { id: 'role-speaker.subject', example: '"Norvik Foods will close the plant, said X, a company spokeswoman"' },
    { id: 'role-speaker.title', example: '"The Harbour Patrol rescued six sailors, said station chief X"' },
  ],
  acceptsReferences: false,
  minMentions: 2,
  sidesInSentence: 'both',
  cue: /\b(?:said|says|according)\b/,
  run: roleSpeakerRule,
};
