import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { verbAlternation } from '../verb-forms.ts';
import {
  COUNTRY_TYPES,
  STATE_TYPES,
  mentionBefore,
  sentenceSubject,
  subjectBefore,
  type MentionView,
  type RelationCandidate,
  type SentenceContext,
} from '../sentence-context.ts';

/**
 * SUPPLIES read from the buyer's side: the goods are named by their country of origin ("Venezuelan
 * fuel", "U.S. farm products") and the sentence says who buys them. Subject = the origin, object =
 * the buyer.
 * - "Argentina signed an agreement to import Venezuelan fuel", "Japan buys Australian beef";
 * - "Seoul's efforts to increase imports of U.S. goods" (the owner of the imports);
 * - "Japan is the largest buyer of U.S. farm products", "China, the biggest market for Australian coal";
 * - "Egyptian goods ... free access to American markets".
 */

const BUY = new RegExp(`\\b(?:${verbAlternation(['import', 'buy', 'purchase'])})\\s+(?:(?:more|less|fewer|some|all|cheap|cheaper|large\\s+amounts\\s+of|\\d[\\d.,]*\\s+(?:mln|million|bn|billion|tonnes|tons)?\\s*(?:of\\s+)?)\\s*)?$`, 'i');
const IMPORTS_OF = /\b(?:imports|purchases|import|purchase)\s+of\s+(?:the\s+)?$/i;
const BUYER_OF = /^\s*(?:,\s*|\s+(?:is|was|are|were|has\s+been|have\s+been|had\s+been|became|becomes|remains|remained)\s+)(?:(?:now|still|also|already)\s+)?(?:(?:a|an|the|one\s+of\s+the|its)\s+)?(?:(?:largest|biggest|main|major|top|leading|second-largest|third-largest|\w+-largest|most\s+important|important|chief|principal|single\s+largest)\s+)*(?:buyers?|importers?|customers?|purchasers?|markets?)\s+(?:of|for)\s+$/i;
/** What the demonym must describe: goods, not people or policies ("U.S. officials", "Japanese demands"). */
const GOODS_NOUN =
  /^[\s-]+(?:[a-z-]+\s+){0,2}?(?:goods|products|produce|exports|imports|commodities|fuel|oil|crude|gas|coal|steel|beef|pork|meat|cattle|grains?|wheat|rice|corn|maize|soybeans?|sugar|cotton|wool|wine|textiles|cars|vehicles|trucks|machinery|equipment|chips|microchips|semiconductors|electronics|timber|lumber|fish|fruit|vegetables|dairy|milk|cheese|tobacco|arms|weapons|drones|aircraft|planes|ships|iron\s+ore|copper|aluminium|aluminum|gold|minerals|fertili[sz]ers?|chemicals|pharmaceuticals|medicines)\b/i;
const MARKET_ACCESS = /\b(?:access|entry)\s+(?:in)?to\s+(?:the\s+)?$/i;
const MARKETS_AFTER = /^\s+(?:consumer\s+)?markets?\b/i;

