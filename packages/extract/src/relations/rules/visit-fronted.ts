import type { EntityType } from '@newsgraph/shared';
import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { between, mentionBefore, titledPerson, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * VISITED in three forms the verb rule leaves out:
 * - a fronted trip phrase with a time or purpose between the place and the comma: "During a trip
 *   to Astana last week, X met ...", "On a two-day visit to Hanoi on Monday, X said";
 * - a relative clause of presence: "X, who is visiting Moscow,", "X, who was in Beijing for talks,";
 * - presence with a time: "X will be in Tokyo next week", "X was in Riyadh on Monday" (a person
 *   only: an organization "in" a place is where it is, not a visit).
 */

const PLACE: ReadonlySet<EntityType> = new Set<EntityType>(['Place', 'Country']);
const AGENT: ReadonlySet<EntityType> = new Set<EntityType>(['Person', 'Organization', 'Country']);
const PERSON: ReadonlySet<EntityType> = new Set<EntityType>(['Person']);
const TIME =
  '(?:(?:last|next|this|later\\s+this|earlier\\s+this)\\s+(?:week|month|year|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|on\\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\\s+\\d{1,2})?|in\\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)|(?:yesterday|today|tomorrow)|on\\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\\s+\\d{1,2})';
/** "During a trip to ", "On a two-day visit to ", at the sentence start. */
const FRONTED_TRIP = /^[\s"“]*(?:during|on|after|before|ahead\s+of|in\s+the\s+course\s+of)\s+(?:a|an|his|her|their|its|the)\s+(?:[\w-]+\s+){0,2}(?:visit|trip|tour|stop|stopover|swing)\s+(?:to|through)\s+(?:the\s+)?$/i;
/** From the place to the comma: a time phrase, or "for talks", "to discuss trade". */
const FRONTED_TAIL = new RegExp(`^\\s+(?:${TIME}|for\\s+(?:talks|meetings|a\\s+summit|the\\s+summit)|to\\s+(?:discuss|attend|meet|sign)\\s+[^,;]{1,40})\\s*,\\s*(?:the\\s+)?$`, 'i');
/** ", who is visiting ", ", who was in ", ", who arrived in ". */
const WHO_PRESENT =
  /^\s*,\s*who\s+(?:(?:is|was|were|are|has\s+been|had\s+been|will\s+be)\s+(?:visiting|touring|travelling\s+(?:in|to|through)|traveling\s+(?:in|to|through)|in|on\s+a\s+(?:[\w-]+\s+){0,2}(?:visit|trip|tour)\s+to)|(?:arrived|landed|flew|travelled|traveled)\s+(?:in|to))\s+(?:the\s+)?$/i;
/** " will be in ", " was in " right after the person (auxiliaries and an adverb may stand between). */
const PRESENCE_BEFORE = /^\s+(?:(?:also|then|now|still)\s+)?(?:will\s+be|is\s+to\s+be|was|were|is|had\s+been|has\s+been)\s+(?:(?:in|back\s+in)\s+)(?:the\s+)?$/i;
const PRESENCE_AFTER = new RegExp(`^\\s*,?\\s+(?:${TIME})\\b`, 'i');

export function visitFrontedRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const place of ctx.mentions) {
    if (!PLACE.has(place.type) || place.adjectival || place.reference) continue;
    const left = ctx.text.slice(ctx.sentence.start, place.start);
    // During a trip to <place> last week, <agent> ...
    if (left.length < 80 && FRONTED_TRIP.test(left)) {
      for (let i = place.index + 1; i < ctx.mentions.length; i++) {
        const m = ctx.mentions[i] as MentionView;
        if (m.start - place.end > 60) break;
        if (PLACE.has(m.type) && m.type === 'Place') continue;
        if (AGENT.has(m.type) && FRONTED_TAIL.test(between(ctx, place.end, m.start))) {
          const agent = titledPerson(ctx, m);
          if (!agent.adjectival && agent.entityId !== place.entityId) out.push({ subject: agent, predicate: 'VISITED', object: place, rule: 'visit-fronted.trip', confidence: 0.7 });
        }
        break;
      }
    }
    // <agent>, who is visiting <place>
    const who = mentionBefore(ctx, place.start, AGENT, WHO_PRESENT);
    if (who && !who.adjectival && who.entityId !== place.entityId) out.push({ subject: who, predicate: 'VISITED', object: place, rule: 'visit-fronted.who', confidence: 0.75 });
    // <person> will be in <place> next week
    const person = mentionBefore(ctx, place.start, PERSON, PRESENCE_BEFORE);
    if (person && PRESENCE_AFTER.test(ctx.text.slice(place.end, Math.min(ctx.sentence.end, place.end + 40)))) {
      out.push({ subject: person, predicate: 'VISITED', object: place, rule: 'visit-fronted.presence', confidence: 0.6 });
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'visit-fronted',
  predicate: 'VISITED',
  subjectTypes: ['Person', 'Organization', 'Country'],
  objectTypes: ['Place', 'Country'],
  summary: 'A visit stated by a fronted trip phrase with a time, a relative clause of presence, or a person\'s presence with a time ("X will be in Tokyo next week").',
  variants: [
    { id: 'visit-fronted.trip', example: '"During a trip to Astana last week, X met ..."' },
    { id: 'visit-fronted.who', example: '"X, who is visiting Moscow, said"' },
    { id: 'visit-fronted.presence', example: '"X will be in Tokyo next week", "X was in Riyadh on Monday"' },
  ],
  acceptsReferences: false,
  minMentions: 2,
  cue: /\b(?:visit|trip|tour|stop|stopover|swing)\s+(?:to|through)\s|,\s*who\s+(?:is|was|were|are|has|had|will|arrived|landed|flew|travel)|\b(?:be|was|were|is|been)\s+(?:back\s+)?in\s/i,
  sidesInSentence: 'both',
  run: visitFrontedRule,
};
