import type { EntityType } from '@newsgraph/shared';
import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { demonymInGoods } from './supplies.ts';
import { GOODS_WORD } from '../goods-phrase.ts';
import { listForward, mentionAfter, subjectBefore, triggers, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * SUPPLIES in four forms the verb and noun families leave out:
 * - the recipient as the first object of a giving verb: "North Korea has sent Russia more than a
 *   million shells", "Iran sold Venezuela drones";
 * - dependence: "Russia relies on China for microchips" (subject = the one relied on);
 * - a demonym on the goods of a supply noun: "shipments of Iranian drones to Russia";
 * - the supplier after "by": "sales of chips to Russia by Helix".
 */

const STATE: ReadonlySet<EntityType> = new Set<EntityType>(['Organization', 'Country']);
const GIVE = /\b(?:sent|sends|send|sold|sells|sell|given|gave|gives|give|handed|hands|shipped|ships|delivered|delivers)\b/gi;
/** After the recipient: a determiner or a quantity, then goods (a goods name or a product noun) within a few words. */
const GOODS_AFTER_RECIPIENT =
  /^\s+(?:(?:more\s+than|over|nearly|about|at\s+least|some|up\s+to|an\s+estimated)\s+)?(?:(?:a|an|the|its|their|[\d,.]+|one|two|three|four|five|ten|hundreds|thousands|millions|dozens|several|large|new|more)\s+)?(?:(?:million|billion|thousand|tonnes|tons|barrels|of|worth)\s+){0,3}(?:[a-z-]+\s+){0,3}?(?:drones?|missiles?|shells?|rockets?|ammunition|munitions|weapons|arms|tanks|artillery|chips|microchips|semiconductors|components|parts|engines|equipment|machinery|oil|crude|fuel|gas|grain|wheat|electronics|goods|vehicles|trucks|aircraft|helicopters|rifles|guns|explosives|chemicals)\b/i;
const RELY = /\b(?:relies|rely|relied|relying|depends|depend|depended|depending|counts|counted|counting)\s+(?:(?:heavily|largely|mostly|mainly|increasingly)\s+)?on\s+(?:the\s+)?/gi;
const FOR_GOODS = /^\s+for\s+(?:(?:its|their|most|much|some|all|the\s+bulk)\s+(?:of\s+)?(?:its\s+|their\s+)?)?(?:[a-z-]+\s+){0,3}?(?:drones?|missiles?|shells?|ammunition|munitions|weapons|arms|chips|microchips|semiconductors|components|parts|engines|equipment|machinery|machine\s+tools|oil|crude|fuel|gas|grain|wheat|electronics|goods|technology|supplies|imports)\b/i;
const SUPPLY_NOUN = /\b(?:shipments|deliveries|exports|sales|transfers|supplies|consignments)\s+of\s+/gi;
/** "of chips and parts to Russia by ": goods words, the recipient, then "by". */
const TO_RECIPIENT = new RegExp(String.raw`^\s*(?:${GOODS_WORD}\s+){0,6}?(?:to|into)\s+(?:the\s+)?$`, 'i');

/** A ban or a curb before the trigger: "the ban on exports of American chips to China" states no supply. */
const BLOCKED = /\b(?:bans?|banned|banning|embargo(?:es)?|curbs?|restrict\w*|prohibit\w*|halt\w*|stop\w*|prevent\w*|block\w*|cease\w*|suspend\w*|controls?\s+on|limits?\s+on)\b[^.;]{0,30}$/i;

export function suppliesNominalRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const blocked = (pos: number): boolean => BLOCKED.test(ctx.text.slice(Math.max(ctx.sentence.start, pos - 40), pos));
  const add = (s: MentionView, o: MentionView, rule: string): void => {
    if (s.entityId !== o.entityId) out.push({ subject: s, predicate: 'SUPPLIES', object: o, rule, confidence: 0.65 });
  };
  for (const t of triggers(ctx, GIVE)) {
    if (blocked(t.start)) continue;
    const recipient = mentionAfter(ctx, t.end, STATE, /^\s+$/);
    if (!recipient || recipient.adjectival || /^['’]s/.test(ctx.text.slice(recipient.end, recipient.end + 2))) continue;
    if (!GOODS_AFTER_RECIPIENT.test(ctx.text.slice(recipient.end, Math.min(ctx.sentence.end, recipient.end + 100)))) continue;
    // Passive: "Russia was sent drones" names no sender before the verb.
    if (/\b(?:is|are|was|were|been|being|be)\s+$/i.test(ctx.text.slice(Math.max(ctx.sentence.start, t.start - 12), t.start))) continue;
    const supplier = subjectBefore(ctx, t.start, STATE);
    if (supplier && !supplier.adjectival) add(supplier, recipient, 'supplies-nominal.double-object');
  }
  for (const t of triggers(ctx, RELY)) {
    const source = mentionAfter(ctx, t.end - (t.match[0].match(/the\s+$/i)?.[0].length ?? 0), STATE, /^\s*(?:the\s+)?$/);
    if (!source || source.adjectival || !FOR_GOODS.test(ctx.text.slice(source.end, Math.min(ctx.sentence.end, source.end + 80)))) continue;
    const dependent = subjectBefore(ctx, t.start, STATE);
    if (!dependent || dependent.adjectival) continue;
    for (const s of listForward(ctx, source, STATE)) if (!s.adjectival) add(s, dependent, 'supplies-nominal.relies-on');
  }
  for (const t of triggers(ctx, SUPPLY_NOUN)) {
    if (blocked(t.start)) continue;
    // "shipments of Iranian drones to Russia": the demonym right after "of", then goods.
    const opening = ctx.mentions.find((m) => m.start === t.end);
    if (opening && ((opening.type === 'Country' && opening.adjectival) || opening.type === 'Goods')) {
      // "of Iranian drones": a demonym mention before goods, or goods whose name opens with one.
      const goods = opening.type === 'Goods' ? opening : ctx.mentions[opening.index + 1];
      const demonym = opening.type === 'Goods' ? demonymInGoods(ctx, opening) : opening;
      const recipient = goods ? mentionAfter(ctx, goods.end, STATE, TO_RECIPIENT) : null;
      if (demonym && goods?.type === 'Goods' && recipient && !recipient.adjectival) {
        add(demonym, recipient, 'supplies-nominal.demonym-goods');
        continue;
      }
    }
    // "sales of chips to Russia by Helix".
    const recipient = mentionAfter(ctx, t.end, STATE, TO_RECIPIENT);
    if (!recipient || recipient.adjectival) continue;
    const supplier = mentionAfter(ctx, recipient.end, STATE, /^\s+by\s+(?:the\s+)?$/i);
    if (supplier && !supplier.adjectival) for (const s of listForward(ctx, supplier, STATE)) add(s, recipient, 'supplies-nominal.by');
  }
  return out;
}

export const rule: RelationRule = {
  id: 'supplies-nominal',
  predicate: 'SUPPLIES',
  subjectTypes: ['Organization', 'Country'],
  objectTypes: ['Organization', 'Country'],
  summary: 'Supply with the recipient as first object ("sent Russia a million shells"), dependence ("Russia relies on China for chips"), a demonym on the goods ("shipments of Iranian drones to Russia") or the supplier after "by".',
  variants: [
    { id: 'supplies-nominal.double-object', example: '"X has sent Y more than a million artillery shells"' },
    { id: 'supplies-nominal.relies-on', example: '"Y relies on X for microchips" (subject = X)' },
    { id: 'supplies-nominal.demonym-goods', example: '"shipments of Iranian drones to Y"' },
    { id: 'supplies-nominal.by', example: '"sales of chips to Y by X"' },
  ],
  acceptsReferences: true,
  minMentions: 2,
  cue: /\b(?:sent|sends|send|sold|sells|sell|given|gave|gives|give|handed|hands|shipped|ships|delivered|delivers|relies|rely|relied|relying|depend\w*|count\w*\s+on|shipments\s+of|deliveries\s+of|exports\s+of|sales\s+of|transfers\s+of|supplies\s+of|consignments\s+of)\b/i,
  sidesInSentence: 'both',
  run: suppliesNominalRule,
};
