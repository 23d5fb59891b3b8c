import type { EntityType } from '@newsgraph/shared';
import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { between, listForward, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * LOCATED_IN for a place introduced by its country and what kind of place it is: "the Brazilian
 * city of Porto Alegre", "the northern Iraqi city of Mosul", "the Kazakh capital Astana", "the
 * Swiss resort of Davos", "the Iraqi cities of Mosul and Kirkuk" (every member). The country
 * qualifies the kind of place, so the place is in it. Only a place after the kind: "the Iraqi
 * city was shelled" names none, and "Iraqi forces of Mosul" is no kind of place.
 */

const KIND =
  '(?:cit(?:y|ies)|towns?|ports?|capital|provinces?|regions?|states?|resorts?|villages?|islands?|count(?:y|ies)|districts?|enclaves?|republics?|territor(?:y|ies)|oblasts?|prefectures?|harbou?rs?|suburbs?)';
/** Between the country and the place: a few lower-case words, the kind, "of" or a comma. */
const KIND_GAP = new RegExp(`^(?:['’]s)?\\s+(?:[a-z-]+\\s+){0,2}?${KIND}(?:\\s+of|\\s*,)?\\s+(?:the\\s+)?$`);
/** Words that make the phrase no description of a place ("the Iraqi state of emergency"). */
const NOT_PLACE = /\b(?:of\s+emergency|of\s+the\s+art|of\s+affairs)\b/;
const PLACES: ReadonlySet<EntityType> = new Set<EntityType>(['Place']);

export function locatedPlaceKindRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const ms = ctx.mentions;
  for (let i = 0; i + 1 < ms.length; i++) {
    const country = ms[i] as MentionView;
    const place = ms[i + 1] as MentionView;
    if (country.type !== 'Country' || place.type !== 'Place' || place.adjectival) continue;
    const gap = between(ctx, country.end, place.start);
    if (!KIND_GAP.test(gap) || NOT_PLACE.test(gap)) continue;
    // "the ... Iraqi": a demonym opening a longer name ("the Latin American city") is no country of the place.
    if (country.adjectival && /\p{Lu}[\p{L}.]*\s+$/u.test(ctx.text.slice(Math.max(ctx.sentence.start, country.start - 12), country.start)) && !/(?:^|\s)(?:The|A|An)\s+$/.test(ctx.text.slice(Math.max(ctx.sentence.start, country.start - 6), country.start))) continue;
    const plural = /(?:ies|s)\s+(?:of\s+)?(?:the\s+)?$/.test(gap.replace(/\s*,\s*$/, ' '));
    const members = plural ? listForward(ctx, place, PLACES) : [place];
    for (const p of members) out.push({ subject: p, predicate: 'LOCATED_IN', object: country, rule: p === place ? 'located-place-kind.of' : 'located-place-kind.of.list', confidence: 0.7 });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'located-place-kind',
  predicate: 'LOCATED_IN',
  subjectTypes: ['Place'],
  objectTypes: ['Country'],
  summary: 'A place introduced by its country and its kind ("the Brazilian city of Porto Alegre", "the Kazakh capital Astana").',
  variants: [{ id: 'located-place-kind.of', example: '"the northern Iraqi city of Mosul", "the Swiss resort of Davos", "the Iraqi cities of Mosul and Kirkuk" (every member)' }],
  acceptsReferences: false,
  minMentions: 2,
  cue: new RegExp(`\\b${KIND}\\b`),
  run: locatedPlaceKindRule,
};
