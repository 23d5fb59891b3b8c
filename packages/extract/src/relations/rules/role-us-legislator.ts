import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { firstMentionOf, referenceView } from '../references.ts';
import type { MentionView, RelationCandidate, SentenceContext } from '../sentence-context.ts';

/**
 * HOLDS_ROLE United States for a member of the US Congress written with the party-and-state
 * notation that only US legislators carry: "Sen. David Boren (D-Okla.)", "Rep. Jane Doe, R-Calif.,",
 * "Alan Cranston (D-Cal.)". The notation says the person sits in the US Congress for a state
 * (a public convention of US reporting), as "Trade Representative" says a post in the US
 * government (`role.us-office`). Only where the text names the United States: the claim points at
 * its mention in this sentence, else at the first one of the story.
 */

/** "(D-Okla.)", "(R-Kan)", ", D-Calif.,", "(I-Vt.)": party letter, hyphen, a state abbreviation or name. */
const NOTATION = /^\s*(?:\(\s*[DRI]\s*[-–]\s*[A-Z][A-Za-z.]{1,12}\s*\)|,\s*[DRI]\s*[-–]\s*[A-Z][A-Za-z.]{1,12}\s*,)/;
const US = 'country:US';

export function roleUsLegislatorRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const person of ctx.mentions) {
    if (person.type !== 'Person' || person.reference || !NOTATION.test(ctx.text.slice(person.end, person.end + 16))) continue;
    const here = ctx.mentions.find((m) => m.entityId === US && !m.reference);
    const first = here ?? firstMentionOf(ctx.documentMentions, US);
    if (!first) continue;
    const country: MentionView = here ?? referenceView(first, person.start, ctx.sentenceIndex);
    out.push({ subject: person, predicate: 'HOLDS_ROLE', object: country, rule: 'role-us-legislator.notation', confidence: 0.55 });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'role-us-legislator',
  predicate: 'HOLDS_ROLE',
  subjectTypes: ['Person'],
  objectTypes: ['Country'],
  summary: 'A member of the US Congress written with the party-and-state notation ("Sen. X (D-Okla.)"), in a text that names the United States.',
  variants: [{ id: 'role-us-legislator.notation', example: '"Sen. X (D-Okla.)", "Rep. X, R-Calif.," (not "X (Oklahoma)")' }],
  acceptsReferences: false,
  minMentions: 1,
  cue: /[(,]\s*[DRI]\s*[-–]\s*[A-Z]/,
  run: roleUsLegislatorRule,
};
