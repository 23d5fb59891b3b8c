import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { entityIdFor } from '@newsgraph/shared';
import { COUNTRIES } from '../../lexicon/countries.ts';
import { verbAlternation } from '../verb-forms.ts';
import { GOODS_WORD } from '../goods-phrase.ts';
import {
  COUNTRY_TYPES,
  STATE_TYPES,
  listForward,
  mentionAfter,
  mentionBefore,
  subjectBefore,
  triggers,
  type MentionView,
  type RelationCandidate,
  type SentenceContext,
} from '../sentence-context.ts';

/**
 * SUPPLIES: a country or company provides goods to another. Subject = supplier, object = recipient.
 * Patterns: "Chinese companies supplying Russia with technology"; "A exported chips to B";
 * "items sent to Russia came from China, followed by Taiwan, ..." (one claim per supplier);
 * "Russia continues to access chips through intermediaries like Iran"; "Russia is using Iranian
 * drones"; "Russia has turned to ... Iran and North Korea".
 */

const GIVE_RECIPIENT = new RegExp(`\\b(?:${verbAlternation(['supply', 'provide', 'furnish', 'arm'])})\\b`, 'gi');
const GIVE_TO = new RegExp(`\\b(?:${verbAlternation(['supply', 'provide', 'sell', 'export', 'deliver', 'ship', 'send', 'transfer', 'smuggle'])})\\b`, 'gi');
const SUPPLIER_GAP = /^(?:['’]s)?\s+(?:(?:state-owned\s+|private\s+|[a-z]+\s+)?(?:companies|company|firms?|suppliers?|manufacturers?|exporters?|entities|businesses|traders|producers?|makers?)\s+)?(?:(?:is|are|was|were|has been|have been|had been|has|have|had|continues to|continue to|continued|began|begun|started|resumed|stopped|denied|denies|deny|denying|admitted|admits|agreed to|offered to|promised to|pledged to|refused to|plans to|will|would|could|may|might|that|which|who|of|also|reportedly|allegedly|secretly|illegally|still|not|never)\s+){0,3}$/i;
const RECIPIENT_DIRECT = /^\s+(?:the\s+)?$/i;
/** "exported chips and parts to Russia": up to a few goods words then "to". */
const GOODS_THEN_TO = new RegExp(String.raw`^\s+(?:${GOODS_WORD}\s+){0,8}?(?:to|into)\s+(?:the\s+)?$`, 'i');
/** "to a Russian ammunition plant": an article is allowed before a demonym recipient. */
const GOODS_THEN_TO_ARTICLE = new RegExp(String.raw`^\s+(?:${GOODS_WORD}\s+){0,8}?(?:to|into)\s+(?:the|a|an)\s+$`, 'i');
/** The forces or industry of the demonym's country, right after it. */
const RECIPIENT_BODY_AFTER =
  /^\s+(?:(?:military|defence|defense|arms|weapons|ammunition|munitions|drone|missile|tank|state|war|armed)\s+){0,2}(?:factories|factory|plants?|army|armed\s+forces|forces|military|troops|arms\s+makers?|arms\s+industry|defence\s+industry|defense\s+industry|manufacturers?|makers?|producers?)\b/i;
const CAME_FROM = /\b(?:came|come|comes|coming|originated|originates|originate|were imported|was imported|are imported|were sourced|was sourced|are sourced)\s+from\b/gi;
const ACQUIRE = new RegExp(
  `\\b(?:${verbAlternation(['access', 'obtain', 'acquire', 'import', 'buy', 'procure', 'source', 'get', 'receive', 'purchase'])})\\b`,
  'gi',
);
/** "from China", "through intermediaries like Iran", "via third countries such as Armenia". */
const SOURCE_GAP =
  /^\s+(?:(?!(?:came|come|comes|was|were|is|are|said|says)\s)[\w-]+\s+){0,6}?(?:from|(?:through|via)\s+(?:(?:third|other)\s+)?(?:intermediaries|partners|suppliers|countries|nations|middlemen|third parties|allies)\s+(?:like|such as|including))\s+(?:the\s+)?$/i;
const USE_FOREIGN = new RegExp(
  `\\b(?:${verbAlternation(['use', 'deploy', 'field', 'fire', 'launch', 'buy', 'import', 'acquire', 'receive', 'purchase'])})\\s+$`,
  'i',
);
/**
 * A ban, embargo or prevention in front of the verb: "the ban on arms exports to China" states no
 * supply at all. (A denial or a negation does: "denied supplying" is read, as a negated claim.)
 */
const BLOCKED = /\b(?:bans?|banned|banning|embargo(?:es)?|curbs?|restrict\w*|prohibit\w*|halt\w*|stop\w*|prevent\w*|block\w*|cease\w*|suspend\w*)\b[^.;]{0,30}$/i;
const PRODUCT_AFTER =
  /^[\s-]+(?:made\s+|built\s+|supplied\s+|designed\s+)?(?:[a-z-]+\s+)?(?:drones?|missiles?|weapons?|arms|rockets?|shells?|ammunition|munitions|tanks?|aircraft|jets?|helicopters?|engines?|chips?|semiconductors?|microchips?|microelectronics|components?|parts|technology|equipment|machinery|machine tools|tools|oil|crude|gas|fuel|coal|steel|electronics|vehicles|trucks|ships?|vessels?|satellites?|radars?|artillery|planes?|airliners?|wheat|grain|corn|maize|soybeans?|rice|sugar|coffee|cocoa|copper|aluminium|aluminum|iron ore|gold|cars?|goods|products|systems?|kits?)\b/i;
const TURNED_TO = /\b(?:turned|turning|turns|turn)\s+to\b/gi;
/** Nouns of supply: "China's exports of chips to Russia", "arms deliveries from Iran to Russia". */
const SUPPLY_NOUN = /\b(?:exports|export|re-exports|shipments|deliveries|sales|supplies|transfers)\b/gi;
/** Nouns of receipt: "Russia's imports of chips from China", "Indian purchases of Russian oil from Rosneft". */
const RECEIPT_NOUN = /\b(?:imports|purchases|acquisitions)\b/gi;
/** Between an owner and the noun: "China's growing arms exports", "Chinese exports". */
const OWNER_GAP = /^(?:['’]s)?\s+(?:(?:[a-z-]+|\d[\d.,%]*)\s+){0,3}$/i;
/** From the noun to "to"/"from": "of dual-use goods and machine tools to". */
const OF_GOODS_TO = new RegExp(String.raw`^\s+(?:(?:of|in)\s+(?:${GOODS_WORD}\s+){0,8}?)?(?:to|into)\s+(?:the\s+)?$`, 'i');
const OF_GOODS_FROM = new RegExp(String.raw`^\s+(?:(?:of|in)\s+(?:${GOODS_WORD}\s+){0,8}?)?from\s+(?:the\s+)?$`, 'i');
/** "a major supplier of optics to Russia", "Russia's main supplier of drones, Iran". */
const SUPPLIER_NOUN = /\b(?:suppliers?|exporters?|providers?|vendors?|sources?)\b/gi;
const SUPPLIER_COPULA = /^\s*(?:,\s*|\s+(?:is|was|are|were|has\s+been|have\s+been|had\s+been|became|becomes|become|remains|remained|has\s+become)\s+)(?:(?:now|still|also|already)\s+)?(?:(?:a|an|the|one\s+of\s+the|its|their)\s+)?(?:(?:[a-z-]+|\d[\w.%-]*)\s+){0,4}$/i;

/** "Latin American exports": a demonym inside a larger name is no country. */
function demonymInName(ctx: SentenceContext, m: MentionView): boolean {
  return m.adjectival === true && /\p{Lu}[\p{L}.]*\s+$/u.test(ctx.text.slice(Math.max(ctx.sentence.start, m.start - 12), m.start));
}

/**
 * A SUPPLIES candidate, unless both sides are one entity or a side is a demonym inside a name.
 * Module functions, not closures made per sentence: each new closure was another call target
 * for the compiled rule, which Maglev dropped on "wrong call target" while warming up.
 */
function addSupply(ctx: SentenceContext, out: RelationCandidate[], s: MentionView, o: MentionView, rule: string, confidence: number): void {
  if (s.entityId !== o.entityId && !demonymInName(ctx, s) && !demonymInName(ctx, o)) out.push({ subject: s, predicate: 'SUPPLIES', object: o, rule, confidence });
}

/** A word before `pos` that denies or blocks the supply (BLOCKED), within the sentence. */
function blockedAt(ctx: SentenceContext, pos: number): boolean {
  return BLOCKED.test(ctx.text.slice(Math.max(ctx.sentence.start, pos - 40), pos));
}

export function suppliesRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const t of triggers(ctx, GIVE_RECIPIENT)) {
    if (blockedAt(ctx, t.start)) continue;
    const supplier = mentionBefore(ctx, t.start, STATE_TYPES, SUPPLIER_GAP);
    const recipient = mentionAfter(ctx, t.end, STATE_TYPES, RECIPIENT_DIRECT);
    if (!supplier || !recipient || recipient.adjectival) continue;
    // "providing Russia with parts": the recipient takes "with"; "provide support" has no named recipient.
    if (!/^\s+(?:with|in|for)\b/i.test(ctx.text.slice(recipient.end, recipient.end + 8)) && !/^supplie[sd]$/i.test(t.match[0])) continue;
    // "provide Argo with a line of credit", "with support": money and help are not goods.
    if (/^\s+with\b[^.;,]{0,60}?\b(?:credit|loans?|funds?|funding|money|financing|finance|cash|support|assistance|aid|help|information|intelligence|advice|guarantees?|services?|access|cover|backing)\b/i.test(ctx.text.slice(recipient.end, recipient.end + 80))) continue;
    for (const s of supplier.adjectival ? [supplier] : listBackwardSafe(ctx, supplier)) addSupply(ctx, out, s, recipient, 'supplies.verb', 0.8);
  }
  for (const t of triggers(ctx, GIVE_TO)) {
    if (blockedAt(ctx, t.start)) continue;
    // "livestock exports and 500 mln dlrs lent to Thailand": after a lower-case noun an -s form is
    // the plural noun (read by supplies.noun), not the verb.
    if (/s$/i.test(t.match[0]) && /\b(?!(?:also|still|now|then|reportedly|allegedly|secretly|illegally|it|which|that|who|and|only|mainly|mostly|largely|already|even|often|never|rarely|usually)\b)[a-z]{3,}\s+$/.test(ctx.text.slice(Math.max(ctx.sentence.start, t.start - 20), t.start))) continue;
    // "sell its car division to GM" is a deal, not supply: selling and sending need named goods.
    const loose = /^(?:sel|sol|sen|tra)/i.test(t.match[0]);
    // Passive ("items were shipped to Russia") names no supplier before the verb.
    if (/\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?$/i.test(ctx.text.slice(Math.max(ctx.sentence.start, t.start - 30), t.start))) continue;
    const supplier = subjectBefore(ctx, t.start, STATE_TYPES) ?? mentionBefore(ctx, t.start, STATE_TYPES, SUPPLIER_GAP);
    if (!supplier) continue;
    const recipient = mentionAfter(ctx, t.end, STATE_TYPES, GOODS_THEN_TO) ?? mentionAfter(ctx, t.end, COUNTRY_TYPES, GOODS_THEN_TO_ARTICLE);
    if (!recipient) continue;
    // "to Russian military factories", "to the Russian army": a demonym before a noun of its
    // forces or industry stands for the country supplied.
    if (recipient.adjectival && !RECIPIENT_BODY_AFTER.test(ctx.text.slice(recipient.end, recipient.end + 40))) continue;
    // "exported 1,381,009 quintales to ICO members", "exports to OECD countries": the members, not the body.
    if (recipient.type === 'Organization' && /^\s*(?:\([^()]{1,12}\)\s*)?(?:member\s+)?(?:members|countries|states|nations|economies)\b/i.test(ctx.text.slice(recipient.end, recipient.end + 30))) continue;
    // "supplies funds to America's mortgage market": the recipient owns what is supplied to.
    if (/^['’]s\s/.test(ctx.text.slice(recipient.end, recipient.end + 3))) continue;
    if (loose && !ctx.mentions.some((m) => m.type === 'Goods' && m.start >= t.end && m.end <= recipient.start)) continue;
    addSupply(ctx, out, supplier, recipient, 'supplies.to', 0.7);
  }
  for (const t of triggers(ctx, CAME_FROM)) {
    // The recipient is named as "to X" / "into X" earlier in the subject: "items sent to Russia came from".
    let recipient: MentionView | null = null;
    for (let i = ctx.mentions.length - 1; i >= 0; i--) {
      const m = ctx.mentions[i]!;
      if (m.end > t.start) continue;
      if (t.start - m.end > 120) break;
      if (STATE_TYPES.has(m.type) && /\b(?:to|into)\s+(?:the\s+)?$/i.test(ctx.text.slice(Math.max(0, m.start - 8), m.start))) {
        recipient = m;
        break;
      }
    }
    if (!recipient) recipient = mentionBefore(ctx, t.start, COUNTRY_TYPES, /^['’]s\s+(?:[a-z-]+\s+){0,3}$/i);
    if (!recipient) continue;
    const first = mentionAfter(ctx, t.end, STATE_TYPES, /^\s+(?:the\s+)?$/i);
    if (!first) continue;
    for (const s of listForward(ctx, first, STATE_TYPES)) {
      addSupply(ctx, out, s, recipient, s === first ? 'supplies.came-from' : 'supplies.list', s === first ? 0.8 : 0.75);
    }
  }
  for (const t of triggers(ctx, ACQUIRE)) {
    const recipient = subjectBefore(ctx, t.start, STATE_TYPES) ?? mentionBefore(ctx, t.start, STATE_TYPES, /^\s+(?:continues|continue|continued|is|are|was|were|has|have|had|seeks|sought|tries|tried|wants|managed|able)?\s*(?:to\s+)?$/i);
    if (!recipient || recipient.adjectival) continue;
    const first = mentionAfter(ctx, t.end, STATE_TYPES, SOURCE_GAP);
    if (!first) continue;
    // "received a telex from Zaire", "received notification from the U.S. patent office": receiving
    // and getting are supply only of goods (a goods mention or a product noun between).
    if (/^(?:receiv|get|got|obtain|buy|bought|purchas)/i.test(t.match[0]) && !ctx.mentions.some((m) => m.type === 'Goods' && m.start >= t.end && m.end <= first.start) && !PRODUCT_AFTER.test(` ${ctx.text.slice(t.end, first.start).replace(/^\s*(?:the|a|an|its|their|\d[\w,.]*|more|some|new)\s+/i, '')}`)) continue;
    for (const s of listForward(ctx, first, STATE_TYPES)) addSupply(ctx, out, s, recipient, s === first ? 'supplies.acquire' : 'supplies.list', 0.75);
  }
  // "Russia is using Iranian drones": a foreign-made product in the recipient's hands.
  for (const mention of ctx.mentions) {
    const m = mention.type === 'Goods' ? demonymInGoods(ctx, mention) : mention;
    if (!m || m.type !== 'Country' || !m.adjectival) continue;
    const left = ctx.text.slice(Math.max(ctx.sentence.start, m.start - 30), m.start);
    if (!USE_FOREIGN.test(left)) continue;
    // The thing used must be goods: a goods entity or a product noun ("Iranian drones", not "American tricks").
    const nextMention = ctx.mentions[m.index + 1];
    const goodsNext = nextMention?.type === 'Goods' && nextMention.start - m.end < 15;
    if (!goodsNext && !PRODUCT_AFTER.test(ctx.text.slice(m.end, m.end + 40))) continue;
    if (blockedAt(ctx, m.start)) continue;
    const verbStart = m.start - (left.match(USE_FOREIGN)?.[0].length ?? 0);
    const recipient = subjectBefore(ctx, verbStart, STATE_TYPES);
    if (!recipient || recipient.adjectival) continue;
    addSupply(ctx, out, m, recipient, 'supplies.uses-foreign', 0.7);
  }
  // "India's purchases of Russian oil", "China's imports of Iranian crude": the demonym supplies the buyer.
  for (const m of ctx.mentions) {
    if (m.type !== 'Country' || m.adjectival) continue;
    const buy = /^['’]s\s+(?:(?:record|growing|rising|soaring|increased|massive|large)\s+)?(?:purchases|imports|buying|import|purchase|acquisitions?)\s+of\s+(?:the\s+)?$/i;
    const next = ctx.mentions[m.index + 1];
    if (!next || next.type !== 'Country' || !next.adjectival || !buy.test(ctx.text.slice(m.end, next.start)) || blockedAt(ctx, m.start + 1)) continue;
    addSupply(ctx, out, next, m, 'supplies.purchases', 0.7);
  }
  // "Russia has turned to other countries, ... Iran and North Korea, to fill gaps in its procurement".
  for (const t of triggers(ctx, TURNED_TO)) {
    const recipient = subjectBefore(ctx, t.start, STATE_TYPES);
    if (!recipient || recipient.adjectival) continue;
    const windowEnd = Math.min(ctx.sentence.end, t.end + 160);
    const tail = ctx.text.slice(t.end, windowEnd);
    if (!/\b(?:procure\w*|suppl\w+|fill\w*\s+(?:some\s+)?gaps|obtain\w*|weapons|chips|components|parts|arms|drones|ammunition|technology|goods|help)\b/i.test(tail)) continue;
    for (let i = recipient.index + 1; i < ctx.mentions.length; i++) {
      const m = ctx.mentions[i]!;
      if (m.start < t.end) continue;
      if (m.start > windowEnd) break;
      if (m.type === 'Country' && !m.adjectival) addSupply(ctx, out, m, recipient, 'supplies.turned-to', 0.5);
    }
  }
  // "China's exports of chips to Russia", "exports of machine tools from Germany to Kyrgyzstan".
  for (const t of triggers(ctx, SUPPLY_NOUN)) {
    if (blockedAt(ctx, t.start)) continue;
    const recipient = mentionAfter(ctx, t.end, STATE_TYPES, OF_GOODS_TO) ?? fromThenTo(ctx, t.end)?.to ?? null;
    if (!recipient || recipient.adjectival) continue;
    const from = fromThenTo(ctx, t.end)?.from ?? null;
    const owner = mentionBefore(ctx, t.start, STATE_TYPES, OWNER_GAP);
    // "Latin American exports": a demonym inside a larger name is no country.
    const ownerIsSupplier = owner && (owner.adjectival || /^['’]s/.test(ctx.text.slice(owner.end, owner.end + 2))) && owner.start < t.start && !/\p{Lu}[\p{L}.]*\s+$/u.test(ctx.text.slice(Math.max(ctx.sentence.start, owner.start - 12), owner.start));
    const supplier = from ?? (ownerIsSupplier ? owner : null);
    if (!supplier) {
      // "seven steel-exporting nations - A, B and C - to reduce their shipments to the US": "their" is the list just named.
      for (const s of theirList(ctx, t.start)) addSupply(ctx, out, s, recipient, 'supplies.noun.their', 0.6);
      continue;
    }
    for (const s of listBackwardSafe(ctx, supplier)) addSupply(ctx, out, s, recipient, 'supplies.noun', 0.65);
  }
  // "Russia's imports of chips from China", "Indian imports from Russia".
  for (const t of triggers(ctx, RECEIPT_NOUN)) {
    if (blockedAt(ctx, t.start)) continue;
    const owner = mentionBefore(ctx, t.start, STATE_TYPES, OWNER_GAP);
    if (!owner || !(owner.adjectival || /^['’]s/.test(ctx.text.slice(owner.end, owner.end + 2)))) continue;
    const source = mentionAfter(ctx, t.end, STATE_TYPES, OF_GOODS_FROM);
    if (!source || source.adjectival) continue;
    for (const s of listForward(ctx, source, STATE_TYPES)) addSupply(ctx, out, s, owner, 'supplies.noun', 0.65);
  }
  // "Iran, a major supplier of drones to Russia", "China is Russia's main supplier of chips".
  for (const t of triggers(ctx, SUPPLIER_NOUN)) {
    if (blockedAt(ctx, t.start)) continue;
    const after = ctx.text.slice(t.end, Math.min(ctx.sentence.end, t.end + 100));
    // "source" says supply only with goods: "a source of drones", not "a source said".
    if (/^sources?$/i.test(t.match[0]) && !/^\s+of\s/i.test(after)) continue;
    let recipient = mentionAfter(ctx, t.end, STATE_TYPES, OF_GOODS_TO);
    let supplierEnd = t.start;
    const possessor = mentionBefore(ctx, t.start, STATE_TYPES, /^['’]s\s+(?:(?:[a-z-]+|\d[\w.%-]*)\s+){0,3}$/i);
    if (!recipient && possessor && !possessor.adjectival) {
      recipient = possessor;
      supplierEnd = possessor.start;
    }
    if (!recipient || recipient.adjectival) continue;
    let supplier = mentionBefore(ctx, supplierEnd, STATE_TYPES, SUPPLIER_COPULA);
    // "Hardie, which makes its revenues in the US, was once Australia's biggest supplier": a name
    // inside a prepositional phrase is not the supplier.
    if (supplier && /\b(?:in|at|from|of|for|with|to|by)\s+(?:the\s+)?$/i.test(ctx.text.slice(Math.max(0, supplier.start - 8), supplier.start))) supplier = null;
    // "Russia's main supplier of drones, Iran": the appositive after.
    if (!supplier && recipient === possessor) supplier = mentionAfter(ctx, t.end, STATE_TYPES, /^\s+(?:of\s+(?:[\w-]+\s+){0,5}?)?,?\s*(?:such\s+as\s+|including\s+|like\s+)?(?:the\s+)?$/i);
    if (!supplier || supplier.entityId === recipient.entityId) continue;
    // "BT, the UK's biggest internet supplier" serves a home market; between countries it is supply.
    if (recipient === possessor && supplier.type !== 'Country') continue;
    for (const s of supplier.start < t.start ? [supplier] : listForward(ctx, supplier, STATE_TYPES)) addSupply(ctx, out, s, recipient, 'supplies.supplier', 0.65);
  }
  return out;
}

/** "from Germany to Kyrgyzstan" after a supply noun (goods may come first: "of machine tools from ..."). */
function fromThenTo(ctx: SentenceContext, pos: number): { from: MentionView; to: MentionView } | null {
  const from = mentionAfter(ctx, pos, STATE_TYPES, OF_GOODS_FROM);
  if (!from || from.adjectival) return null;
  const to = mentionAfter(ctx, from.end, STATE_TYPES, /^\s+(?:to|into)\s+(?:the\s+)?$/i);
  return to && !to.adjectival ? { from, to } : null;
}

let demonyms: Map<string, { iso: string; name: string }> | null = null;

/** The country of a goods mention that opens with a demonym ("Iranian drones"), as an adjectival mention. */
export function demonymInGoods(ctx: SentenceContext, goods: MentionView): MentionView | null {
  const word = /^[A-Z][\p{L}-]+/u.exec(goods.text)?.[0];
  if (!word) return null;
  if (!demonyms) {
    demonyms = new Map();
    for (const c of COUNTRIES) for (const d of c.demonyms) demonyms.set(d, { iso: c.iso, name: c.name });
  }
  const country = demonyms.get(word);
  if (!country) return null;
  const entity = ctx.entities.get(entityIdFor('Country', country.name, country.iso));
  if (!entity) return null;
  return { ...goods, entityId: entity.id, type: 'Country', name: entity.name, kind: null, end: goods.start + word.length, text: word, adjectival: true };
}

/**
 * The owners "their" stands for before a noun at `pos`: the coordinated list of two or more states
 * named last in the sentence, with no other state between it and "their".
 */
function theirList(ctx: SentenceContext, pos: number): MentionView[] {
  const left = ctx.text.slice(Math.max(ctx.sentence.start, pos - 30), pos);
  if (!/\btheir\s+(?:[a-z-]+\s+){0,2}$/.test(left)) return [];
  const theirAt = pos - left.length + left.search(/\btheir\s+(?:[a-z-]+\s+){0,2}$/);
  let last: MentionView | undefined;
  for (const m of ctx.mentions) if (m.end <= theirAt && STATE_TYPES.has(m.type)) last = m;
  if (!last || last.adjectival || theirAt - last.end > 60 || /[;:]/.test(ctx.text.slice(last.end, theirAt))) return [];
  const list = listBackwardSafe(ctx, last);
  return list.length >= 2 ? list.filter((m) => !m.adjectival) : [];
}

/** "China and Iran supply Russia with ...": every coordinated supplier. */
function listBackwardSafe(ctx: SentenceContext, last: MentionView): MentionView[] {
  const list = [last];
  let next = last;
  for (let i = last.index - 1; i >= 0 && list.length < 24; i--) {
    const m = ctx.mentions[i]!;
    if (!STATE_TYPES.has(m.type) || !/^\s*(?:,|and|,\s*and)\s*(?:the\s+)?$/i.test(ctx.text.slice(m.end, next.start))) break;
    list.unshift(m);
    next = m;
  }
  return list;
}

export const rule: RelationRule = {
  id: 'supplies',
  predicate: 'SUPPLIES',
  subjectTypes: ['Organization', 'Country'],
  objectTypes: ['Organization', 'Country'],
  summary: 'A country or company provides goods to another (subject = supplier).',
  variants: [
    { id: 'supplies.verb', example: '"Chinese companies supplying Russia with"' },
    { id: 'supplies.to', example: '"X exported chips to Y"' },
    { id: 'supplies.came-from', example: '"items sent to Y came from X"' },
    { id: 'supplies.list', example: 'every further supplier of a list' },
    { id: 'supplies.acquire', example: '"Y obtains chips through intermediaries like X"' },
    { id: 'supplies.uses-foreign', example: '"Y is using Iranian drones"' },
    { id: 'supplies.purchases', example: '"India\'s purchases of Russian oil"' },
    { id: 'supplies.noun', example: '"China\'s exports of chips to Russia", "exports of machine tools from Germany to Kyrgyzstan", "Russia\'s imports of oil from Iraq"' },
    { id: 'supplies.supplier', example: '"X, a major supplier of drones to Y", "X is Y\'s main supplier", "Y\'s biggest supplier of gas, X"' },
    { id: 'supplies.turned-to', example: '"Y has turned to X and Z to fill gaps in its procurement"' },
  ],
  acceptsReferences: true,
  minMentions: 2,
  cue: /suppl|provid|furnish|\barm|\bsel|\bsold|export|deliver|ship|\bsen[dt]|transfer|smuggl|\bcam|\bcom|origin|import|sourc|access|obtain|acqui|\bbuy|bought|procur|\bget|\bgot|receiv|purchas|\bus[ei]|deploy|field|\bfir|launch|\bturn|\bsale|vendor/i,
  run: suppliesRule,
};
