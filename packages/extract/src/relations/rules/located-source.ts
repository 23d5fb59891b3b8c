import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { LOCATION_TYPES, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * LOCATED_IN from a monitoring service's source line: translations of foreign media (the FBIS
 * and BBC Monitoring style) cite their source as "<document code> <city> <outlet> in <language>
 * <date or time>" ("OW1234567894 Lyon LA VOIX in French 1200 GMT 3 Mar 94"), or as a line of just
 * "<city> <outlet>". The city there is where the outlet publishes, whatever the story is about, so
 * the outlet is in it.
 *
 * Not a wire dateline: "LYON, France (AP) --" or "Lyon, March 3 (Xinhua) --" names where the story
 * was filed, not where the agency is based (an agency would be "in" every city it reports from).
 * Those have a comma or a bracket between the city and the agency; a source line has neither.
 */

/** "in French 1200 GMT", "in Serbo-Croatian 2000 GMT", "in Arabic 6 Apr 94 p 6", "in Indonesian on page 5". */
const LANGUAGE_AFTER = /^\s+in\s+\p{Lu}[\p{Ll}-]+(?:\s+(?:\d|No\b|on\s+page\b)|\s*$)/u;
/** A document code before the city: letters and digits, at least one digit ("OW1102132994", "944E0738B"). */
const CODE_BEFORE = /(?:^|\s)(?=[A-Z0-9]*\d)[A-Z0-9]{7,14}\s+$/;
/** "The 11 April Lyon LA VOIX in French": a date opening an editorial report. */
const DATE_BEFORE = /\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$/;

export function locatedSourceRule(ctx: SentenceContext): RelationCandidate[] {
  const ms = ctx.namedMentions;
  const out: RelationCandidate[] = [];
  for (let i = 0; i + 1 < ms.length; i++) {
    const place = ms[i]!;
    const outlet = ms[i + 1]!;
    if (!LOCATION_TYPES.has(place.type) || place.adjectival || outlet.type !== 'Organization' || outlet.adjectival) continue;
    // City and outlet side by side: no comma, no bracket, no word between.
    if (!/^\s+$/.test(ctx.text.slice(place.end, outlet.start))) continue;
    const before = ctx.text.slice(Math.max(ctx.sentence.start, place.start - 40), place.start);
    const opensLine = /^\s*$/.test(ctx.text.slice(ctx.sentence.start, place.start));
    const after = ctx.text.slice(outlet.end, Math.min(ctx.sentence.end, outlet.end + 40));
    const language = LANGUAGE_AFTER.test(after);
    // "<city> <outlet>" alone on its line, or with its code; otherwise "in <language>" must follow.
    const bare = /^\s*$/.test(ctx.text.slice(outlet.end, ctx.sentence.end)) && (opensLine || CODE_BEFORE.test(before));
    if (!bare && !(language && (opensLine || CODE_BEFORE.test(before) || DATE_BEFORE.test(before)))) continue;
    out.push({ subject: outlet, predicate: 'LOCATED_IN', object: place, rule: 'located-source.line', confidence: 0.7 });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'located-source',
  predicate: 'LOCATED_IN',
  subjectTypes: ['Organization'],
  objectTypes: ['Place', 'Country'],
  summary: "A monitoring service's source line: the outlet is in the city written before it (not a wire dateline).",
  variants: [{ id: 'located-source.line', example: '"OW1234567894 Lyon LA VOIX in French 1200 GMT 3 Mar 94", a line "Lyon LA VOIX"' }],
  acceptsReferences: false,
  minMentions: 2,
  sidesInSentence: 'both',
  run: locatedSourceRule,
};
