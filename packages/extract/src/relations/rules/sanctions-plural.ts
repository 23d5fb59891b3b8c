import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { STATE_TYPES, listBackward, subjectBefore, triggers, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';
import { phraseCount, pluralAntecedents, pluralView } from '../plural-antecedents.ts';

/**
 * SANCTIONS on a list named before, referred to by a plural phrase: "The Treasury named A, B and
 * C. Britain and Canada sanctioned the same three firms on Friday"; "... designated the companies".
 * The sanctioner is the verb's subject (a coordinated subject gives each member); the targets are
 * the list `pluralAntecedents` finds (a number in the phrase must be its length).
 */

const SANCTIONED_PLURAL =
  /\b(?:sanction(?:s|ed)?|designat(?:e|es|ed)|blacklist(?:s|ed)?|(?:impose[sd]?|imposing|placed?|places)\s+(?:new\s+|fresh\s+|its\s+own\s+)?sanctions\s+(?:on|against)|froze\s+the\s+assets\s+of)\s+(?:the|these|those)\s+(?:same\s+)?(?:(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?(?:[a-z]+\s+)?(firms|companies|entities|suppliers|traders|banks|lenders)\b/gi;

export function sanctionsPluralRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const t of triggers(ctx, SANCTIONED_PLURAL)) {
    const subject = subjectBefore(ctx, t.start, STATE_TYPES);
    if (!subject || subject.adjectival) continue;
    const phraseStart = t.start + t.match[0].search(/\b(?:the|these|those)\s/i);
    const targets = pluralAntecedents(ctx, phraseStart, t.match[2] as string, phraseCount(t.match[1]), /\bsame\b/i.test(t.match[0]));
    for (const s of listBackward(ctx, subject, STATE_TYPES)) {
      for (const target of targets) {
        if (target.entityId === s.entityId) continue;
        out.push({ subject: s, predicate: 'SANCTIONS', object: pluralView(target, phraseStart, t.end, ctx), rule: 'sanctions-plural.phrase', confidence: 0.6 });
      }
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'sanctions-plural',
  predicate: 'SANCTIONS',
  subjectTypes: ['Organization', 'Country'],
  objectTypes: ['Organization'],
  summary: 'Sanctions on a list of firms named before, by a plural phrase: "A and B sanctioned the same three firms".',
  variants: [{ id: 'sanctions-plural.phrase', example: '"OFAC named A, B and C. Britain sanctioned the same three firms"' }],
  acceptsReferences: false,
  minMentions: 1,
  cue: /\b(?:firms|companies|entities|suppliers|traders|banks|lenders)\b/i,
  sidesInSentence: 'subject',
  run: sanctionsPluralRule,
};
