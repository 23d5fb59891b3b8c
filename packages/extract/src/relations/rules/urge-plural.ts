import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { AGENT_TYPES, pronounSubject, subjectBefore, triggers, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';
import { phraseCount, pluralAntecedents, pluralView } from '../plural-antecedents.ts';

/**
 * URGED for a list named before, referred to by a plural phrase: "X met executives of A and B.
 * He urged the banks to scrutinize ..."; "... called on the two firms to stop". The agent is the
 * verb's subject or a clause-initial he/she; the urged are the list `pluralAntecedents` finds.
 */

const URGED_PLURAL =
  /\b(?:urg(?:e|es|ed|ing)|press(?:ed|es|ing)?|call(?:s|ed|ing)?\s+on|warn(?:s|ed|ing)?|told|asked)\s+(?:the|these|those)\s+(?:(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?(?:[a-z]+\s+)?(firms|companies|entities|suppliers|traders|banks|lenders)\s+(?:not\s+)?to\s+[a-z]/gi;

export function urgePluralRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const t of triggers(ctx, URGED_PLURAL)) {
    const subject = subjectBefore(ctx, t.start, AGENT_TYPES) ?? pronounSubject(ctx, t.start);
    if (!subject || subject.adjectival) continue;
    const phraseStart = t.start + t.match[0].search(/\b(?:the|these|those)\s/i);
    const phraseEnd = t.start + t.match[0].search(/\s+(?:not\s+)?to\s+[a-z]$/i);
    for (const target of pluralAntecedents(ctx, phraseStart, t.match[2] as string, phraseCount(t.match[1]))) {
      if (target.entityId === subject.entityId) continue;
      out.push({ subject, predicate: 'URGED', object: pluralView(target, phraseStart, phraseEnd, ctx), rule: 'urge-plural.phrase', confidence: 0.6 });
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'urge-plural',
  predicate: 'URGED',
  subjectTypes: ['Person', 'Organization', 'Country'],
  objectTypes: ['Organization'],
  summary: 'Urging a list of firms or banks named before, by a plural phrase: "He urged the banks to ...".',
  variants: [{ id: 'urge-plural.phrase', example: '"X met executives of A and B. He urged the banks to check payments"' }],
  acceptsReferences: true,
  minMentions: 0,
  cue: /\b(?:firms|companies|entities|suppliers|traders|banks|lenders)\s+(?:not\s+)?to\b/i,
  run: urgePluralRule,
};
