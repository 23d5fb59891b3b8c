import type { RelationRule } from '../../interfaces/relation-rule.ts';
import {
  COUNTRY_TYPES,
  STATE_TYPES,
  mentionAfter,
  mentionBefore,
  listBackward,
  triggers,
  type MentionView,
  type RelationCandidate,
  type SentenceContext,
} from '../sentence-context.ts';

/**
 * TRADES_WITH (symmetric): "A trades with B", "A's trade with B", "his country was continuing our
 * trade with Russia" (A = the country last named before the trigger), "trade between A and B".
 */

const TRADE_WITH =
  /\b(?:trade|trades|traded|trading|commerce)\s+(?:(?:ties|relations|relationship|links|flows?|volumes?|turnover|surplus|deficit|gap|imbalance|balance|deals?|agreements?|pacts?|disputes?|row|war|frictions?|tensions|talks|negotiations)\s+)?with\b/gi;
const TRADE_BETWEEN = /\b(?:trade|commerce)\s+(?:ties\s+|relations\s+|flows?\s+|volumes?\s+|turnover\s+|links\s+)?between\b/gi;
/** "X is Y's largest trading partner", "Y's biggest trading partner, X", "X and Y are major trading partners". */
const PARTNER = /\b(?:trading|trade|commercial|export|import)\s+partners?\b/gi;
const PARTNER_ADJECTIVES = /^(?:['’]s)?\s+(?:(?:largest|biggest|main|major|top|key|leading|second-largest|third-largest|second-biggest|most\s+important|important|fastest-growing|chief|principal|no\.\s*\d|number\s+\w+|\w+-largest)\s+)*$/i;

function countryBefore(ctx: SentenceContext, pos: number, exclude: string): MentionView | null {
  for (let i = ctx.mentions.length - 1; i >= 0; i--) {
    const m = ctx.mentions[i]!;
    if (m.end > pos) continue;
    if (pos - m.end > 250) return null;
    // "no trade with Nicaragua and very little trade with Romania": a partner is no trader.
    if (m.type === 'Country' && m.entityId !== exclude && !/\bwith\s+(?:the\s+)?$/i.test(ctx.text.slice(Math.max(0, m.start - 12), m.start))) return m;
  }
  return null;
}

export function tradeRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const t of triggers(ctx, TRADE_WITH)) {
    const partner = mentionAfter(ctx, t.end, STATE_TYPES, /^\s+(?:the\s+)?$/i);
    if (!partner || partner.adjectival) continue;
    const trader = countryBefore(ctx, t.start, partner.entityId);
    if (!trader) continue;
    out.push({ subject: trader, predicate: 'TRADES_WITH', object: partner, rule: 'trade.with', confidence: 0.7 });
  }
  for (const t of triggers(ctx, PARTNER)) {
    // The owner: "Russia's largest trading partner".
    const owner = mentionBefore(ctx, t.start, COUNTRY_TYPES, PARTNER_ADJECTIVES);
    if (owner && !owner.adjectival && /^['’]s/.test(ctx.text.slice(owner.end, owner.end + 2))) {
      // The partner: before, with a copula ("China is Russia's ..."), or after, in apposition ("..., China").
      const before = mentionBefore(ctx, owner.start, STATE_TYPES, /^\s+(?:(?:is|was|has been|remains|remained|became|has become|overtook\s+\w+\s+as)\s+|,\s+)(?:(?:now|still|already|also)\s+)?$/i);
      const after = mentionAfter(ctx, t.end, STATE_TYPES, /^\s*,?\s+(?:the\s+)?$/i);
      const partner = before ?? after;
      if (partner && !partner.adjectival && partner.entityId !== owner.entityId) out.push({ subject: partner, predicate: 'TRADES_WITH', object: owner, rule: 'trade.partner', confidence: 0.7 });
      continue;
    }
    // "Japan and Australia are major trading partners".
    const tail = mentionBefore(ctx, t.start, STATE_TYPES, /^\s+(?:are|were|have been|remain|became)\s+(?:(?:close|major|key|important|big|large|natural|significant|strong)\s+)*$/i);
    if (!tail) continue;
    const list = listBackward(ctx, tail, STATE_TYPES);
    if (list.length === 2 && !list[0]!.adjectival && !list[1]!.adjectival) out.push({ subject: list[0]!, predicate: 'TRADES_WITH', object: list[1]!, rule: 'trade.partner', confidence: 0.7 });
  }
  for (const t of triggers(ctx, TRADE_BETWEEN)) {
    const a = mentionAfter(ctx, t.end, COUNTRY_TYPES, /^\s+(?:the\s+)?$/i);
    if (!a) continue;
    const b = ctx.mentions[a.index + 1];
    if (!b || b.type !== 'Country' || !/^\s+and\s+(?:the\s+)?$/i.test(ctx.text.slice(a.end, b.start)) || a.entityId === b.entityId) continue;
    out.push({ subject: a, predicate: 'TRADES_WITH', object: b, rule: 'trade.between', confidence: 0.75 });
  }
  // "A and B signed a trade deal", "A and B seal free-trade pact": the joint parties of a trade agreement.
  for (const t of triggers(ctx, SEALED_TRADE_DEAL)) {
    const last = mentionBefore(ctx, t.start, COUNTRY_TYPES, /^\s+(?:(?:have|has|had|also|finally|formally|jointly|will|would|on\s+\w+day)\s+)*$/i);
    if (!last) continue;
    const parties = listBackward(ctx, last, COUNTRY_TYPES).filter((m) => !m.adjectival);
    for (let i = 0; i < parties.length; i++) {
      for (let j = i + 1; j < parties.length; j++) {
        if (parties[i]!.entityId !== parties[j]!.entityId) out.push({ subject: parties[i]!, predicate: 'TRADES_WITH', object: parties[j]!, rule: 'trade.deal', confidence: 0.7 });
      }
    }
  }
  // "the A-B trade dispute", "U.S.-Soviet trade relations", "an A-B chip trade pact".
  for (let i = 0; i + 1 < ctx.mentions.length; i++) {
    const a = ctx.mentions[i]!;
    const b = ctx.mentions[i + 1]!;
    if (a.type !== 'Country' || b.type !== 'Country' || a.entityId === b.entityId) continue;
    if (!/^\s?[-–/]\s?$/.test(ctx.text.slice(a.end, b.start))) continue;
    if (!PAIR_TRADE.test(ctx.text.slice(b.end, b.end + 50))) continue;
    out.push({ subject: a, predicate: 'TRADES_WITH', object: b, rule: 'trade.pair', confidence: 0.7 });
  }
  return out;
}

const SEALED_TRADE_DEAL =
  /\b(?:signed|sign|signs|sealed|seal|seals|extended|extend|extends|renewed|renew|struck|strike|strikes|reached|reach|clinched|inked|agreed)\s+(?:(?:a|an|the|their|new|a\s+new)\s+)?(?:[a-z-]+\s+){0,2}?(?:trade|free-trade|trading|commercial)\s+(?:deal|pact|agreement|accord|protocol|treaty)\b/gi;
/** After "A-B": a trade noun within two words ("trade", "micro chip trade pact"), not "trade union". */
const PAIR_TRADE = /^\s+(?:[a-z-]+\s+){0,2}?(?:trade|trading|commerce|commercial|free-trade)\b(?!\s+(?:unions?|unionists?|marks?|secrets?|shows?|fairs?|names?)\b)/;

export const rule: RelationRule = {
  id: 'trade',
  predicate: 'TRADES_WITH',
  subjectTypes: ['Country', 'Organization'],
  objectTypes: ['Country', 'Organization'],
  summary: 'Two countries trade with each other (symmetric).',
  variants: [
    { id: 'trade.with', example: '"Turkey\'s trade with Russia", "its trade surplus with Y", "a trade deal with Y", "a trade dispute with Y"' },
    { id: 'trade.partner', example: '"X is Y\'s largest trading partner", "Y\'s main trading partner, X", "X and Y are major trading partners"' },
    { id: 'trade.between', example: '"trade between A and B"' },
    { id: 'trade.deal', example: '"A and B signed a trade deal", "A and B seal free-trade pact"' },
    { id: 'trade.pair', example: '"the A-B trade dispute", "A-B trade relations", "an A-B chip trade pact"' },
  ],
  acceptsReferences: true,
  minMentions: 2,
  cue: /trad|commerce|partner/i,
  run: tradeRule,
};
