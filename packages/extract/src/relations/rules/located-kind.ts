import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { LOCATION_TYPES, listForward, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * LOCATED_IN where a place is introduced by its kind and the larger place that has it:
 * - "the Russian city of Tver", "the Texas town of Marfa", "Norway's northern province of
 *   Finnmark", "the Malaysian states of Sabah and Sarawak": an owner (a demonym, a name or a
 *   possessive), a kind of settlement or division, "of", the place (every member of a list after a
 *   plural kind);
 * - "Soviet Armenia", "Soviet Georgia": a demonym glued to a country's name names the state that
 *   then held it;
 * - "Tuvalu, an island nation in the Pacific": a country described by an appositive that places it
 *   (the general rule reads this for places and organizations only).
 */

const KIND =
  '(?:capital|city|cities|town|towns|village|villages|port|ports|province|provinces|state|states|region|regions|republic|republics|island|islands|district|districts|county|counties|territory|territories|enclave|oblast|prefecture|municipality|canton|emirate|suburb|resort)';
/** Between the owner and the place: "'s southern province of", " city of", " resort town of the". */
const KIND_OF = new RegExp(`^\\s?(?:['’]s)?\\s+(?:(?:[a-z-]+|north|south|east|west)\\s+){0,2}?${KIND}\\s+of\\s+(?:the\\s+)?$`, 'i');
/**
 * Without "of", only after a country: "the Kazakh capital Astana", "the Dutch capital, Amsterdam"
 * (a kind in lower case, then the place or a comma before it).
 */
const KIND_BARE = new RegExp(`^(?:['’]s)?\\s+(?:[a-z-]+\\s+){0,2}?${KIND}(?:\\s*,)?\\s+(?:the\\s+)?$`);
const PLURAL_KIND = /(?:s|ies)(?:\s+of)?\s*,?\s+(?:the\s+)?$/i;
/** ", an island nation in the", ", a landlocked country in": what the country is, then where. */
const APPOSITIVE_PLACED = /^\s*,\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:nation|country|state|kingdom|republic|island|archipelago|emirate|territory|monarchy)\s+(?:in|on|off)\s+(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western)\s+)?$/i;

export function locatedKindRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const ms = ctx.mentions;
  for (let i = 0; i + 1 < ms.length; i++) {
    const owner = ms[i]!;
    const place = ms[i + 1]!;
    if (!LOCATION_TYPES.has(owner.type) || !LOCATION_TYPES.has(place.type) || place.adjectival || owner.entityId === place.entityId) continue;
    const gap = ctx.text.slice(owner.end, place.start);
    if (KIND_OF.test(gap) || (owner.type === 'Country' && place.type === 'Place' && KIND_BARE.test(gap))) {
      // A demonym only before the kind ("the Russian city of"); a possessive never after a demonym.
      if (owner.adjectival && /^\s?['’]/.test(gap)) continue;
      // "the New Mexican town of": a demonym inside a longer capitalised name is not the owner.
      if (owner.adjectival && /\p{Lu}[\p{L}.]*\s+$/u.test(ctx.text.slice(Math.max(ctx.sentence.start, owner.start - 12), owner.start))) continue;
      const members: MentionView[] = PLURAL_KIND.test(gap) ? listForward(ctx, place, LOCATION_TYPES) : [place];
      for (const m of members) {
        if (m.entityId === owner.entityId) continue;
        out.push({ subject: m, predicate: 'LOCATED_IN', object: owner, rule: m === place ? 'located-kind.of' : 'located-kind.of.list', confidence: 0.7 });
      }
      continue;
    }
    // "Soviet Armenia": a demonym, one space, a country's name, and no name running on.
    if (owner.adjectival && owner.type === 'Country' && place.type === 'Country' && /^\s$/.test(gap) && !/^\s*\p{Lu}/u.test(ctx.text.slice(place.end, place.end + 2))) {
      if (/\p{Lu}[\p{L}.]*\s+$/u.test(ctx.text.slice(Math.max(ctx.sentence.start, owner.start - 12), owner.start))) continue;
      out.push({ subject: place, predicate: 'LOCATED_IN', object: owner, rule: 'located-kind.demonym', confidence: 0.55 });
      continue;
    }
    if (owner.type === 'Country' && !owner.adjectival && place.type === 'Place' && APPOSITIVE_PLACED.test(gap)) {
      out.push({ subject: owner, predicate: 'LOCATED_IN', object: place, rule: 'located-kind.appositive', confidence: 0.65 });
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'located-kind',
  predicate: 'LOCATED_IN',
  subjectTypes: ['Place', 'Country'],
  objectTypes: ['Place', 'Country'],
  summary: 'A place introduced by its kind and its owner ("the Russian city of X", "Norway\'s province of X"), "Soviet X", or a country placed by an appositive.',
  variants: [
    { id: 'located-kind.of', example: '"the Russian city of X", "the Texas town of X", "Norway\'s northern province of X", "the Malaysian states of X and Y", "the Kazakh capital X"' },
    { id: 'located-kind.demonym', example: '"Soviet Armenia"' },
    { id: 'located-kind.appositive', example: '"Tuvalu, an island nation in the Pacific"' },
  ],
  acceptsReferences: false,
  minMentions: 2,
  sidesInSentence: 'both',
  run: locatedKindRule,
};
