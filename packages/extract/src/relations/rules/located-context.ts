import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { firstMentionOf, referenceView } from '../references.ts';
import { type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';
import { storyCountry } from '../story-country.ts';

/**
 * LOCATED_IN that the words around a place leave to the story:
 * - "the south-western city of Ibadan", "the port town of X": a settlement introduced by its kind
 *   and no country is in the country the story is about (see story-country.ts);
 * - "the Jakarta Stock Exchange", "the Tokyo Chamber of Commerce": an institution named after a
 *   place the story names is in that place.
 */

const SETTLEMENT_OF = /\b(?:the\s+)?(?:(?:[a-z-]+|north|south|east|west)\s+){0,2}(?:city|town|village|port|capital|province|region|state)\s+of\s+$/i;
/** A country or state right after the place ("the city of Lyon, France", "the city of X in Y"): the address rule reads it. */
const LOCATION_AFTER = /^\s*(?:,|in|,\s*in)\s*(?:the\s+)?$/i;

function locatedAfter(ctx: SentenceContext, m: MentionView): boolean {
  const next = ctx.namedMentions.find((n) => n.start >= m.end);
  return !!next && (next.type === 'Country' || next.type === 'Place') && LOCATION_AFTER.test(ctx.text.slice(m.end, next.start));
}
const INSTITUTION_WORD = /\b(?:Exchange|Chamber|Council|University|Airport|Authority|Police|Bourse)\b/;
const PLACE_INSTITUTION = /^\s+(?:Stock\s+Exchange|Exchange|Chamber\s+of\s+Commerce|City\s+Council|University|Airport|Port\s+Authority|Police|Metropolitan\s+Police|Bourse)\b/;

export function locatedContextRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const m of ctx.namedMentions) {
    if (m.type === 'Place' && /\bof\s+$/.test(ctx.text.slice(Math.max(ctx.sentence.start, m.start - 4), m.start)) && SETTLEMENT_OF.test(ctx.text.slice(Math.max(ctx.sentence.start, m.start - 50), m.start)) && !locatedAfter(ctx, m)) {
      const story = storyCountry(ctx);
      if (!story) continue;
      const c = story.country;
      out.push({ subject: m, predicate: 'LOCATED_IN', object: c.sentenceIndex === ctx.sentenceIndex ? c : referenceView(c, m.start, ctx.sentenceIndex), rule: 'located-context.story-country', confidence: 0.5 });
    }
    // Once per organization: its first mention in the story.
    if (m.type === 'Organization' && INSTITUTION_WORD.test(m.name) && firstOfEntity(ctx, m)) {
      const place = namedPlaceOpening(ctx, m);
      if (place) out.push({ subject: m, predicate: 'LOCATED_IN', object: place.sentenceIndex === ctx.sentenceIndex ? place : referenceView(place, m.start, ctx.sentenceIndex), rule: 'located-context.name', confidence: 0.6 });
    }
  }
  return out;
}

function firstOfEntity(ctx: SentenceContext, m: MentionView): boolean {
  const first = firstMentionOf(ctx.documentMentions, m.entityId);
  return !first || first.start >= m.start;
}

const placesCache = new WeakMap<readonly MentionView[], Map<string, MentionView>>();

/** "Jakarta Stock Exchange": a place of the story opens the name and an institution word follows it. */
function namedPlaceOpening(ctx: SentenceContext, org: MentionView): MentionView | null {
  let places = placesCache.get(ctx.documentMentions);
  if (!places) {
    places = new Map();
    for (const d of ctx.documentMentions) if (d.type === 'Place' && !places.has(d.name)) places.set(d.name, d);
    placesCache.set(ctx.documentMentions, places);
  }
  // The name's opening words, longest first: "New York Stock Exchange" → "New York".
  const words = org.name.split(/\s+/);
  for (let n = Math.min(4, words.length - 1); n >= 1; n--) {
    const head = words.slice(0, n).join(' ');
    const place = places.get(head);
    if (!place || !PLACE_INSTITUTION.test(org.name.slice(head.length))) continue;
    // The place must be named apart from the organization's own name.
    if (place.start >= org.start && place.end <= org.end) continue;
    return place;
  }
  return null;
}

export const rule: RelationRule = {
  id: 'located-context',
  predicate: 'LOCATED_IN',
  subjectTypes: ['Place', 'Organization'],
  objectTypes: ['Place', 'Country'],
  summary: "A settlement introduced without its country is in the story's country; an institution named after a place is in it.",
  variants: [
    { id: 'located-context.story-country', example: '"the south-western city of X" in a story about one country' },
    { id: 'located-context.name', example: '"the X Stock Exchange", "the X Chamber of Commerce" where the story names the place X' },
  ],
  acceptsReferences: false,
  minMentions: 1,
  run: locatedContextRule,
};
