import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { COUNTRY_TYPES, STATE_TYPES, between, mentionAfter, mentionBefore, triggers, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * TRADES_WITH (symmetric) from a trade balance written without the word "trade": "Japan's surplus
 * with the United States", "the Japanese current account surplus with the EC", "Hong Kong ran a
 * deficit of 1.2 billion dlrs with China", "the U.S. deficit with Taiwan narrowed". A surplus or a
 * deficit with a country is the balance of the two countries' trade. The owner is the country in
 * the possessive or as a demonym before the noun, or the sentence's subject before "ran/had/posted a
 * deficit". Not a budget deficit, and "trade deficit with" is read by trade.with.
 */

const BALANCE_WITH = /\b(?:surplus(?:es)?|deficits?|imbalances?|shortfalls?)\s+(?:(?:of|worth)\s+[^,;]{1,40}?\s+)?with\s+/gi;
/** From the owner to the noun: "'s", "'s record", "'s 50 billion dlr current account", a demonym's adjectives. */
const OWNER_GAP = /^(?:['’]s)?\s+(?:(?:[a-z-]+|\d[\d.,]*|U\.S\.)\s+){0,5}$/;
/** Words before the noun that make it no trade balance. */
const NOT_TRADE = /\b(?:budget|fiscal|federal|government|public|spending|revenue|funding|pension|trade|payments)\s+$/i;
/** "Hong Kong ran a deficit": the subject and a verb of running a balance. */
const RAN_A = /^\s+(?:(?:has|had|have|also|again|still)\s+)?(?:ran|run|runs|running|posted|posts|recorded|records|had|has|reported|reports|showed|shows)\s+(?:a|an|its)\s+(?:(?:[a-z-]+|\d[\d.,]*)\s+){0,5}$/i;

export function tradeBalanceRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const t of triggers(ctx, BALANCE_WITH)) {
    if (NOT_TRADE.test(ctx.text.slice(Math.max(ctx.sentence.start, t.start - 20), t.start))) continue;
    const partner = mentionAfter(ctx, t.end, STATE_TYPES, /^(?:the\s+)?$/i);
    if (!partner || partner.adjectival) continue;
    let owner: MentionView | null = mentionBefore(ctx, t.start, COUNTRY_TYPES, OWNER_GAP);
    if (owner && !owner.adjectival && !/^['’]s/.test(between(ctx, owner.end, owner.end + 2))) owner = null;
    owner ??= mentionBefore(ctx, t.start, COUNTRY_TYPES, RAN_A);
    if (!owner || owner.entityId === partner.entityId) continue;
    out.push({ subject: owner, predicate: 'TRADES_WITH', object: partner, rule: 'trade-balance.with', confidence: 0.7 });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'trade-balance',
  predicate: 'TRADES_WITH',
  subjectTypes: ['Country'],
  objectTypes: ['Country', 'Organization'],
  summary: 'A trade balance written without "trade": "Japan\'s surplus with the United States", "Hong Kong ran a deficit with China" (not a budget deficit).',
  variants: [{ id: 'trade-balance.with', example: '"Japan\'s surplus with the United States", "the Japanese current account surplus with the EC", "X ran a deficit of 1.2 billion dlrs with Y"' }],
  acceptsReferences: true,
  minMentions: 2,
  cue: /surplus|deficit|imbalance|shortfall/i,
  sidesInSentence: 'both',
  run: tradeBalanceRule,
};
