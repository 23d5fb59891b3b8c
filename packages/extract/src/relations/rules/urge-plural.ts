import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { AGENT_TYPES, pronounSubject, subjectBefore, triggers, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';
import { phraseCount, pluralAntecedents, pluralView } from '../plural-antecedents.ts';

/**
 * URGED for a list named before, referred to by a plural phrase: "X met executives of A and B.
 * He urged the banks to scrutinize ..."; "... called on the two firms to stop". The agent is the
 * verb's subject or a clause-initial he/she; the urged are the list `pluralAntecedents` finds.
 * "X met A and B and urged them to ...": "them" is whoever X just met in the same sentence
 * (a demonym only before a noun for people: "met Turkish officials and urged them").
 */

const URGED_PLURAL =
  /\b(?:urg(?:e|es|ed|ing)|press(?:ed|es|ing)?|call(?:s|ed|ing)?\s+on|warn(?:s|ed|ing)?|told|asked)\s+(?:the|these|those)\s+(?:(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?(?:[a-z]+\s+)?(firms|companies|entities|suppliers|traders|banks|lenders)\s+(?:not\s+)?to\s+[a-z]/gi;

/** "met A and B and urged them to", "She met Turkish officials and urged them to": group 1 the people met. */
const MET_THEN_URGED =
  /\b(?:met|meets|meet|held\s+talks\s+with|spoke\s+(?:to|with)|summoned|called\s+in)\s+([^.;:“”"]{1,140}?)\s+and\s+(?:then\s+|also\s+)?(?:urged|pressed|asked|told|warned|called\s+on)\s+them\s+(?:not\s+)?to\s+[a-z]/gi;
/** A demonym stands for its country among the people met only before a noun for them: "Turkish finance ministry officials". */
const PEOPLE_AFTER_DEMONYM = /^\s+(?:[a-z-]+\s+){0,2}(?:officials?|delegations?|counterparts?|ministers?|diplomats?|regulators?|authorities|envoys?|negotiators?|representatives?|executives?|bankers)\b/i;

function metThenUrged(ctx: SentenceContext, out: RelationCandidate[]): void {
  for (const t of triggers(ctx, MET_THEN_URGED)) {
    const subject = subjectBefore(ctx, t.start, AGENT_TYPES) ?? pronounSubject(ctx, t.start);
    if (!subject || subject.adjectival) continue;
    const from = t.start + t.match[0].indexOf(t.match[1] as string);
    const to = from + (t.match[1] as string).length;
    const themAt = t.start + t.match[0].search(/\bthem\b/);
    for (const m of ctx.mentions) {
      if (m.start < from || m.end > to || !AGENT_TYPES.has(m.type) || m.entityId === subject.entityId || m.reference?.possessive) continue;
      if (m.adjectival && !PEOPLE_AFTER_DEMONYM.test(ctx.text.slice(m.end, to + 1))) continue;
      out.push({ subject, predicate: 'URGED', object: pluralView(m, themAt, themAt + 4, ctx), rule: 'urge-plural.met', confidence: 0.6 });
    }
  }
}

export function urgePluralRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  metThenUrged(ctx, out);
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
  summary: 'Urging a list named before by a plural phrase ("He urged the banks to ..."), or the people just met ("met A and B and urged them to").',
  variants: [
    { id: 'urge-plural.phrase', example: '"X met executives of A and B. He urged the banks to check payments"' },
    { id: 'urge-plural.met', example: '"She met Turkish finance ministry officials and urged them to watch for front companies"' },
  ],
  acceptsReferences: true,
  minMentions: 0,
  cue: /\b(?:(?:firms|companies|entities|suppliers|traders|banks|lenders)|them)\s+(?:not\s+)?to\b/i,
  run: urgePluralRule,
};
