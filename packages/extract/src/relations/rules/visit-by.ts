import type { RelationRule } from '../../interfaces/relation-rule.ts';
import {
  AGENT_TYPES,
  LOCATION_TYPES,
  listForward,
  mentionAfter,
  titledPerson,
  type RelationCandidate,
  type SentenceContext,
} from '../sentence-context.ts';

/**
 * VISITED read from a visit noun whose visitor follows "by": "a visit to Hanoi by the French
 * trade minister", "the trip to Lima in May by Jane Doe", "after a visit to Oslo last week by
 * senior Treasury officials". The noun has no owner before it, so `visit.verb` does not see it.
 */

const VISIT_TO = /\b(?:visit|visits|trip|trips|tour|journey|mission)\s+to\s+(?:the\s+)?$/i;
/** Time words that may sit between the place and "by": "in June", "last week", "on Monday". */
const PLACE_TO_BY =
  /^\s*(?:(?:in|on|last|this|earlier|late|early)\s+(?:[A-Z][a-z]+|week|month|year)\s+)?(?:this\s+week\s+|last\s+week\s+)?by\s+(?:(?:the|a|an|two|three|several|senior|top|high-level|visiting)\s+){0,3}$/;

export function visitByRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const place of ctx.namedMentions) {
    if (!LOCATION_TYPES.has(place.type) || place.adjectival) continue;
    const left = ctx.text.slice(Math.max(ctx.sentence.start, place.start - 30), place.start);
    if (!VISIT_TO.test(left)) continue;
    const agent = mentionAfter(ctx, place.end, AGENT_TYPES, PLACE_TO_BY);
    if (!agent) continue;
    const visitors = listForward(ctx, agent, AGENT_TYPES, true).map((m) => titledPerson(ctx, m));
    for (const visitor of visitors) {
      if (visitor.entityId === place.entityId) continue;
      const rule = visitor === visitors[0] ? 'visit-by.noun' : 'visit-by.list';
      out.push({ subject: visitor, predicate: 'VISITED', object: place, rule, confidence: rule === 'visit-by.noun' ? 0.75 : 0.7 });
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'visit-by',
  predicate: 'VISITED',
  subjectTypes: ['Person', 'Organization', 'Country'],
  objectTypes: ['Place', 'Country'],
  summary: 'A visit noun with its visitor after "by": "a visit to Y by X".',
  variants: [
    { id: 'visit-by.noun', example: '"a visit to Hanoi by X", "the trip to Lima in May by X", "a visit to Oslo by senior X officials"' },
    { id: 'visit-by.list', example: 'every further visitor of a list after "by"' },
  ],
  acceptsReferences: true,
  minMentions: 2,
  cue: /\b(?:visit|trip|tour|journey|mission)/i,
  run: visitByRule,
};
