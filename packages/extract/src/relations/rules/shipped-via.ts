import type { RelationRule } from '../../interfaces/relation-rule.ts';
import type { EntityType } from '@newsgraph/shared';
import {
  GOODS_TYPES,
  LOCATION_TYPES,
  ORG_TYPES,
  listForward,
  firstDocumentMentionAtOrAfter,
  firstMentionAtOrAfter,
  mentionAfter,
  mentionBefore,
  triggers,
  type MentionView,
  type RelationCandidate,
  type SentenceContext,
} from '../sentence-context.ts';

/**
 * SHIPPED_VIA: goods (or a company's shipments) pass through a hub. "some items were shipped
 * through hubs such as Turkey, EU, Maldives and UAE", "chips routed via Hong Kong".
 * A generic subject ("some items", "the goods") resolves to the last goods entity named before
 * whose mention ends with the same noun, or else the last goods entity of the preceding sentences.
 */

/** "through hubs such as", "via": the hub list follows. */
const VIA = /\b(?:through|via)\s+(?:(?:[a-z]+\s+)?(?:hubs?|countries|places|jurisdictions|intermediaries|ports|transit points|centres|centers|territories|third countries|destinations)\s+(?:such as|like|including)\s+)?(?:the\s+)?/gi;
/** A shipping verb up to three words before "through"/"via". */
export const SHIP_VERB_BEFORE =
  /\b(?:ship(?:s|ped|ping)?|trans-?ship(?:s|ped|ping)?|tranship(?:s|ped|ping)?|re-?export(?:s|ed|ing)?|rout(?:e|es|ed|ing)|funnel(?:s|ed|led|ing)?|channel(?:s|ed|led|ing)?|smuggl(?:e|es|ed|ing)|mov(?:e|es|ed|ing)|sen[dt]|sends|sending|transit(?:s|ed|ing)?|flow(?:s|ed|ing)?|pass(?:es|ed|ing)?|travel(?:s|ed|led|ing|ling)?|diverted|exported|delivered|carr(?:y|ies|ied|ying)|transport(?:s|ed|ing)?|fl(?:y|ies|ew|own|ying)|sail(?:s|ed|ing)?|truck(?:s|ed|ing)?)(?:\s+[\w-]+){0,6}?\s+$/i;
const GENERIC_GOODS =
  /\b(?:some|the|these|those|such|many|most|other|more|certain)?\s*([a-z-]+?)(?:s)?\s+(?:(?:were|was|are|is|have been|has been|had been|being|get|got)\s+)?(?:\w+ly\s+)?$/i;

export function shippedViaRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const t of triggers(ctx, VIA)) {
    const left = ctx.text.slice(Math.max(ctx.sentence.start, t.start - 60), t.start);
    const verb = SHIP_VERB_BEFORE.exec(left);
    if (!verb) continue;
    const verbStart = t.start - verb[0].length;
    const first = mentionAfter(ctx, t.end, LOCATION_TYPES, /^\s*$/);
    if (!first || first.adjectival) continue;
    // The list may run through a bloc ("Turkey, EU, Maldives and UAE"); only places are hubs.
    const hubs = listForward(ctx, first, HUB_LIST_TYPES).filter((m) => !m.adjectival && LOCATION_TYPES.has(m.type));
    // "shipped drones and microelectronics to Russia via Kyrgyzstan": the goods between verb and hub.
    const named = ctx.mentions.filter((m) => m.type === 'Goods' && m.start >= verbStart && m.end <= t.start);
    const subjects = named.length > 0 ? named : [goodsSubject(ctx, verbStart)].filter((m): m is MentionView => m !== null);
    for (const subject of subjects) {
    for (const hub of hubs) {
      if (hub.entityId === subject.entityId) continue;
      out.push({ subject, predicate: 'SHIPPED_VIA', object: hub, rule: hub === first ? 'shipped-via.verb' : 'shipped-via.list', confidence: subject.sentenceIndex === ctx.sentenceIndex ? 0.75 : 0.55 });
    }
    }
  }
  return out;
}

/** The goods (or company) being shipped, ending right before the verb at `pos`. */
export function goodsSubject(ctx: SentenceContext, pos: number): MentionView | null {
  const near = mentionBefore(ctx, pos, GOODS_TYPES, /^\s+(?:(?:were|was|are|is|have been|has been|had been|being|get|got)\s+)?(?:\w+ly\s+)?$/i);
  if (near) return near;
  const company = mentionBefore(ctx, pos, ORG_TYPES, /^\s+(?:(?:has|have|had)\s+)?(?:\w+ly\s+)?$/i);
  if (company) return company;
  // "Shipments of ball bearings to Russia were routed ...": goods inside the subject phrase.
  for (let i = firstMentionAtOrAfter(ctx, pos) - 1; i >= 0; i--) {
    const m = ctx.mentions[i]!;
    if (pos - m.end > 80 || /[,;:()]/.test(ctx.text.slice(m.end, pos))) break;
    if (m.type === 'Goods') return m;
  }
  const left = ctx.text.slice(Math.max(ctx.sentence.start, pos - 60), pos);
  const generic = GENERIC_GOODS.exec(left);
  const head = generic?.[1]?.toLowerCase();
  if (!head || head.length < 3) return null;
  // Look back through the document for the goods entity this noun refers to.
  const doc = ctx.documentMentions;
  let fallback: MentionView | null = null;
  for (let i = firstDocumentMentionAtOrAfter(ctx, pos) - 1; i >= 0; i--) {
    const m = doc[i]!;
    if (m.sentenceIndex < ctx.sentenceIndex - 8) break;
    if (m.type !== 'Goods') continue;
    if (m.text.toLowerCase().includes(head)) return m;
    if (!fallback && m.sentenceIndex >= ctx.sentenceIndex - 2 && GOODS_HEAD.test(head)) fallback = m;
  }
  return fallback;
}

const HUB_LIST_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['Country', 'Place', 'Organization']);
const GOODS_HEAD = /^(?:item|good|product|component|part|shipment|cargo|equipment|consignment|export)$/;

export const rule: RelationRule = {
  id: 'shipped-via',
  predicate: 'SHIPPED_VIA',
  subjectTypes: ['Goods', 'Organization'],
  objectTypes: ['Country', 'Place'],
  summary: "Goods (or a company's shipments) pass through a hub.",
  variants: [
    { id: 'shipped-via.verb', example: '"items were shipped through hubs such as Turkey" (a generic "items" is the last goods named), "shipped drones to Russia via Kyrgyzstan"' },
    { id: 'shipped-via.list', example: 'every further hub of the list' },
  ],
  acceptsReferences: true,
  minMentions: 1,
  cue: /through|via/i,
  run: shippedViaRule,
};
