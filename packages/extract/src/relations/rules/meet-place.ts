import type { RelationRule } from '../../interfaces/relation-rule.ts';
import {
  AGENT_TYPES,
  PERSON_TITLE_GAP,
  PERSON_TYPES,
  listForward,
  mentionAfter,
  pronounSubject,
  subjectBefore,
  titledPerson,
  triggers,
  type RelationCandidate,
  type SentenceContext,
} from '../sentence-context.ts';

/**
 * MET_WITH when the place and the time of the meeting stand between the meeting and the people
 * met: "She held talks in Tokyo on Wednesday with Ukraine's prime minister", "X met in Geneva last
 * week with Y". `meet` reads the people right after the verb; this family reads them after an
 * "in <place>" and a time phrase.
 */

const MEETING_IN =
  /\b(?:met|meets|meet|(?:held|hold|holds|holding)\s+(?:(?:a|an|two|three|several|further|fresh|new|private|bilateral|separate|closed-door|[a-z]+-day|[a-z]+-level)\s+){0,2}(?:talks|meetings?|discussions|consultations|negotiations))\s+in\s+(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}\s+(?:(?:on|last|this|next|earlier|later)\s+(?:\p{Lu}[a-z]+|week|month|year|day)(?:\s+\d{1,2})?\s+|in\s+\p{Lu}[a-z]+\s+)?with\b/giu;
const OBJECT_GAP = /^\s*(?:the\s+|his\s+|her\s+|their\s+)?(?:(?:[a-z-]+\s+){0,2}(?:officials?|representatives?|counterparts?|leaders?|delegations?|executives?|ministers?|envoys?)\s+(?:from|of)\s+(?:the\s+)?)?$/i;

export function meetPlaceRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const t of triggers(ctx, MEETING_IN)) {
    const subject = subjectBefore(ctx, t.start, AGENT_TYPES) ?? pronounSubject(ctx, t.start);
    if (!subject || subject.adjectival) continue;
    const objectMention = mentionAfter(ctx, t.end, AGENT_TYPES, OBJECT_GAP) ?? mentionAfter(ctx, t.end, PERSON_TYPES, PERSON_TITLE_GAP);
    const first = objectMention ? titledPerson(ctx, objectMention) : null;
    // "with Japanese officials": a demonym only before the people met.
    if (!first || (first.adjectival && !/^\s+(?:[a-z-]+\s+){0,2}(?:officials?|delegations?|counterparts?|leaders?|ministers?|diplomats?|negotiators?|envoys?|representatives?|authorities|regulators|executives)\b/i.test(ctx.text.slice(first.end, first.end + 50)))) continue;
    for (const o of listForward(ctx, first, AGENT_TYPES)) {
      if (o.entityId !== subject.entityId) out.push({ subject, predicate: 'MET_WITH', object: o, rule: o === first ? 'meet-place.with' : 'meet-place.list', confidence: 0.75 });
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'meet-place',
  predicate: 'MET_WITH',
  subjectTypes: ['Person', 'Organization', 'Country'],
  objectTypes: ['Person', 'Organization', 'Country'],
  summary: 'A meeting whose place and time come before the people met: "held talks in Tokyo on Wednesday with X".',
  variants: [
    { id: 'meet-place.with', example: '"She held talks in Tokyo on Wednesday with Ukraine\'s prime minister, X"' },
    { id: 'meet-place.list', example: 'every further person of a list after "with"' },
  ],
  acceptsReferences: true,
  minMentions: 1,
  cue: /\b(?:met|meets|meet|talks|meetings?|discussions|consultations|negotiations)\s+in\b/i,
  sidesInSentence: 'object',
  run: meetPlaceRule,
};
