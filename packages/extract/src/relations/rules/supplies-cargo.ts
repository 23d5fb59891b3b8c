import type { EntityType } from '@newsgraph/shared';
import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { referenceView } from '../references.ts';
import { firstDocumentMentionAtOrAfter, listForward, triggers, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * SUPPLIES along a cargo's route, when the cargo, not a trader, is the subject: "Tankers carrying
 * Russian oil pass through the straits. The vessels load crude at Primorsk and sail to buyers in
 * India and China"; "The tankers ... delivered it to refineries in India and Turkey". The supplier
 * is the origin written on the goods ("Russian oil", "Iranian crude") in this sentence or one of
 * the five before; the receivers are the countries of the buyers the cargo reaches. Only when no
 * person, organization or country is the subject of the verb (those are read by `supplies`), and
 * when the goods of this sentence, if it names any, are the origin's goods or of their HS chapter.
 */

const DELIVERY =
  /\b(?:deliver(?:s|ed|ing)?|carr(?:y|ies|ied|ying)|shipp?(?:s|ed|ing)?|sail(?:s|ed|ing)?|head(?:s|ed|ing)?|transport(?:s|ed|ing)?|took|take|takes|bound|reach(?:es|ed|ing)?|end(?:s|ed)?\s+up)\b/gi;
/** From the verb to the buyers: no clause break; "to (the) refineries in", "for buyers in", "reached ports in". */
const TO_BUYERS =
  /^[^.;:!?“”"]{0,140}?\b(?:to|for|reach(?:es|ed|ing)?|in)\s+(?:the\s+)?(?:(?:[a-z-]+\s+)?(?:refiners?|refineries|buyers?|customers?|clients|ports?|terminals?|importers?|traders|markets?|destinations?|plants?|smelters?)\s+in)\s+(?:the\s+)?$/;
const RECEIVER_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['Country']);
const ORIGIN_LOOKBACK_SENTENCES = 5;

function hsChapter(ctx: SentenceContext, m: MentionView): string | null {
  const hs = ctx.entities.get(m.entityId)?.attributes['hs'];
  return typeof hs === 'string' ? hs.slice(0, 2) : null;
}

/** The nearest "Russian oil" before `pos` within the lookback: the origin country and its goods. */
function cargoOrigin(ctx: SentenceContext, pos: number): { origin: MentionView; goods: MentionView } | null {
  const doc = ctx.documentMentions;
  for (let i = firstDocumentMentionAtOrAfter(ctx, pos) - 1; i > 0; i--) {
    const goods = doc[i] as MentionView;
    if (goods.sentenceIndex < ctx.sentenceIndex - ORIGIN_LOOKBACK_SENTENCES) break;
    if (goods.type !== 'Goods') continue;
    const origin = doc[i - 1] as MentionView;
    if (origin.type === 'Country' && origin.adjectival && /^\s+(?:[a-z-]+\s+)?$/.test(ctx.text.slice(origin.end, goods.start))) return { origin, goods };
  }
  return null;
}

export function suppliesCargoRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const t of triggers(ctx, DELIVERY)) {
    // A named agent before the verb is its subject ("Iran shipped ..."): the general rules read it.
    const before = ctx.mentions.filter((m) => m.end <= t.start && (m.type === 'Person' || m.type === 'Organization' || (m.type === 'Country' && !m.adjectival)));
    if (before.length > 0) continue;
    const receiver = ctx.mentions.find((m) => m.start >= t.end && RECEIVER_TYPES.has(m.type) && !m.adjectival && TO_BUYERS.test(ctx.text.slice(t.end, m.start)));
    if (!receiver) continue;
    const found = cargoOrigin(ctx, t.start);
    if (!found) continue;
    const named = ctx.mentions.filter((m) => m.type === 'Goods' && m.end <= receiver.start);
    const chapter = hsChapter(ctx, found.goods);
    if (named.length > 0 && !named.some((g) => g.entityId === found.goods.entityId || (chapter !== null && hsChapter(ctx, g) === chapter))) continue;
    const origin = found.origin.sentenceIndex === ctx.sentenceIndex ? found.origin : referenceView(found.origin, t.start, ctx.sentenceIndex);
    for (const r of listForward(ctx, receiver, RECEIVER_TYPES)) {
      if (r.entityId === origin.entityId || r.adjectival) continue;
      out.push({ subject: origin, predicate: 'SUPPLIES', object: r, rule: 'supplies-cargo.route', confidence: 0.55 });
    }
    break;
  }
  return out;
}

export const rule: RelationRule = {
  id: 'supplies-cargo',
  predicate: 'SUPPLIES',
  subjectTypes: ['Country'],
  objectTypes: ['Country'],
  summary: 'A cargo of goods with a written origin reaches buyers in a country: "Tankers carry Russian oil ... to refineries in India".',
  variants: [{ id: 'supplies-cargo.route', example: '"Tankers carrying Russian oil pass the straits. The vessels sail on to buyers in India and China"' }],
  acceptsReferences: false,
  minMentions: 1,
  cue: /\b(?:refiner|refineries|buyers?|customers?|clients|ports?|terminals?|importers?|traders|markets?|destinations?|plants?|smelters?)\s+in\b/i,
  sidesInSentence: 'object',
  run: suppliesCargoRule,
};
