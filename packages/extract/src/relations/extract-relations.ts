import { SYMMETRIC_PREDICATES, type ExtractedRelation, type Span } from '@newsgraph/shared';
import type { EntityAnalysis, ExtractOptions } from '../interfaces/analysis.ts';
import { ARTICLE_SUBJECT, buildSentenceContexts, type RelationCandidate, type SentenceContext } from './sentence-context.ts';
import { findOutletEntity } from './outlet.ts';
import { locatedInRule } from './rules/located-in.ts';
import { meetRule } from './rules/meet.ts';
import { partOfRule } from './rules/part-of.ts';
import { reportedByRule } from './rules/reported-by.ts';
import { rolesRule } from './rules/roles.ts';
import { sanctionsRule } from './rules/sanctions.ts';
import { shippedViaRule } from './rules/shipped-via.ts';
import { suppliesRule } from './rules/supplies.ts';
import { tradeRule } from './rules/trade.ts';
import { urgeRule } from './rules/urge.ts';
import { visitRule } from './rules/visit.ts';

/** A relation with the mention spans it was read from (used by span-level evaluations). */
export interface DetailedRelation extends ExtractedRelation {
  /** Span of the subject mention; null for the ARTICLE subject. */
  subjectSpan: Span | null;
  objectSpan: Span | null;
}

const RULES: ReadonlyArray<(ctx: SentenceContext) => RelationCandidate[]> = [
  rolesRule,
  visitRule,
  meetRule,
  urgeRule,
  suppliesRule,
  shippedViaRule,
  sanctionsRule,
  tradeRule,
  partOfRule,
  locatedInRule,
  reportedByRule,
];

/**
 * Reads subject–predicate–object claims from an entity analysis, one sentence at a time, with the
 * sentence as evidence. Symmetric predicates come out once, subject id < object id (the store's
 * convention). REPORTED_BY claims about the article itself have the subject ARTICLE_SUBJECT.
 */
export function extractRelations(analysis: EntityAnalysis, options: ExtractOptions = {}): ExtractedRelation[] {
  return extractRelationsDetailed(analysis, options).map(({ subjectSpan: _s, objectSpan: _o, ...relation }) => relation);
}

export function extractRelationsDetailed(analysis: EntityAnalysis, options: ExtractOptions = {}): DetailedRelation[] {
  const best = new Map<string, DetailedRelation>();
  const keep = (relation: DetailedRelation): void => {
    const key = `${relation.subject}\u0000${relation.predicate}\u0000${relation.object}\u0000${relation.evidence.start}`;
    const known = best.get(key);
    if (!known || known.evidence.confidence < relation.evidence.confidence) best.set(key, relation);
  };
  for (const ctx of buildSentenceContexts(analysis)) {
    if (ctx.mentions.length === 0) continue;
    for (const rule of RULES) {
      for (const c of rule(ctx)) {
        let subject = c.subject === ARTICLE_SUBJECT ? ARTICLE_SUBJECT : c.subject.entityId;
        let object = c.object.entityId;
        let subjectSpan: Span | null = c.subject === ARTICLE_SUBJECT ? null : { start: c.subject.start, end: c.subject.end };
        let objectSpan: Span | null = { start: c.object.start, end: c.object.end };
        if (subject === object) continue;
        // A pronoun stood for the subject ("He visited ..."): say so, and trust it less.
        const viaPronoun = c.subject !== ARTICLE_SUBJECT && c.subject.index === -1;
        const rule = viaPronoun ? `${c.rule}.pronoun` : c.rule;
        const confidence = viaPronoun ? c.confidence * 0.75 : c.confidence;
        if (SYMMETRIC_PREDICATES.has(c.predicate) && object < subject) {
          [subject, object] = [object, subject];
          [subjectSpan, objectSpan] = [objectSpan, subjectSpan];
        }
        keep({
          subject,
          predicate: c.predicate,
          object,
          evidence: {
            sentence: ctx.sentence.text,
            start: ctx.sentence.start,
            end: ctx.sentence.end,
            rule,
            confidence: Math.round(confidence * 100) / 100,
          },
          subjectSpan,
          objectSpan,
        });
      }
    }
  }
  // The publishing outlet, when given: the article is reported by it.
  const outlet = options.outlet ? findOutletEntity(analysis, options.outlet) : null;
  if (outlet) {
    const mention = analysis.mentions.find((m) => m.entityId === outlet.id);
    const sentence = mention ? analysis.sentences[mention.sentenceIndex] : undefined;
    keep({
      subject: ARTICLE_SUBJECT,
      predicate: 'REPORTED_BY',
      object: outlet.id,
      evidence: {
        sentence: sentence?.text ?? '',
        start: sentence?.start ?? 0,
        end: sentence?.end ?? 0,
        rule: 'reported-by.outlet',
        confidence: 1,
      },
      subjectSpan: null,
      objectSpan: mention ? { start: mention.start, end: mention.end } : null,
    });
  }
  return [...best.values()].sort((a, b) => a.evidence.start - b.evidence.start);
}
