import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { referenceView } from '../references.ts';
import { ORG_TYPES, between, firstDocumentMentionAtOrAfter, listForward, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * LOCATED_IN for organizations described by their country and a common noun.
 * - "US firm Boeing", "UK bank Barclays", "Australian winemaker Southcorp", "Nigerian banks United
 *   Bank of Africa and Standard Trust Bank": the country (a name or a demonym) qualifies the noun
 *   that describes the organization, and the organization, or each member of the list, is in it.
 * - Across sentences: "Four major Japanese steelmakers plan to ... . The companies are A, B and C":
 *   the members listed for a plural description take the country of that description.
 */

/** Nouns that describe a business or a body by what it is, singular and plural. */
const ORG_NOUN =
  'banks?|lenders?|firms?|compan(?:y|ies)|groups?|airlines?|carriers?|giants?|makers?|manufacturers?|producers?|rivals?|insurers?|retailers?|operators?|conglomerates?|exporters?|suppliers?|brewers?|winemakers?|carmakers?|automakers?|steelmakers?|chipmakers?|miners?|utilit(?:y|ies)|broadcasters?|shipbuilders?|shippers?|refiners?|developers?|builders?|traders?|investors?|telecoms\\s+(?:firm|group|operator)s?';
const NOUN_GAP = new RegExp(`^\\s+(?:(?:biggest|largest|leading|main|top|second-largest|state-owned|state-run|private|listed|major|oldest|rival|retail|investment|commercial|mobile|oil|steel|food|drinks|energy|engineering|[a-z]+-based)\\s+){0,2}(?:${ORG_NOUN})\\s+$`, 'i');
/** "The companies are", "The firms involved were", "The banks include". */
/** A plural noun closed by a comma: "Turkish lenders, ". */
const PLURAL_COMMA = /(?:s|ies),\s+$/;
const MEMBERS_OPEN = new RegExp(`^\\s*(?:the|these|those)\\s+(?:${ORG_NOUN})\\s+(?:(?:involved|concerned|named|affected)\\s+)?(?:are|were|include|included)\\s+`, 'i');
const PLURAL_DESCRIPTION = new RegExp(`^[\\s-]+(?:(?:[a-z-]+|\\d+)\\s+){0,2}(?:${ORG_NOUN.replace(/\?/g, '')})\\b`, 'i');

export function locatedDescribedRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const m of ctx.mentions) {
    if (m.type !== 'Country' || m.reference) continue;
    // "Japan's ..." is a possessive (another rule); "the US" before the noun is still a qualifier.
    if (/^['’]/.test(ctx.text.slice(m.end, m.end + 1))) continue;
    const next = ctx.mentions[m.index + 1];
    const gap = between(ctx, m.end, next?.start ?? m.end);
    // "Two Turkish lenders, A and B": a plural noun may introduce its members after a comma.
    const commaMembers = PLURAL_COMMA.test(gap) && NOUN_GAP.test(gap.replace(/,\s*$/, ' '));
    if (!next || next.type !== 'Organization' || !(NOUN_GAP.test(gap) || commaMembers)) continue;
    // "the Latin American ...": a demonym inside a longer capitalised name.
    // A determiner or number opening the sentence is capitalised too ("Two Turkish lenders").
    const before = ctx.text.slice(Math.max(ctx.sentence.start, m.start - 12), m.start);
    if (m.adjectival && /\p{Lu}[\p{L}.]*\s+$/u.test(before) && !/^(?:["“(]?\s*)(?:The|A|An|Two|Three|Four|Five|Six|Several|Both|Many|Some|Other|All|Most)\s+$/.test(before)) continue;
    const plural = /(?:s|ies),?\s+$/.test(gap);
    const members = plural ? listForward(ctx, next, ORG_TYPES) : [next];
    // With a comma the members must be a closed list of two or more ("Turkish lenders, A and B"), not one apposed name.
    if (commaMembers && members.length < 2) continue;
    for (const o of members) out.push({ subject: o, predicate: 'LOCATED_IN', object: m, rule: o === next ? 'located-described.noun' : 'located-described.list', confidence: 0.65 });
  }
  members(ctx, out);
  return out;
}

/** "The companies are A <A.T>, B <B.T> and C <C.T>": each named member of a plural description before. */
function members(ctx: SentenceContext, out: RelationCandidate[]): void {
  const local = ctx.text.slice(ctx.sentence.start, ctx.sentence.end);
  const open = MEMBERS_OPEN.exec(local);
  if (!open) return;
  const country = pluralDescriptionBefore(ctx);
  if (!country) return;
  // The list runs to the end of the clause: ", which together account for ...".
  const rest = local.slice(open[0].length);
  const clauseEnd = ctx.sentence.start + open[0].length + (rest.search(/,\s*(?:which|who|that|all|both|together)\b|[;:]|\.\s/) + 1 || rest.length + 1) - 1;
  for (const o of ctx.mentions) {
    if (o.type !== 'Organization' || o.start < ctx.sentence.start + open[0].length || o.end > clauseEnd) continue;
    // A ticker in angle brackets belongs to the member before it.
    if (/<\s*$/.test(ctx.text.slice(o.start - 1, o.start))) continue;
    out.push({
      subject: o,
      predicate: 'LOCATED_IN',
      object: referenceView(country, o.start, ctx.sentenceIndex),
      rule: 'located-described.members',
      confidence: 0.55,
    });
  }
}

/** In the three sentences before: "Four major Japanese steelmakers", a demonym before a plural organization noun. */
function pluralDescriptionBefore(ctx: SentenceContext): MentionView | null {
  const doc = ctx.documentMentions;
  for (let i = firstDocumentMentionAtOrAfter(ctx, ctx.sentence.start) - 1; i >= 0; i--) {
    const m = doc[i] as MentionView;
    if (m.sentenceIndex < ctx.sentenceIndex - 3) break;
    if (m.type === 'Country' && m.adjectival && PLURAL_DESCRIPTION.test(ctx.text.slice(m.end, m.end + 40)) && /(?:s|ies)\b/.test(PLURAL_DESCRIPTION.exec(ctx.text.slice(m.end, m.end + 40))?.[0] ?? '')) return m;
  }
  return null;
}

export const rule: RelationRule = {
  id: 'located-described',
  predicate: 'LOCATED_IN',
  subjectTypes: ['Organization'],
  objectTypes: ['Country'],
  summary: 'An organization described by its country and a common noun ("US firm Boeing"), or listed as a member of such a description.',
  variants: [
    { id: 'located-described.noun', example: '"US firm X", "UK bank X", "Australian winemaker X"' },
    { id: 'located-described.list', example: '"Nigerian banks X and Y" (every member)' },
    { id: 'located-described.members', example: '"Four major Japanese steelmakers plan ... . The companies are X, Y and Z"' },
  ],
  acceptsReferences: false,
  minMentions: 1,
  sidesInSentence: 'subject',
  run: locatedDescribedRule,
};
