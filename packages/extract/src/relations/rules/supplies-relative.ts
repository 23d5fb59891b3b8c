import type { EntityType } from '@newsgraph/shared';
import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { governmentOfCapital } from '../capital-government.ts';
import { between, mentionAfter, triggers, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * SUPPLIES stated in a relative clause whose antecedent is the seller, the way designation notices
 * are reported: "X, a Dubai trader that the Treasury said had shipped drone engines to Iran",
 * "A and B, two Cyprus shell companies that prosecutors say forwarded the chips to Y", "X, which
 * bought servo motors in Europe and shipped them to Iran's drone industry". The relative clause's
 * own subject ("the Treasury said") is the source, not a party. Also the appositive noun of a
 * seller with its buyer: "X, a Moscow supplier to the airline Y", "X, a distributor of Swiss
 * bearings to Y". The buyer follows the first "to" of the clause (a city's possessive before it,
 * "to Moscow's Y", is skipped; a country's possessive before a noun of its forces or industry,
 * "to Iran's drone industry", stands for the country; a demonym only before such a noun; a
 * capital for its country when the story names it, "forwarded the goods to Moscow").
 */

const STATE: ReadonlySet<EntityType> = new Set<EntityType>(['Organization', 'Country']);

/** "that" / "which", an optional reported source ("the Treasury said", "officials say"), auxiliaries. */
const RELATIVE =
  /\b(?:that|which)\s+(?:(?:[^,.;:"“”()]{1,70}?\s)?(?:said|says|say|alleged|alleges|allege|believes|believe|claimed|claims|found|concluded)\s+)?(?:(?:had|has|have|also|allegedly|secretly|illegally|then|later|repeatedly|regularly|knowingly|since|last\s+year|in\s+\d{4})\s+){0,3}/gi;
/** A verb of supply in the relative clause, possibly after a first verb ("bought X in Europe and shipped them"). */
const SUPPLY_VERB =
  /\b(?:supplied|supplies|supply|sold|sells|sell|shipped|ships|ship|exported|exports|export|re-exported|re-exports|delivered|delivers|deliver|sent|sends|send|forwarded|forwards|forward|transferred|transfers|smuggled|smuggles|provided|provides|resold|resells|routed|routes|flew|supplying|selling|shipping|exporting|delivering|sending|forwarding|smuggling|providing)\b/i;
/** The clause between the relative pronoun and the supply verb: no clause break, no second relative. */
const CLAUSE_TO_VERB = /^(?:(?![,;:"“”()]|\b(?:that|which|who|whose|but|although|while|because)\b)[\s\S]){0,90}$/i;
/** Words that turn the clause into a ban or an end of supply: "that was barred from selling", "which stopped shipping". */
const BLOCKED = /\b(?:bann?(?:ed|s)?|barred|bars?|prohibit\w*|stopp?(?:ed|s)?|halt\w*|ceased|restrict\w*|block\w*|prevent\w*)\b/i;
/**
 * The appositive between the seller and "that"/"which": an article or a number, then a short
 * description in which names of places, countries and goods are words ("a Dubai company", "two
 * Hong Kong shell companies", "a distributor in Shenzhen").
 */
const APPOSITIVE = /^\s*,\s+(?:a|an|the|one|two|three|four|five|six|both|another|its|their)\s+(?:[^,;:()"“”]{1,80}?\s+)?$/i;
const PLURAL_APPOSITIVE = /^\s*,\s+(?:two|three|four|five|six|both)\b/i;
/** What is supplied must be goods: a goods name or one of these nouns between the verb and "to". */
const PRODUCT =
  /\b(?:goods|items|equipment|parts|components|chips|microchips|semiconductors|electronics|microelectronics|processors|engines|drones|weapons|arms|ammunition|munitions|shells|missiles|machinery|machines|tools|technology|products|materials|chemicals|devices|systems|oil|crude|fuel|diesel|gas|cargo|cargoes|shipments?|spare|avionics|bearings|sensors|modules|batteries|optics|cars|vehicles|trucks|aircraft|them|it)\b/i;
/** A noun of a buyer's forces or industry after a demonym or a country's possessive. */
const BUYER_BODY =
  /^(?:['’]s)?\s+(?:(?:military|defen[cs]e|arms|weapons|drone|missile|aerospace|aviation|nuclear|war|state)\s+){0,2}(?:army|military|armed\s+forces|forces|navy|industry|industries|sector|makers?|manufacturers?|producers?|factories|factory|plants?|contractors?|programmes?|programs?|buyers?|customers?|clients?)\b/i;
/** The seller noun of an appositive with its buyer: "a supplier to", "a distributor of Swiss bearings to". */
const SELLER_NOUN = /\b(?:suppliers?|distributors?|resellers?|vendors?|exporters?)\s+(?:of\s+(?:[\w-]+\s+){1,6}?)?to\s+/gi;

function sellerBeforeRelative(ctx: SentenceContext, pos: number): MentionView[] {
  // "X, a Dubai company that ...": the name before the comma that opens the appositive.
  const left = ctx.text.slice(Math.max(ctx.sentence.start, pos - 100), pos);
  const comma = left.lastIndexOf(',');
  const commaAt = pos - left.length + comma;
  if (comma >= 0 && APPOSITIVE.test(ctx.text.slice(commaAt, pos))) {
    const seller = nearestBefore(ctx, commaAt + 1);
    if (!seller || !STATE.has(seller.type) || seller.adjectival || !/^\s*(?:\([A-Z][A-Za-z.&-]{1,11}\)\s*)?$/.test(between(ctx, seller.end, commaAt))) return [];
    return PLURAL_APPOSITIVE.test(ctx.text.slice(commaAt, pos)) ? coordinatedBefore(ctx, seller) : [seller];
  }
  // "X, which ...", "X that ...": the name right before.
  const near = nearestBefore(ctx, pos);
  if (near && STATE.has(near.type) && !near.adjectival && /^\s*,?\s*$/.test(between(ctx, near.end, pos))) return [near];
  return [];
}

/** The last mention that ends at or before `pos` (any type). */
function nearestBefore(ctx: SentenceContext, pos: number): MentionView | null {
  for (let i = ctx.mentions.length - 1; i >= 0; i--) {
    const m = ctx.mentions[i] as MentionView;
    if (m.end <= pos) return m;
  }
  return null;
}

/** "A and B" or "A, B and C" ending at `last`: every member (organizations and countries). */
function coordinatedBefore(ctx: SentenceContext, last: MentionView): MentionView[] {
  const list = [last];
  let next = last;
  for (let i = last.index - 1; i >= 0 && list.length < 24; i--) {
    const m = ctx.mentions[i] as MentionView;
    if (!STATE.has(m.type) || m.adjectival || !/^\s*(?:,|and|,\s*and)\s*(?:the\s+)?$/i.test(between(ctx, m.end, next.start))) break;
    list.unshift(m);
    next = m;
  }
  return list;
}

/** The buyer after the first "to" of the clause that starts at `from`. */
function buyerAfter(ctx: SentenceContext, from: number, requireProduct: boolean): MentionView | null {
  const rest = ctx.text.slice(from, Math.min(ctx.sentence.end, from + 160));
  const to = /^([^;:,"“”()]*?)\bto\s+/i.exec(rest);
  if (!to) return null;
  const goodsText = to[1] as string;
  const toEnd = from + to[0].length;
  if (requireProduct && !PRODUCT.test(goodsText) && !ctx.mentions.some((m) => m.type === 'Goods' && m.start >= from && m.end <= toEnd)) return null;
  let buyer = mentionAfter(ctx, toEnd, new Set<EntityType>(['Organization', 'Country', 'Place']), /^\s*(?:the\s+|a\s+|an\s+)?(?:[a-z][a-z-]*\s+){0,3}$/);
  if (!buyer) return null;
  if (buyer.type === 'Place') {
    // "to Moscow's Techinvest": the city's possessive only places the buyer named after it.
    const next = ctx.mentions[buyer.index + 1];
    if (next && next.type === 'Organization' && /^['’]s\s+(?:[a-z][a-z-]*\s+){0,2}$/.test(between(ctx, buyer.end, next.start))) buyer = next;
    // "forwarded the goods to Moscow": a capital stands for its country.
    else buyer = governmentOfCapital(ctx, buyer);
    if (!buyer) return null;
  }
  const after = ctx.text.slice(buyer.end, buyer.end + 50);
  if (buyer.adjectival) return BUYER_BODY.test(after) ? buyer : null;
  // "to Iran's drone industry" is Iran; "to Acme's subsidiary" is not Acme.
  if (/^['’]s\s/.test(after)) return buyer.type === 'Country' && BUYER_BODY.test(after) ? buyer : null;
  return buyer;
}

export function suppliesRelativeRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const add = (sellers: MentionView[], buyer: MentionView, rule: string): void => {
    sellers.forEach((s, k) => {
      if (s.entityId !== buyer.entityId) out.push({ subject: s, predicate: 'SUPPLIES', object: buyer, rule: k === sellers.length - 1 ? rule : `${rule}.list`, confidence: 0.65 });
    });
  };
  for (const t of triggers(ctx, RELATIVE)) {
    const clause = ctx.text.slice(t.end, Math.min(ctx.sentence.end, t.end + 100));
    const verb = SUPPLY_VERB.exec(clause);
    if (!verb || !CLAUSE_TO_VERB.test(clause.slice(0, verb.index)) || BLOCKED.test(ctx.text.slice(t.start, t.end + verb.index))) continue;
    const sellers = sellerBeforeRelative(ctx, t.start);
    if (sellers.length === 0) continue;
    const buyer = buyerAfter(ctx, t.end + verb.index + verb[0].length, true);
    if (buyer) add(sellers, buyer, 'supplies-relative.clause');
  }
  for (const t of triggers(ctx, SELLER_NOUN)) {
    const sellers = sellerBeforeRelative(ctx, t.start);
    if (sellers.length === 0) continue;
    const buyer = buyerAfter(ctx, t.start, false);
    if (buyer) add(sellers, buyer, 'supplies-relative.seller-noun');
  }
  return out;
}

export const rule: RelationRule = {
  id: 'supplies-relative',
  predicate: 'SUPPLIES',
  subjectTypes: ['Organization', 'Country'],
  objectTypes: ['Organization', 'Country'],
  summary: 'A seller described by a relative clause or an appositive noun of supply: "X, a Dubai trader that the Treasury said had shipped engines to Y", "X, a Moscow supplier to Y".',
  variants: [
    { id: 'supplies-relative.clause', example: '"X, a Dubai trader that the Treasury said had shipped drone engines to Y", "A and B, two shell companies that prosecutors say forwarded the chips to Y"' },
    { id: 'supplies-relative.seller-noun', example: '"X, a Moscow supplier to the airline Y", "X, a distributor of Swiss bearings to Y"' },
  ],
  acceptsReferences: false,
  minMentions: 2,
  cue: /\b(?:that|which)\s[^.;]{0,100}?\b(?:suppl|sold|sell|ship|export|re-export|deliver|sen[dt]|forward|transfer|smuggl|provid|resol|rout|flew)|\b(?:supplier|distributor|reseller|vendor|exporter)s?\s+(?:of|to)\s/i,
  sidesInSentence: 'both',
  run: suppliesRelativeRule,
};
