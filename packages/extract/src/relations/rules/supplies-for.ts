import type { EntityType } from '@newsgraph/shared';
import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { mentionAfter, mentionBefore, triggers, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * SUPPLIES for the reason a party was punished: "The EU added the trader X to its list for selling
 * drone engines to the Russian army"; "Washington fined X last year for shipping chips to Iran".
 * The seller is the object of the punishing verb (the gerund after "for" has no subject of its
 * own), a demonym before a company noun standing for its country ("sanctioned three Chinese firms
 * for supplying ..."); in the passive ("X was sanctioned by the Treasury for shipping ...") the
 * passive's subject; the buyer is the organization or country after the first "to" that a name
 * follows, a demonym only before a noun for a buyer ("to the Russian army").
 */

const FOR_SUPPLYING = /\bfor\s+(?:allegedly\s+|illegally\s+|secretly\s+)?(?:selling|supplying|shipping|exporting|delivering|providing|sending|smuggling)\b/gi;
/** Verbs whose object is punished for what it did. */
const PUNISHED =
  /\b(?:sanction(?:s|ed)?|designat(?:e|es|ed)|blacklist(?:s|ed)?|add(?:s|ed)?|fin(?:e|es|ed)|charg(?:e|es|ed)|penali[sz](?:e|es|ed)|punish(?:es|ed)?|indict(?:s|ed)?|arrest(?:s|ed)?|accus(?:e|es|ed)|target(?:s|ed)?|listed|froze\s+the\s+assets\s+of)\s+$/i;
/** "was sanctioned by (the)": the mention after it is the punisher, not the seller. */
const PASSIVE_BY =
  /\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being)\s+(?:\w+ly\s+)?(?:sanctioned|designated|blacklisted|added|fined|charged|penali[sz]ed|punished|indicted|arrested|accused|targeted|listed)\s+(?:(?:last|this|on|in)\s+\w+\s+)?by\s+(?:the\s+)?$/i;
const SELLER_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['Organization', 'Person', 'Country']);
const BUYER_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['Organization', 'Country']);
/** From the seller to "for": a time phrase or "to its list", no clause. */
const SELLER_TO_FOR = /^(?:\s+(?:[A-Za-z]+\s+){0,2}(?:firms|companies|entities|traders|suppliers|banks|exporters))?[^.;:,“”"]{0,70}$/;
/** A word of the seller's description: an article, a number, a lower-case or hyphenated word ("Dubai-registered"). */
const DESCRIPTION_WORD = /^(?:the|a|an|\d+|two|three|four|five|six|seven|eight|nine|ten|several|[a-z][a-z-]*|\p{Lu}[\p{L}]*-[a-z]+)$/u;
const MAX_DESCRIPTION_WORDS = 4;
const CLAUSE_BREAK = /[.;:!?]|\b(?:but|while|whereas|although|which|who|that)\b/i;
const BUYER_NOUN = /^\s+(?:[a-z-]+\s+){0,2}(?:army|military|armed\s+forces|navy|air\s+force|defen[cs]e\s+(?:industry|ministry|companies|firms)|arms\s+makers?|buyers?|clients?|customers?|firms|companies|manufacturers?|makers?|factories|programmes?|programs?)\b/i;

function sellerBefore(ctx: SentenceContext, pos: number): MentionView | null {
  for (let i = ctx.mentions.length - 1; i >= 0; i--) {
    const m = ctx.mentions[i] as MentionView;
    if (m.end > pos) continue;
    if (m.type === 'Goods' || m.type === 'Place') continue;
    if (!SELLER_TYPES.has(m.type) || !SELLER_TO_FOR.test(ctx.text.slice(m.end, pos))) return null;
    // "three Chinese firms": a demonym stands for its country only before the firms' noun.
    if (m.adjectival && !/^\s+(?:[a-z-]+\s+){0,2}(?:firms|companies|entities|traders|suppliers|banks|exporters|firm|company|trader|supplier|bank|exporter)\b/i.test(ctx.text.slice(m.end, m.end + 40))) return null;
    // "X was sanctioned by the Treasury for shipping ...": the agent after "by" punished; the
    // passive's subject, before "was", is the seller.
    const passive = PASSIVE_BY.exec(ctx.text.slice(Math.max(ctx.sentence.start, m.start - 80), m.start));
    if (passive) {
      const verbAt = m.start - (passive.input.length - passive.index);
      return mentionBefore(ctx, verbAt, SELLER_TYPES, /^\s+$/);
    }
    // The punishing verb, then up to four words of the seller's description ("the Dubai-registered trader").
    const words = ctx.text.slice(Math.max(ctx.sentence.start, m.start - 80), m.start).trimEnd().split(/\s+/);
    for (let k = 0; k <= MAX_DESCRIPTION_WORDS && k < words.length; k++) {
      if (k > 0 && !DESCRIPTION_WORD.test(words[words.length - k] as string)) break;
      if (PUNISHED.test(`${words.slice(0, words.length - k).join(' ')} `)) return m;
    }
    return null;
  }
  return null;
}

function buyerAfter(ctx: SentenceContext, from: number): MentionView | null {
  const rest = ctx.text.slice(from, Math.min(ctx.sentence.end, from + 200));
  const stop = CLAUSE_BREAK.exec(rest);
  const scope = stop ? rest.slice(0, stop.index) : rest;
  const to = /\bto\s+/g;
  for (let m = to.exec(scope); m; m = to.exec(scope)) {
    const b = mentionAfter(ctx, from + m.index + m[0].length, BUYER_TYPES, /^\s*(?:the\s+|a\s+)?(?:[a-z][a-z-]*\s+){0,3}$/);
    if (!b) continue;
    if (b.adjectival && !BUYER_NOUN.test(ctx.text.slice(b.end, b.end + 40))) continue;
    return b;
  }
  return null;
}

export function suppliesForRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const t of triggers(ctx, FOR_SUPPLYING)) {
    const seller = sellerBefore(ctx, t.start);
    if (!seller) continue;
    const buyer = buyerAfter(ctx, t.end);
    if (!buyer || buyer.entityId === seller.entityId) continue;
    out.push({ subject: seller, predicate: 'SUPPLIES', object: buyer, rule: 'supplies-for.punished', confidence: 0.65 });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'supplies-for',
  predicate: 'SUPPLIES',
  subjectTypes: ['Organization', 'Person', 'Country'],
  objectTypes: ['Organization', 'Country'],
  summary: 'The reason a party was punished: "added X to its list for selling drone engines to the Russian army".',
  variants: [{ id: 'supplies-for.punished', example: '"The EU added the trader X to its list for selling drone engines to the Russian army"' }],
  acceptsReferences: true,
  minMentions: 2,
  cue: /\bfor\s+(?:allegedly\s+|illegally\s+|secretly\s+)?(?:selling|supplying|shipping|exporting|delivering|providing|sending|smuggling)\b/i,
  sidesInSentence: 'both',
  run: suppliesForRule,
};