/** The origin country of goods, when a demonym or a country name opens their noun phrase. */
function isOriginOfGoods(ctx: SentenceContext, m: MentionView): boolean {
  if (m.type !== 'Country' || /^['’]s?\b/.test(ctx.text.slice(m.end, m.end + 2))) return false;
  const next = ctx.mentions[m.index + 1];
  if (next?.type === 'Goods' && /^[\s-]+(?:[a-z-]+\s+){0,2}$/.test(ctx.text.slice(m.end, next.start))) return true;
  return GOODS_NOUN.test(ctx.text.slice(m.end, m.end + 50));
}

export function importsRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const add = (origin: MentionView, buyer: MentionView, rule: string, confidence: number): void => {
    // A demonym buys nothing ("Japanese buy ..." names no buyer) except as the market it qualifies.
    if (origin.entityId !== buyer.entityId && (!buyer.adjectival || rule === 'imports.market-access')) out.push({ subject: origin, predicate: 'SUPPLIES', object: buyer, rule, confidence });
  };
  for (const m of ctx.mentions) {
    if (!isOriginOfGoods(ctx, m)) continue;
    const from = Math.max(ctx.sentence.start, m.start - 80);
    const left = ctx.text.slice(from, m.start);
    // "... to import Venezuelan fuel": the buyer is the subject of the verb, or of the clause an infinitive hangs on.
    const buy = BUY.exec(left);
    if (buy) {
      const verbAt = from + buy.index;
      let buyer = /\bto\s+$/i.test(ctx.text.slice(Math.max(ctx.sentence.start, verbAt - 4), verbAt)) ? null : subjectBefore(ctx, verbAt, STATE_TYPES);
      if (!buyer && /\bto\s+$/i.test(ctx.text.slice(Math.max(ctx.sentence.start, verbAt - 4), verbAt))) {
        const main = sentenceSubject(ctx, STATE_TYPES) ?? firstStateOfClause(ctx, verbAt);
        if (main && main.end <= verbAt && verbAt - main.end < 120 && !/[;:“”"]|\b(?:said|says|told|who|which|that)\b/i.test(ctx.text.slice(main.end, verbAt))) buyer = main;
      }
      if (buyer) add(m, buyer, 'imports.verb', 0.65);
      continue;
    }
    // "Seoul's efforts to increase imports of U.S. goods".
    const of = IMPORTS_OF.exec(left);
    if (of) {
      const nounAt = from + of.index;
      // "America's decision to impose tariffs on imports of ...": a barrier is read by the sanctions rules, not as trade.
      const owner = mentionBefore(ctx, nounAt, STATE_TYPES, /^['’]s\s+(?:(?!(?:tariffs?|duties|dut(?:y|ies)|bans?|curbs?|quotas?|limits?|restrictions?|embargo\w*|barriers?|sanctions?)\b)[a-z-]+\s+){0,5}$/i);
      if (owner) add(m, owner, 'imports.noun', 0.6);
      continue;
    }
    // "Japan is the largest buyer of U.S. farm products".
    const buyer = mentionBefore(ctx, m.start, STATE_TYPES, BUYER_OF);
    if (buyer) {
      add(m, buyer, 'imports.buyer', 0.65);
      continue;
    }
    // "Egyptian goods made in partnership with Israeli firms free access to American markets".
    for (let i = m.index + 1; i < ctx.mentions.length; i++) {
      const market = ctx.mentions[i] as MentionView;
      if (market.start - m.end > 120) break;
      if (!COUNTRY_TYPES.has(market.type) || !MARKETS_AFTER.test(ctx.text.slice(market.end, market.end + 20))) continue;
      if (MARKET_ACCESS.test(ctx.text.slice(Math.max(m.end, market.start - 30), market.start)) && !/[;:]/.test(ctx.text.slice(m.end, market.start))) add(m, market, 'imports.market-access', 0.6);
      break;
    }
  }
  return out;
}

/** "Last April, Argentina signed ...": the first state of the sentence when only an opening phrase comes before it. */
function firstStateOfClause(ctx: SentenceContext, pos: number): MentionView | null {
  const first = ctx.mentions.find((m) => STATE_TYPES.has(m.type) && !m.adjectival && m.end <= pos);
  if (!first) return null;
  return /^[^,;:]{0,30},\s*(?:the\s+)?$/.test(ctx.text.slice(ctx.sentence.start, first.start)) ? first : null;
}

export const rule: RelationRule = {
  id: 'imports',
  predicate: 'SUPPLIES',
  subjectTypes: ['Country'],
  objectTypes: ['Country', 'Organization'],
  summary: 'Goods named by their country of origin and bought by another (subject = the origin).',
  variants: [
    { id: 'imports.verb', example: '"X signed an agreement to import Venezuelan fuel", "X buys Australian beef"' },
    { id: 'imports.noun', example: '"X\'s efforts to increase imports of U.S. goods"' },
    { id: 'imports.buyer', example: '"X is the largest buyer of U.S. farm products", "X, the biggest market for Australian coal"' },
    { id: 'imports.market-access', example: '"Egyptian goods ... free access to American markets"' },
  ],
  acceptsReferences: true,
  minMentions: 2,
  cue: /import|\bbu[yi]|bought|purchas|customer|market/i,
  run: importsRule,
};
