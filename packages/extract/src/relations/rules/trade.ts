import type { RelationRule } from '../../interfaces/relation-rule.ts';
import {
  COUNTRY_TYPES,
  STATE_TYPES,
  mentionAfter,
  mentionBefore,
  listBackward,
  firstDocumentMentionAtOrAfter,
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
    const partner = mentionAfter(ctx, t.end, STATE_TYPES, /^\s+(?:the\s+)?(?:\d+\s+)?$/i);
    if (!partner || partner.adjectival) continue;
    // "the 25 EU member countries": a number counts the members of a bloc, which is the partner.
    if (/\d\s+$/.test(ctx.text.slice(t.end, partner.start)) && !/^\s+(?:member\s+)?(?:countries|states|nations|members)\b/i.test(ctx.text.slice(partner.end, partner.end + 30))) continue;
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
    const last = mentionBefore(ctx, t.start, COUNTRY_TYPES, SECOND_VERB);
    // "A and B signed a trade protocol with C", "the two countries signed ... with C": each party trades with C.
    const withParty = mentionAfter(ctx, t.end, STATE_TYPES, /^\s+with\s+(?:the\s+)?$/i);
    const parties = last ? listBackward(ctx, last, COUNTRY_TYPES).filter((m) => !m.adjectival) : twoNamedBefore(ctx, t.start);
    if (parties.length === 0) continue;
    if (withParty && !withParty.adjectival) {
      for (const p of parties) if (p.entityId !== withParty.entityId) out.push({ subject: p, predicate: 'TRADES_WITH', object: withParty, rule: 'trade.deal', confidence: 0.7 });
      continue;
    }
    for (let i = 0; i < parties.length; i++) {
      for (let j = i + 1; j < parties.length; j++) {
        if (parties[i]!.entityId !== parties[j]!.entityId) out.push({ subject: parties[i]!, predicate: 'TRADES_WITH', object: parties[j]!, rule: 'trade.deal', confidence: 0.7 });
      }
    }
  }
  // "Japan's row with the United States over trade": a dispute about trade is trade between the two.
  for (const m of ctx.mentions) {
    if (m.type !== 'Country' || m.adjectival) continue;
    const left = ctx.text.slice(Math.max(ctx.sentence.start, m.start - 40), m.start);
    const dispute = DISPUTE_OVER.exec(left);
    if (!dispute || !OVER_TRADE.test(ctx.text.slice(m.end, m.end + 60))) continue;
    const at = m.start - left.length + dispute.index;
    const owner = mentionBefore(ctx, at, COUNTRY_TYPES, /^(?:['’]s)?\s+(?:(?:[a-z-]+)\s+){0,3}$/i);
    const trader = owner && !owner.adjectival && /^['’]s/.test(ctx.text.slice(owner.end, owner.end + 2)) ? owner : null;
    if (trader && trader.entityId !== m.entityId) out.push({ subject: trader, predicate: 'TRADES_WITH', object: m, rule: 'trade.with', confidence: 0.65 });
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
  /\b(?:signed|sign|signs|sealed|seal|seals|extended|extend|extends|renewed|renew|revised|revise|revises|struck|strike|strikes|reached|reach|clinched|inked|agreed)\s+(?:(?:a|an|the|their|new|a\s+new)\s+)?(?:[a-z-]+\s+){0,2}?(?:trade|free-trade|trading|commercial|export|import|[a-z]+-for-[a-z]+|barter)\s+(?:deal|pact|agreement|accord|protocol|treaty)\b/gi;
/** "A and B have revised and extended their ... deal": a second verb of the same subject. */
const SECOND_VERB = /^\s+(?:(?:have|has|had|also|finally|formally|jointly|will|would|on\s+\w+day)\s+)*(?:[a-z]+ed\s+and\s+)?$/i;
/** "a row with the United States over trade", "its dispute with Japan over chip exports". */
const DISPUTE_OVER =
  /\b(?:row|rows|dispute|disputes|quarrel|feud|conflict|friction|frictions|tensions?|war|battle|talks|negotiations)\s+with\s+(?:the\s+)?$/i;
const OVER_TRADE = /^\s+(?:[a-z]+\s+)?(?:over|about|on)\s+(?:(?:the|its|their)\s+)?(?:[\w-]+\s+){0,3}?(?:trade|exports?|imports?|tariffs?|market\s+access|dumping|quotas?)\b/i;
/** After "A-B": a trade noun within two words ("trade", "micro chip trade pact"), not "trade union". */
const PAIR_TRADE =
  /^\s+(?:(?:[a-z-]+\s+){0,2}?(?:trade|trading|commerce|commercial|free-trade)\b(?!\s+(?:unions?|unionists?|marks?|secrets?|shows?|fairs?|names?)\b)|(?:agreement|accord|pact|deal|talks|dispute|row)\s+(?:on|over)\s+(?:[a-z-]+\s+){0,2}?(?:trade|exports?|imports?|tariffs?)\b)/;

/** "the two countries signed a trade protocol": the two countries named last (this sentence or the one before). */
function twoNamedBefore(ctx: SentenceContext, pos: number): MentionView[] {
  const left = ctx.text.slice(Math.max(ctx.sentence.start, pos - 50), pos);
  if (!/\b(?:the\s+)?(?:two|both)\s+(?:countries|nations|governments|sides)\s+(?:(?:have|has|had|also|finally|formally|jointly|will|would)\s+)*$/i.test(left)) return [];
  const found: MentionView[] = [];
  const doc = ctx.documentMentions;
  for (let i = firstDocumentMentionAtOrAfter(ctx, pos) - 1; i >= 0 && found.length < 2; i--) {
    const m = doc[i] as MentionView;
    if (m.sentenceIndex < ctx.sentenceIndex - 1) break;
    if (m.type !== 'Country' || m.adjectival || found.some((f) => f.entityId === m.entityId)) continue;
    found.push(m.sentenceIndex === ctx.sentenceIndex ? m : { ...m, index: -1, reference: { kind: 'description', antecedent: m, possessive: false } });
  }
  return found.length === 2 ? found : [];
}

export const rule: RelationRule = {
  id: 'trade',
  predicate: 'TRADES_WITH',
  subjectTypes: ['Country', 'Organization'],
  objectTypes: ['Country', 'Organization'],
  summary: 'Two countries trade with each other (symmetric).',
  variants: [
    { id: 'trade.with', example: '"Turkey\'s trade with Russia", "its trade surplus with Y", "a trade deal with Y", "a trade dispute with Y", "X\'s row with Y over trade"' },
    { id: 'trade.partner', example: '"X is Y\'s largest trading partner", "Y\'s main trading partner, X", "X and Y are major trading partners"' },
    { id: 'trade.between', example: '"trade between A and B"' },
    { id: 'trade.deal', example: '"A and B signed a trade deal", "A and B seal free-trade pact", "A and B extended a food-for-oil deal", "the two countries signed a trade protocol with C"' },
    { id: 'trade.pair', example: '"the A-B trade dispute", "A-B trade relations", "an A-B chip trade pact", "the A-B agreement on exports of chips"' },
  ],
  acceptsReferences: true,
  // "The two countries signed a trade protocol with C": one name, the two parties from before.
  minMentions: 1,
  cue: /trad|commerce|partner|export|import|-for-|barter/i,
  run: tradeRule,
};
