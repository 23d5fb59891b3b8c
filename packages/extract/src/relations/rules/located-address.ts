import type { RelationRule } from '../../interfaces/relation-rule.ts';
import type { MentionView, RelationCandidate, SentenceContext } from '../sentence-context.ts';

/**
 * LOCATED_IN from an address written with a state abbreviation: "<name>, <state abbreviation>"
 * ("the Harbour Clinic, N.M.", "the Lakeside Depot, Calif.", "MARFA, Tex." opening a story).
 * US and Canadian state or province abbreviations with their dot ("N.M.", "Calif.", "Wash.") are
 * the postal style of news copy: they follow a place or an institution and nothing else, so the
 * name before the comma is in that state whatever type the recognizer gave it. `located.comma`
 * reads a place before a state; this rule reads the names it does not take as places (an
 * institution, or a town the recognizer typed as an organization).
 *
 * Not a list of states ("Calif., Ore. and Wash."), nor a name followed by more names ("Acme,
 * Calif., and Boston").
 */

/** "N.M.", "N.Y.", "Calif.", "Wash.", "Ind.": an abbreviation that keeps its dot. */
const ABBREVIATED = /^(?:\p{Lu}\.\s?\p{Lu}\.?|\p{Lu}\p{Ll}{1,4}\.?)$/u;

function isStateAbbreviation(ctx: SentenceContext, m: MentionView): boolean {
  if (m.type !== 'Place' || m.kind !== 'province' || m.adjectival) return false;
  if (!ABBREVIATED.test(m.text)) return false;
  // The dot is part of the mention ("N.M.") or the next character ("Wash" + ".").
  return m.text.endsWith('.') || /^\s?\./.test(ctx.text.slice(m.end, m.end + 2));
}

export function locatedAddressRule(ctx: SentenceContext): RelationCandidate[] {
  const ms = ctx.mentions;
  const out: RelationCandidate[] = [];
  for (let i = 0; i + 1 < ms.length; i++) {
    const name = ms[i]!;
    const state = ms[i + 1]!;
    if (name.type !== 'Organization' || name.adjectival || name.reference) continue;
    if (!/^\s*,\s*$/.test(ctx.text.slice(name.end, state.start)) || !isStateAbbreviation(ctx, state)) continue;
    // A list of names before the state ("Acme, Brekke, Calif.") is no address of the first.
    const before = ms[i - 1];
    if (before && /^\s*,\s*$/.test(ctx.text.slice(before.end, name.start)) && before.type === 'Organization') continue;
    // More names after the state: "Calif., Ore. and Wash.", "Calif., and Boston".
    const after = ms[i + 2];
    if (after && /^\s*\.?\s*(?:,\s*)?(?:and|or|,)\s*$/.test(ctx.text.slice(state.end, after.start))) continue;
    out.push({ subject: name, predicate: 'LOCATED_IN', object: state, rule: 'located-address.state', confidence: 0.65 });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'located-address',
  predicate: 'LOCATED_IN',
  subjectTypes: ['Organization'],
  objectTypes: ['Place'],
  summary: 'A name written before a state abbreviation, as an address ("the Harbour Clinic, N.M.").',
  variants: [{ id: 'located-address.state', example: '"the Harbour Clinic, N.M., opened", "MARFA, Tex. _ Crews worked"' }],
  acceptsReferences: false,
  minMentions: 2,
  run: locatedAddressRule,
};
