import type { EntityType } from '@newsgraph/shared';
import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { listForward, mentionAfter, triggers, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';
import { SHIP_VERB_BEFORE, goodsSubject } from './shipped-via.ts';

/**
 * SHIPPED_VIA where the hub comes after its kind ("through the port of Rajin", "via the free zone
 * of Jebel Ali", "through the border crossing at Kapikule") or is the object of "transit" ("the
 * tankers transited the Bosphorus"). ("via the Upper Lars crossing", the name first, is
 * `shipped-via`'s.) The goods (or the company shipping) are read as in `shipped-via`:
 * goods named between the verb and the hub, else the goods or company right before the verb, else
 * the goods a generic noun ("the cargo") stands for.
 */

const HUB: ReadonlySet<EntityType> = new Set<EntityType>(['Place', 'Country']);
const PORT_OF = /\b(?:through|via)\s+(?:the\s+)?(?:(?:[a-z]+\s+)?(?:port|ports|harbour|harbor|terminal|hub|free\s+zone|free\s+port|transit\s+hub)\s+of|(?:[a-z]+\s+)?(?:port|ports|harbour|harbor|terminal|hub|free\s+zone|border\s+crossing|crossing|checkpoint|strait|straits)\s+(?:at|in))\s+/gi;
const TRANSIT = /\b(?:transited|transits|transiting|transit)\s+(?:the\s+)?/gi;

export function shippedViaPortRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const read = (triggerStart: number, triggerEnd: number, needsVerb: boolean, rule: string): void => {
    const first = mentionAfter(ctx, triggerEnd, HUB, /^$/);
    if (!first || first.adjectival) return;
    let verbStart = triggerStart;
    if (needsVerb) {
      const left = ctx.text.slice(Math.max(ctx.sentence.start, triggerStart - 60), triggerStart);
      const verb = SHIP_VERB_BEFORE.exec(left);
      if (!verb) return;
      verbStart = triggerStart - verb[0].length;
    }
    const hubs = listForward(ctx, first, HUB).filter((m) => !m.adjectival);
    const named = ctx.mentions.filter((m) => m.type === 'Goods' && m.start >= verbStart && m.end <= triggerStart);
    const subjects = named.length > 0 ? named : [goodsSubject(ctx, verbStart)].filter((m): m is MentionView => m !== null);
    for (const s of subjects) for (const h of hubs) if (s.entityId !== h.entityId) out.push({ subject: s, predicate: 'SHIPPED_VIA', object: h, rule, confidence: s.sentenceIndex === ctx.sentenceIndex ? 0.7 : 0.5 });
  };
  for (const t of triggers(ctx, PORT_OF)) read(t.start, t.end, true, 'shipped-via-port.port-of');
  for (const t of triggers(ctx, TRANSIT)) read(t.start, t.end, false, 'shipped-via-port.transit');
  return out;
}

export const rule: RelationRule = {
  id: 'shipped-via-port',
  predicate: 'SHIPPED_VIA',
  subjectTypes: ['Goods', 'Organization'],
  objectTypes: ['Country', 'Place'],
  summary: 'Goods pass through a hub named after its kind ("through the port of Rajin", "the crossing at X") or transit it.',
  variants: [
    { id: 'shipped-via-port.port-of', example: '"shipped the shells through the port of X", "routed via the free zone of X"' },
    { id: 'shipped-via-port.transit', example: '"the tankers carrying Russian crude transited X"' },
  ],
  acceptsReferences: true,
  minMentions: 1,
  cue: /\b(?:through|via)\s+(?:the\s+)?(?:[a-z]+\s+)?(?:port|ports|harbour|harbor|terminal|hub|free\s+zone|free\s+port|transit\s+hub|border\s+crossing|crossing|checkpoint|strait|straits)\s+(?:of|at|in)\s|\btransit(?:ed|s|ing)?\s/i,
  sidesInSentence: 'object',
  run: shippedViaPortRule,
};
