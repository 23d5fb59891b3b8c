import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { withoutNameBrackets } from '../name-brackets.ts';
import { isCompanyMention, openingCompany } from '../story-company.ts';
import { between, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * PART_OF for a unit a company names as its own, the way company statements do:
 * - "Acme Corp said its Zed Inc subsidiary will ...", "the sale of its Zed Co unit" (the unit word after the name);
 * - "Acme said its wholly owned subsidiary, Zed Inc, ...", "through its subsidiary Zed" (before the name);
 * - "the Zed Corp unit of Acme Inc", "a subsidiary of Acme" after "the Zed division of".
 * "its" is the company that opens the sentence (its subject, named or "The company"), with no
 * other organization between it and "its". Not "its West German subsidiary" (a demonym is no
 * name), not a unit it has sold ("sold its Zed division") and not a stake ("its 40 pct owned Zed affiliate" is read only when wholly or majority owned).
 */

const UNIT_WORD = String.raw`(?:subsidiary|unit|division|affiliate|arm|operating\s+company)`;
const OWNED = String.raw`(?:(?:wholly|majority|100\s+pct)[- ]owned\s+)?`;
/** "its wholly owned shipping subsidiary, " before the name. */
const ITS_UNIT_BEFORE = new RegExp(String.raw`\bits\s+${OWNED}(?:[a-z-]+\s+){0,2}?${UNIT_WORD}(?:\s*,)?\s+(?:<\s*)?$`, 'i');
/** "its " right before the name, and the unit word right after it. */
const ITS_BEFORE = /\bits\s+(?:(?:wholly|majority)[- ]owned\s+)?(?:<\s*)?$/i;
const UNIT_AFTER = new RegExp(String.raw`^\s*(?:>\s*)?(?:<[^>]{1,12}>\s*)?${UNIT_WORD}\b`, 'i');
/** "the Zed Corp unit of Acme": the name, a unit word, "of". */
const UNIT_OF = new RegExp(String.raw`^\s*(?:>\s*)?(?:<[^>]{1,12}>\s*)?${UNIT_WORD}\s+of\s+(?:the\s+)?(?:<\s*)?$`, 'i');
/** "Acme sold its Zed unit", "spun off its Zed division": a unit that was the company's is no longer. */
const PARTED_WITH = /\b(?:sold|has\s+sold|had\s+sold|spun\s+off|divested|disposed\s+of|closed|shut|liquidated|former|formerly)\s+(?:all\s+of\s+)?its\s+[^,;]{0,50}$/i;
/** A demonym or a place written like a name is no unit's name: "its West German subsidiary". */
const DEMONYM_LIKE = /^(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+(?:an|ese|ish|ch|i)$/;

function isUnitName(m: MentionView): boolean {
  return isCompanyMention(m) && !DEMONYM_LIKE.test(m.text);
}

export function subsidiaryItsRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const ms = ctx.mentions;
  for (let i = 1; i < ms.length; i++) {
    const unit = ms[i] as MentionView;
    if (unit.reference || !isUnitName(unit)) continue;
    const left = ctx.text.slice(Math.max(ctx.sentence.start, unit.start - 60), unit.start);
    const after = ctx.text.slice(unit.end, Math.min(ctx.sentence.end, unit.end + 40));
    let rule: string | null = null;
    if (ITS_UNIT_BEFORE.test(left)) rule = 'subsidiary-its.before';
    else if (ITS_BEFORE.test(left) && UNIT_AFTER.test(after)) rule = 'subsidiary-its.after';
    if (rule) {
      if (PARTED_WITH.test(left)) continue;
      const owner = openingCompany(ctx, unit.start);
      if (owner && owner.entityId !== unit.entityId) out.push({ subject: unit, predicate: 'PART_OF', object: owner, rule, confidence: 0.7 });
      continue;
    }
    // "the Zed Corp unit of Acme Inc".
    const next = ms[i + 1];
    if (next && isCompanyMention(next) && !next.reference && next.entityId !== unit.entityId && /\bthe\s+(?:<\s*)?$/i.test(left) && UNIT_OF.test(withoutNameBrackets(between(ctx, unit.end, next.start)))) {
      out.push({ subject: unit, predicate: 'PART_OF', object: next, rule: 'subsidiary-its.unit-of', confidence: 0.7 });
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'subsidiary-its',
  predicate: 'PART_OF',
  subjectTypes: ['Organization'],
  objectTypes: ['Organization'],
  summary: 'A unit a company names as its own ("its Zed Inc subsidiary", "its wholly owned subsidiary, Zed") or "the Zed unit of Acme".',
  variants: [
    { id: 'subsidiary-its.after', example: '"Acme said the sale of its Zed Co unit" (not "its West German subsidiary")' },
    { id: 'subsidiary-its.before', example: '"Acme said its wholly owned subsidiary, Zed Inc, won a contract"' },
    { id: 'subsidiary-its.unit-of', example: '"the Zed Corp unit of Acme Inc"' },
  ],
  acceptsReferences: true,
  minMentions: 2,
  cue: /subsidiar|\bunit\b|division|affiliate|\barm\b|operating company/i,
  sidesInSentence: 'subject',
  run: subsidiaryItsRule,
};
