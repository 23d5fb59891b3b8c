import type { EntityType } from '@newsgraph/shared';
import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { withoutNameBrackets } from '../name-brackets.ts';
import { between, listForward, mentionAfter, subjectBefore, triggers, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * SUPPLIES from an order, the way business news reports sales of aircraft, equipment and
 * software: the buyer places an order with the seller, the seller wins an order from the buyer.
 * Subject = the seller, object = the buyer.
 * - "Qantas has placed a firm order with Boeing for four 747s", "Pan Am announced an order for 40
 *   aircraft from Boeing and Airbus" (each seller of a list);
 * - "Lotus said it has received a 30 mln dlr order from Micro D", "it already has orders from A and B".
 * Only a company or a country on either side; an order of a court or a government ("an order from
 * the judge") names no organization that buys.
 */

const STATE: ReadonlySet<EntityType> = new Set<EntityType>(['Organization', 'Country']);
/** "placed a firm order with", "announced an order for 40 new aircraft from", "signed a six mln dlr order with". */
const PLACED = /\b(?:placed|places|place|placing|announced|announces|signed|signs|booked|books|confirmed|confirms|made|makes)\s+(?:a|an|its|the)\s+(?:[\w.$-]+\s+){0,5}?orders?\s+(?:(?:for|worth)\s+[^.;]{1,60}?\s+)?(?:with|from)\s+(?:the\s+)?/gi;
/** "received a 30 mln dlr order from", "won a major order from", "has orders from". */
const RECEIVED = /\b(?:received|receives|receive|won|wins|win|got|gets|get|secured|secures|landed|lands|has|have|had|booked|books)\s+(?:(?:a|an|its|the|new|further|more|firm)\s+)?(?:[\w.$-]+\s+){0,5}?orders?\s+(?:(?:for|worth)\s+[^.;]{1,60}?\s+)?from\s+(?:the\s+)?/gi;
/** What an order of a court or an official is: not a purchase. */
const NOT_PURCHASE = /\b(?:court|judge|restraining|executive|gag|cease|injunction|administrative|consent|stop|emergency|standing|in\s+order)\b/i;

function isTrader(m: MentionView | null): m is MentionView {
  return m !== null && !m.adjectival && (m.type === 'Country' || (m.kind !== 'GovernmentAgency' && m.kind !== 'PoliticalParty' && m.kind !== 'MediaOutlet'));
}

function partyAt(ctx: SentenceContext, pos: number): MentionView | null {
  const m = mentionAfter(ctx, pos, STATE, /^\s*(?:<\s*)?$/);
  return isTrader(m) ? m : null;
}

export function suppliesOrderRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const t of triggers(ctx, PLACED)) {
    if (NOT_PURCHASE.test(t.match[0])) continue;
    const seller = partyAt(ctx, t.end);
    const buyer = subjectBefore(ctx, t.start, STATE);
    if (!seller || !isTrader(buyer)) continue;
    for (const s of listForward(ctx, seller, STATE)) {
      if (isTrader(s) && s.entityId !== buyer.entityId) out.push({ subject: s, predicate: 'SUPPLIES', object: buyer, rule: s === seller ? 'supplies-order.placed' : 'supplies-order.placed.list', confidence: 0.6 });
    }
  }
  for (const t of triggers(ctx, RECEIVED)) {
    if (NOT_PURCHASE.test(t.match[0])) continue;
    const buyer = partyAt(ctx, t.end);
    const seller = subjectBefore(ctx, t.start, STATE);
    if (!buyer || !isTrader(seller)) continue;
    // "Tandem also won a major order from the <Bank of Tokyo>": the brackets round the buyer's name.
    if (withoutNameBrackets(between(ctx, t.end, buyer.start)).trim() !== '') continue;
    for (const b of listForward(ctx, buyer, STATE)) {
      if (isTrader(b) && b.entityId !== seller.entityId) out.push({ subject: seller, predicate: 'SUPPLIES', object: b, rule: b === buyer ? 'supplies-order.received' : 'supplies-order.received.list', confidence: 0.6 });
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'supplies-order',
  predicate: 'SUPPLIES',
  subjectTypes: ['Organization', 'Country'],
  objectTypes: ['Organization', 'Country'],
  summary: 'An order placed with a seller or won from a buyer: "X placed an order with Y for four jets", "Y received an order from X".',
  variants: [
    { id: 'supplies-order.placed', example: '"X has placed a firm order with Y for four aircraft", "X announced an order for 40 aircraft from Y and Z"' },
    { id: 'supplies-order.received', example: '"Y said it received a 30 mln dlr order from X", "Y has orders from X and Z" (not "an order from the court")' },
  ],
  acceptsReferences: true,
  minMentions: 1,
  cue: /\border/i,
  sidesInSentence: 'both',
  run: suppliesOrderRule,
};
