import type { RelationRule } from '../../interfaces/relation-rule.ts';
import type { MentionView, RelationCandidate, SentenceContext } from '../sentence-context.ts';

/**
 * LOCATED_IN for an organization written with its home town the way news copy gives an address:
 * "<organization> of <town>, <state or country>" ("Brekke Foods of Marfa, Tex.", "Norvik Air of
 * Carp, Ontario", "Halden Mills of Lyon, France"). The town and its state after a comma are what
 * makes "of" an address: "Brekke Foods of Marfa" alone may name a part or an owner, and
 * `located.of` reads it only for names that say what they are ("Supreme Court of Canada"). The
 * organization is in the town and in the state (or country); when the recognizer does not know
 * the town ("of McCook, Ill."), the state still places it.
 *
 * Not a person ("Ana Ruiz of Marfa, Tex." is where she lives, which the project has no predicate
 * for), nor a list of towns after "of" ("of Marfa, Alpine and Presidio").
 */

/** The gap between the organization and the town: " of " (and no more words). */
const OF = /^\s+of\s+(?:the\s+)?$/i;
/** Between the town and what holds it: a comma only. */
const COMMA = /^\s*,\s*$/;
/** An unknown town between "of" and the comma: one to three capitalised words. */
const OF_UNKNOWN_TOWN = /^\s+of\s+\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*){0,2}\s*,\s*$/u;
/** After the state, a conjunction before another place: "of Marfa, Tex., and Oklahoma" is a list of places, no address. */
const AND = /^\s*\.?\s*,?\s*(?:and|or)\s+(?:the\s+)?$/i;

/** A place that holds towns: a state or province, or a country. */
function holdsTowns(m: MentionView): boolean {
  return !m.adjectival && !m.reference && (m.type === 'Country' || (m.type === 'Place' && m.kind === 'province'));
}

/** Whether the mention at `index` (the state) is followed by another place in a list. */
function listAfter(ctx: SentenceContext, index: number): boolean {
  const state = ctx.mentions[index]!;
  const after = ctx.mentions[index + 1];
  return !!after && (after.type === 'Place' || after.type === 'Country') && AND.test(ctx.text.slice(state.end, after.start));
}

/** A town: a place that is neither a state nor a larger region. */
function isTown(m: MentionView): boolean {
  return m.type === 'Place' && !m.adjectival && !m.reference && m.kind !== 'province' && m.kind !== 'region' && m.kind !== 'continent';
}

export function locatedOfTownRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const ms = ctx.mentions;
  for (let i = 0; i + 1 < ms.length; i++) {
    const org = ms[i]!;
    if (org.type !== 'Organization' || org.adjectival || org.reference) continue;
    const next = ms[i + 1]!;
    if (next.start - org.end > 60) continue; // " of " and at most an unknown town of three words
    const gap = ctx.text.slice(org.end, next.start);
    if (isTown(next) && OF.test(gap)) {
      const state = ms[i + 2];
      if (!state || !holdsTowns(state) || !COMMA.test(ctx.text.slice(next.end, state.start))) continue;
      if (listAfter(ctx, i + 2)) continue;
      out.push({ subject: org, predicate: 'LOCATED_IN', object: next, rule: 'located-of-town.town', confidence: 0.7 });
      out.push({ subject: org, predicate: 'LOCATED_IN', object: state, rule: 'located-of-town.state', confidence: 0.7 });
    } else if (holdsTowns(next) && OF_UNKNOWN_TOWN.test(gap)) {
      if (listAfter(ctx, i + 1)) continue;
      out.push({ subject: org, predicate: 'LOCATED_IN', object: next, rule: 'located-of-town.state', confidence: 0.65 });
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'located-of-town',
  predicate: 'LOCATED_IN',
  subjectTypes: ['Organization'],
  objectTypes: ['Place', 'Country'],
  summary: 'An organization written with its home town as an address: "X of <town>, <state>".',
  variants: [
    { id: 'located-of-town.town', example: '"Brekke Foods of Marfa, Tex." (the town)' },
    { id: 'located-of-town.state', example: '"Brekke Foods of Marfa, Tex." (the state, also when the town is unknown)' },
  ],
  acceptsReferences: false,
  minMentions: 2,
  cue: /\bof\s+(?:the\s+)?\p{Lu}/u,
  sidesInSentence: 'both',
  run: locatedOfTownRule,
};
