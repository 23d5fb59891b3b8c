import type { RelationRule } from '../../interfaces/relation-rule.ts';
import {
  COUNTRY_TYPES,
  STATE_TYPES,
  mentionAfter,
  triggers,
  type MentionView,
  type RelationCandidate,
  type SentenceContext,
} from '../sentence-context.ts';

/**
 * TRADES_WITH (symmetric): "A trades with B", "A's trade with B", "his country was continuing our
 * trade with Russia" (A = the country last named before the trigger), "trade between A and B".
 */

const TRADE_WITH = /\b(?:trade|trades|traded|trading)\s+(?:(?:ties|relations|links|flows?|volumes?)\s+)?with\b/gi;
const TRADE_BETWEEN = /\btrade\s+(?:ties\s+|relations\s+|flows?\s+)?between\b/gi;

function countryBefore(ctx: SentenceContext, pos: number, exclude: string): MentionView | null {
  for (let i = ctx.mentions.length - 1; i >= 0; i--) {
    const m = ctx.mentions[i]!;
    if (m.end > pos) continue;
    if (pos - m.end > 250) return null;
    if (m.type === 'Country' && m.entityId !== exclude) return m;
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
  for (const t of triggers(ctx, TRADE_BETWEEN)) {
    const a = mentionAfter(ctx, t.end, COUNTRY_TYPES, /^\s+(?:the\s+)?$/i);
    if (!a) continue;
    const b = ctx.mentions[a.index + 1];
    if (!b || b.type !== 'Country' || !/^\s+and\s+(?:the\s+)?$/i.test(ctx.text.slice(a.end, b.start)) || a.entityId === b.entityId) continue;
    out.push({ subject: a, predicate: 'TRADES_WITH', object: b, rule: 'trade.between', confidence: 0.75 });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'trade',
  predicate: 'TRADES_WITH',
  subjectTypes: ['Country', 'Organization'],
  objectTypes: ['Country', 'Organization'],
  summary: 'Two countries trade with each other (symmetric).',
  variants: [
    { id: 'trade.with', example: '"Turkey\'s trade with Russia"' },
    { id: 'trade.between', example: '"trade between A and B"' },
  ],
  acceptsReferences: true,
  run: tradeRule,
};
