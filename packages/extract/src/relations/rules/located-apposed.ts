import type { EntityType } from '@newsgraph/shared';
import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { between, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * LOCATED_IN from the appositive that describes a company by its home: "X, a Hong Kong company",
 * "X, a Moscow electronics firm", "A and B, two Cyprus shell companies" (each member), "X, a
 * maker of reconnaissance drones in Izhevsk", "X, a distributor in Shenzhen". The description
 * must end in a noun of a company (not "X, a critic of ...") and the place must close it or be
 * followed by "that"/"which"/"owned"/"with": the appositive states where the company is, not where
 * it sells ("a supplier to buyers in Iran" is not read: "to" is not "in"). Also the description
 * before the name: "an Armenian freight forwarder, X".
 */

const PLACE_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['Place', 'Country']);
const COMPANY_NOUN =
  '(?:company|companies|firm|firms|trader|traders|trading\\s+house|trading\\s+company|broker|brokers|distributor|distributors|maker|makers|manufacturer|manufacturers|supplier|suppliers|shipper|shipping\\s+company|operator|operators|forwarder|forwarders|bank|banks|lender|lenders|refiner|refinery|consultancy|subsidiary|affiliate|exporter|exporters|importer|importers|reseller|resellers|conglomerate|carrier|airline|insurer|shipyard|plant|factory|producer|producers|front\\s+company|shell\\s+company|shell\\s+companies|dealer|dealers|wholesaler|retailer|contractor)';
/** ", a Moscow electronics firm": article or number, the place, up to three lower-case words, the company noun. */
const PLACE_FIRST_BEFORE = /^\s*,\s+(?:a|an|the|one|two|three|four|five|six|both)\s+$/i;
/** The description must close after the company noun: "the Oxford factory was producing" is a new clause, not an appositive. */
const PLACE_FIRST_AFTER = new RegExp(
  `^(?:-(?:based|registered)\\s+)?\\s*(?:[a-z][a-z-]*\\s+){0,3}?${COMPANY_NOUN}(?=\\s*(?:[,.;:)]|$)|\\s+(?:that|which|owned|controlled|run|with|in|of|based|registered|and|for)\\b)`,
  'i',
);
/** ", a maker of reconnaissance drones in Izhevsk": the company noun, an optional "of <goods>", then "in"/"from". */
const PLACE_LAST_BEFORE = new RegExp(
  `^\\s*,\\s+(?:a|an|the|one|two|three|four|five|six|both)\\s+(?:[a-z][a-z-]*\\s+){0,2}${COMPANY_NOUN}\\s+(?:of\\s+(?:[\\p{L}\\d-]+\\s+){1,5}?)?(?:in|from|based\\s+in|registered\\s+in|headquartered\\s+in)\\s+(?:the\\s+)?$`,
  'iu',
);
/** What may follow the place so that it closes the description. */
const PLACE_CLOSES = /^(?:\s*[,.;)]|\s+(?:that|which|owned|controlled|run|with|and\s+(?:a|an|the)\s)|\s*$)/i;
const PLURAL = /^\s*,\s+(?:two|three|four|five|six|both)\b/i;

function company(ctx: SentenceContext, commaAt: number): MentionView | null {
  for (let i = ctx.mentions.length - 1; i >= 0; i--) {
    const m = ctx.mentions[i] as MentionView;
    if (m.end > commaAt) continue;
    return m.type === 'Organization' && /^\s*(?:\([A-Z][A-Za-z.&-]{1,11}\)\s*)?$/.test(between(ctx, m.end, commaAt)) ? m : null;
  }
  return null;
}

function members(ctx: SentenceContext, last: MentionView, plural: boolean): MentionView[] {
  const list = [last];
  if (!plural) return list;
  let next = last;
  for (let i = last.index - 1; i >= 0 && list.length < 24; i--) {
    const m = ctx.mentions[i] as MentionView;
    if (m.type !== 'Organization' || !/^\s*(?:,|and|,\s*and)\s*(?:the\s+)?$/i.test(between(ctx, m.end, next.start))) break;
    list.unshift(m);
    next = m;
  }
  return list;
}

