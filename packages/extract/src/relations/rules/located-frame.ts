import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { townIn } from '../../lexicon/geonames-places.ts';
import { US_STATES } from '../../lexicon/us-states.ts';
import { LOCATION_TYPES, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * LOCATED_IN from a locative frame opening the sentence: "In Nebraska, snow closed roads around
 * Kearney", "Saxony: floods reached the centre of Meissen", "In Lyon, the regional council said".
 * The frame scopes its clause, so a place the clause locates something in ("in", "at", "near",
 * "over", "of") lies in the frame, and an organization that opens the clause as its subject sits
 * there.
 *
 * Guards: the frame is a country or a region (a state, a province, a county), or a city for the
 * organization; a place must be smaller (a settlement or an unknown name, not another region or a
 * country); a place the gazetteer puts in another country (or, for a US state, a town GeoNames
 * does not list in that state) is not taken; a place reached by "from" or "to" is a journey's
 * end, not a location; the frame ends at ";" or at another sentence-opening frame.
 */

const POSTAL_BY_STATE = new Map(US_STATES.map((s) => [s.name, s.postal]));
/** "In Nebraska ,", "In the Ruhr ,", after an editor's bracket ("( Excerpts ) In ..."). */
const IN_FRAME_BEFORE = /^[\s"“]*(?:\(\s*\w+\s*\)\s*)?In\s+(?:the\s+)?$/i;
/** "Saxony :", a roundup's heading. */
const HEADING_BEFORE = /^[\s"“]*$/;
/** The place is where something is: a locative preposition right before it. */
const LOCATIVE_BEFORE = /\b(?:in|at|near|over|around|outside|across|of)\s+(?:the\s+)?(?:(?:city|town|village|small|resort|nearby|downtown|suburban|central|northern|southern|eastern|western)\s+){0,3}$/i;
/** The frame's subject organization: "In Lyon, the regional council said". */
const SUBJECT_ORG_GAP = /^\s*,\s*(?:the\s+)?$/;
const REGION_KINDS = new Set(['province', 'region', 'continent']);

function attributes(ctx: SentenceContext, m: MentionView): Record<string, unknown> {
  return ctx.entities.get(m.entityId)?.attributes ?? {};
}

/** The frame's country code (its own for a country, its country's for a region or city), if known. */
function countryOf(ctx: SentenceContext, m: MentionView): string | null {
  const a = attributes(ctx, m);
  const iso = m.type === 'Country' ? a['iso'] : (a['countryIso'] ?? a['country']);
  return typeof iso === 'string' ? iso : null;
}

/** A place the frame may hold: a settlement or a name the gazetteer has no record of, in the frame's country and (for a US state) listed by GeoNames in that state. */
function fitsFrame(ctx: SentenceContext, frame: MentionView, place: MentionView): boolean {
  if (place.type !== 'Place' || place.adjectival || place.entityId === frame.entityId) return false;
  const a = attributes(ctx, place);
  if (typeof a['kind'] === 'string' && REGION_KINDS.has(a['kind'])) return false;
  const frameCountry = countryOf(ctx, frame);
  const placeCountry = countryOf(ctx, place);
  if (frameCountry && placeCountry && frameCountry !== placeCountry) return false;
  const postal = frame.type === 'Place' ? POSTAL_BY_STATE.get(frame.name) : undefined;
  if (postal && placeCountry === 'US' && !townIn(place.name, 'US', postal)) return false;
  // A city frame holds organizations only: "In Lyon, ... in Paris" is a second place, not a part.
  return frame.type === 'Country' || (typeof attributes(ctx, frame)['kind'] === 'string' && REGION_KINDS.has(attributes(ctx, frame)['kind'] as string));
}

export function locatedFrameRule(ctx: SentenceContext): RelationCandidate[] {
  const ms = ctx.mentions;
  const frame = ms[0];
  // The frame opens the sentence: at most an editor's bracket and "In the" before it.
  if (!frame || frame.start - ctx.sentence.start > 24 || !LOCATION_TYPES.has(frame.type) || frame.adjectival) return [];
  const before = ctx.text.slice(ctx.sentence.start, frame.start);
  const after = ctx.text.slice(frame.end, frame.end + 3);
  const heading = HEADING_BEFORE.test(before) && /^\s*:/.test(after);
  const framed = IN_FRAME_BEFORE.test(before) && /^\s*,/.test(after);
  if (!heading && !framed) return [];
  const out: RelationCandidate[] = [];
  const local = ctx.text.slice(frame.end, ctx.sentence.end);
  const stop = frame.end + (local.search(/;|\s--\s/) + 1 || local.length + 1) - 1;
  for (let i = 1; i < ms.length; i++) {
    const m = ms[i]!;
    if (m.start >= stop) break;
    if (i === 1 && m.type === 'Organization' && !m.adjectival && !heading && SUBJECT_ORG_GAP.test(ctx.text.slice(frame.end, m.start))) {
      out.push({ subject: m, predicate: 'LOCATED_IN', object: frame, rule: 'located-frame.subject', confidence: 0.5 });
      continue;
    }
    if (!fitsFrame(ctx, frame, m)) continue;
    const before = ctx.text.slice(Math.max(ctx.sentence.start, m.start - 40), m.start);
    if (!LOCATIVE_BEFORE.test(before) || /\b(?:from|to|toward|towards|into)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}$/i.test(before)) continue;
    // "near Kearney, Neb.": the place carries its own state or country.
    const next = ms[i + 1];
    if (next && LOCATION_TYPES.has(next.type) && /^\s*,\s*$/.test(ctx.text.slice(m.end, next.start))) continue;
    out.push({ subject: m, predicate: 'LOCATED_IN', object: frame, rule: 'located-frame.place', confidence: 0.55 });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'located-frame',
  predicate: 'LOCATED_IN',
  subjectTypes: ['Place', 'Organization'],
  objectTypes: ['Place', 'Country'],
  summary: 'A place or an organization inside the locative frame that opens its sentence ("In Nebraska, ... near Kearney").',
  variants: [
    { id: 'located-frame.place', example: '"In Nebraska, snow closed roads around Kearney", "Saxony: floods reached Meissen"' },
    { id: 'located-frame.subject', example: '"In Lyon, the regional council said"' },
  ],
  acceptsReferences: false,
  minMentions: 2,
  sidesInSentence: 'object',
  run: locatedFrameRule,
};
