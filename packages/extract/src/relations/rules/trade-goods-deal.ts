import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { STATE_TYPES, between, listBackward, mentionAfter, mentionBefore, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * TRADES_WITH for a deal over goods: "Venezuela and China sign oil deal", "Acme and Zed signed a
 * 10-year gas supply agreement", "Norland struck an arms deal with Sudova". A deal to buy or sell
 * goods is trade between its parties, as a trade deal is; the goods are a mention of the goods
 * lexicon, so "a peace deal" or "a 5bn deal" is no such deal. The agreement must be made (signed,
 * sealed, struck, reached, concluded); talks about one are other rules' business.
 */

const VERB_BEFORE =
  /\b(?:signed|sign|signs|signing|sealed|seal|seals|struck|strike|strikes|reached|reach|reaches|clinched|clinch|inked|ink|concluded|conclude|concludes|agreed|agree|agrees)\s+(?:(?:a|an|the|their|new|a\s+new|two|three|several)\s+)?(?:(?:[a-z-]+|\$[\d.]+\s*(?:m|bn|billion|million)|[\d.]+(?:bn|m)?)\s+){0,3}?$/i;
const DEAL_AFTER = /^\s+(?:(?:supply|supplies|export|exports|import|imports|purchase|sales?|swap|barter|trade|trading)\s+)?(?:deals?|pacts?|agreements?|accords?|contracts?|protocols?|treat(?:y|ies))\b/i;
/** Between the parties and the verb: auxiliaries, adverbs, a day. */
const SUBJECT_GAP = /^\s+(?:(?:have|has|had|also|finally|formally|jointly|will|would|on\s+\w+day|yesterday|today)\s+)*$/i;

function isParty(m: MentionView): boolean {
  return STATE_TYPES.has(m.type) && !m.adjectival && m.kind !== 'MediaOutlet';
}

export function tradeGoodsDealRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const goods of ctx.mentions) {
    if (goods.type !== 'Goods') continue;
    const deal = DEAL_AFTER.exec(ctx.text.slice(goods.end, Math.min(ctx.sentence.end, goods.end + 40)));
    if (!deal) continue;
    const left = ctx.text.slice(Math.max(ctx.sentence.start, goods.start - 60), goods.start);
    const verb = VERB_BEFORE.exec(left);
    if (!verb) continue;
    const verbStart = goods.start - left.length + verb.index;
    const last = mentionBefore(ctx, verbStart, STATE_TYPES, SUBJECT_GAP);
    if (!last || !isParty(last)) continue;
    const parties = listBackward(ctx, last, STATE_TYPES).filter(isParty);
    // "... an arms deal with Sudova": each party trades with the one after "with".
    const withParty = mentionAfter(ctx, goods.end + deal[0].length, STATE_TYPES, /^\s+with\s+(?:the\s+)?$/i);
    if (withParty && isParty(withParty)) {
      for (const p of parties) if (p.entityId !== withParty.entityId) out.push({ subject: p, predicate: 'TRADES_WITH', object: withParty, rule: 'trade-goods-deal.with', confidence: 0.65 });
      continue;
    }
    for (let i = 0; i < parties.length; i++) {
      for (let j = i + 1; j < parties.length; j++) {
        const a = parties[i] as MentionView;
        const b = parties[j] as MentionView;
        if (a.entityId !== b.entityId && !/[;:]/.test(between(ctx, a.end, b.start))) out.push({ subject: a, predicate: 'TRADES_WITH', object: b, rule: 'trade-goods-deal.joint', confidence: 0.65 });
      }
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'trade-goods-deal',
  predicate: 'TRADES_WITH',
  subjectTypes: ['Country', 'Organization'],
  objectTypes: ['Country', 'Organization'],
  summary: 'The parties of a deal over goods trade with each other ("Venezuela and China sign oil deal"; symmetric).',
  variants: [
    { id: 'trade-goods-deal.joint', example: '"A and B sign oil deal", "A and B signed a 10-year gas supply agreement"' },
    { id: 'trade-goods-deal.with', example: '"A struck an arms deal with B" (not "a peace deal", not "talks on a gas deal")' },
  ],
  acceptsReferences: true,
  minMentions: 2,
  cue: /\b(?:deals?|pacts?|agreements?|accords?|contracts?|protocols?|treat(?:y|ies))\b/i,
  run: tradeGoodsDealRule,
};