/** "an Armenian freight forwarder, X": article, the demonym or place, up to two lower-case words, the company noun, a comma. */
const DESCRIBED_BEFORE = new RegExp(`^(?:-(?:based|registered)\\s+)?\\s*(?:[a-z][a-z-]*\\s+){0,2}?${COMPANY_NOUN},\\s+$`, 'i');
const ARTICLE_BEFORE = /\b(?:a|an)\s+$/i;

export function locatedApposedRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  // "an Armenian freight forwarder, X": the description before the name.
  for (let i = 0; i + 1 < ctx.mentions.length; i++) {
    const place = ctx.mentions[i] as MentionView;
    const org = ctx.mentions[i + 1] as MentionView;
    if (!PLACE_TYPES.has(place.type) || place.reference || org.type !== 'Organization' || org.reference) continue;
    if (!ARTICLE_BEFORE.test(ctx.text.slice(Math.max(ctx.sentence.start, place.start - 4), place.start))) continue;
    if (DESCRIBED_BEFORE.test(between(ctx, place.end, org.start))) out.push({ subject: org, predicate: 'LOCATED_IN', object: place, rule: 'located-apposed.described-before', confidence: 0.75 });
  }
  for (const place of ctx.mentions) {
    if (!PLACE_TYPES.has(place.type) || place.adjectival || place.reference) continue;
    if (!/,/.test(ctx.text.slice(Math.max(ctx.sentence.start, place.start - 120), place.start))) continue;
    const left = ctx.text.slice(Math.max(ctx.sentence.start, place.start - 120), place.start);
    const right = ctx.text.slice(place.end, Math.min(ctx.sentence.end, place.end + 60));
    const comma = left.lastIndexOf(',');
    if (comma < 0) continue;
    const commaAt = place.start - left.length + comma;
    const apposition = ctx.text.slice(commaAt, place.start);
    let rule: string | null = null;
    if (PLACE_FIRST_BEFORE.test(apposition) && PLACE_FIRST_AFTER.test(right)) rule = 'located-apposed.place-noun';
    else if (PLACE_LAST_BEFORE.test(apposition) && PLACE_CLOSES.test(right)) rule = 'located-apposed.noun-in-place';
    if (!rule) continue;
    // No other name between the comma and the place ("X, a supplier of Acme in ..." is not X's home).
    if (ctx.mentions.some((m) => m.start > commaAt && m.end <= place.start && m.type !== 'Goods')) continue;
    const last = company(ctx, commaAt);
    if (!last) continue;
    members(ctx, last, PLURAL.test(apposition)).forEach((m, k, all) => {
      out.push({ subject: m, predicate: 'LOCATED_IN', object: place, rule: k === all.length - 1 ? rule : `${rule}.list`, confidence: 0.75 });
    });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'located-apposed',
  predicate: 'LOCATED_IN',
  subjectTypes: ['Organization'],
  objectTypes: ['Place', 'Country'],
  summary: 'A company described by its home in an appositive: "X, a Hong Kong company", "X, a maker of drones in Izhevsk", "A and B, two Cyprus shell companies".',
  variants: [
    { id: 'located-apposed.place-noun', example: '"X, a Moscow electronics firm", "A and B, two Hong Kong shell companies" (each)' },
    { id: 'located-apposed.noun-in-place', example: '"X, a maker of reconnaissance drones in Izhevsk", "X, a distributor in Shenzhen"' },
    { id: 'located-apposed.described-before', example: '"an Armenian freight forwarder, X", "a Cyprus shell company, X"' },
  ],
  acceptsReferences: false,
  minMentions: 2,
  cue: /,\s+(?:a|an|the|one|two|three|four|five|six|both)\s|\b[Aa]n?\s+\p{Lu}[^,.;]{0,60},\s/u,
  sidesInSentence: 'both',
  run: locatedApposedRule,
};
