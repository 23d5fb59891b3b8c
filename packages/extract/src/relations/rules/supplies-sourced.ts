import type { EntityType } from '@newsgraph/shared';
import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { between, listForward, mentionAfter, subjectBefore, triggers, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * SUPPLIES read from the buyer's side when the goods phrase is long or the sellers are described:
 * "Russia's defence industry imported more than 2,000 tonnes of nitrocellulose from China", "the
 * firm bought the engines from distributors in Italy and Poland", "X sourced $4 million of chips
 * from traders based in Hong Kong". Subject = the seller (each of a list), object = the buyer (the
 * verb's subject). What is bought must be goods: a goods name or a product noun before "from".
 */

const STATE: ReadonlySet<EntityType> = new Set<EntityType>(['Organization', 'Country']);
const BUY = /\b(?:bought|buys|buy|buying|purchased|purchases|purchase|imported|imports|import|importing|sourced|sources|obtained|obtains|procured|procures|acquired|acquires|ordered|orders)\b/gi;
/** From the verb to the seller: up to twelve words of goods (numbers with commas, "$4 million"), "from", a described seller. */
const GOODS_TO_SELLER =
  /^\s+(?:[^\s.;:!?"“”()]+\s+){1,12}?from\s+(?:(?:the\s+)?(?:[a-z-]+\s+)?(?:distributors|dealers|suppliers|makers|manufacturers|firms|companies|traders|factories|producers|exporters|wholesalers|brokers|vendors|refiners|plants|mills|resellers|intermediaries)\s+(?:based\s+|registered\s+)?in\s+)?(?:the\s+)?$/i;
const PRODUCT =
  /\b(?:goods|items|equipment|parts|components|chips|microchips|semiconductors|electronics|microelectronics|processors|engines|drones|weapons|arms|ammunition|munitions|shells|missiles|machinery|machines|tools|technology|products|materials|chemicals|devices|oil|crude|fuel|diesel|gas|coal|grain|wheat|steel|aluminium|aluminum|copper|avionics|bearings|sensors|modules|batteries|optics|cars|vehicles|trucks|aircraft|tonnes|tons|barrels|cargoes)\b/i;
/** Money, stakes and help are not goods: "bought a stake from", "obtained a loan from". */
const NOT_GOODS = /\b(?:stakes?|shares?|loans?|credit|funds?|funding|financing|licen[cs]es?|permission|approval|rights|assets|units?|division|business|subsidiary|support|help|advice|information|data)\b/i;

export function suppliesSourcedRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const t of triggers(ctx, BUY)) {
    const first = mentionAfter(ctx, t.end, STATE, GOODS_TO_SELLER);
    if (!first || first.adjectival) continue;
    const gap = between(ctx, t.end, first.start);
    const goodsText = gap.slice(0, gap.search(/\bfrom\s/i));
    const goodsNamed = ctx.mentions.some((m) => m.type === 'Goods' && m.start >= t.end && m.end <= first.start);
    if ((!goodsNamed && !PRODUCT.test(goodsText)) || NOT_GOODS.test(goodsText)) continue;
    const buyer = subjectBefore(ctx, t.start, STATE);
    if (!buyer || buyer.adjectival) continue;
    const sellers = listForward(ctx, first, STATE).filter((m) => !m.adjectival);
    sellers.forEach((s: MentionView, k) => {
      if (s.entityId !== buyer.entityId) out.push({ subject: s, predicate: 'SUPPLIES', object: buyer, rule: k === 0 ? 'supplies-sourced.from' : 'supplies-sourced.from.list', confidence: 0.65 });
    });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'supplies-sourced',
  predicate: 'SUPPLIES',
  subjectTypes: ['Organization', 'Country'],
  objectTypes: ['Organization', 'Country'],
  summary: 'Goods bought from a seller, read from the buyer: "Y imported 2,000 tonnes of X from China", "Y bought the engines from distributors in Italy and Poland".',
  variants: [{ id: 'supplies-sourced.from', example: '"Y imported more than 2,000 tonnes of nitrocellulose from X", "Y bought the engines from distributors in X and Z"' }],
  acceptsReferences: true,
  minMentions: 2,
  cue: /\b(?:bought|buy|purchas|import|sourced|sources|obtain|procur|acquir|order)[^.;]{0,120}?\bfrom\s/i,
  sidesInSentence: 'both',
  run: suppliesSourcedRule,
};
