import { ENTITY_TYPES, SYMMETRIC_PREDICATES, type EntityType, type ExtractedRelation, type Span } from '@newsgraph/shared';
import type { EntityAnalysis, ExtractOptions } from '../interfaces/analysis.ts';
import { ARTICLE_SUBJECT, buildSentenceContexts, type MentionView, type RelationCandidate, type SentenceContext } from './sentence-context.ts';
import type { Antecedent, Predicate } from '@newsgraph/shared';
import { findOutletEntity } from './outlet.ts';
import { claimModality } from './modality.ts';
import { RELATION_RULES } from './rule-registry.ts';
import type { RelationRule } from '../interfaces/relation-rule.ts';
import { SENTENCE_CUES } from './cue-index.ts';

/** A relation with the mention spans it was read from (used by span-level evaluations). */
export interface DetailedRelation extends ExtractedRelation {
  /** Span of the subject mention; null for the ARTICLE subject. */
  subjectSpan: Span | null;
  objectSpan: Span | null;
}

/** Facts about names (an address, a byline, a nationality in a description): no verb to negate or to plan. */
const TIMELESS: ReadonlySet<Predicate> = new Set<Predicate>(['LOCATED_IN', 'REPORTED_BY', 'NATIONAL_OF']);
/** How much less a claim is trusted when one side is a pronoun or a description. */
const REFERENCE_DISCOUNT = 0.75;

/** One bit per entity type, for the type test of `sidesInSentence`. */
const TYPE_BITS: ReadonlyMap<EntityType, number> = new Map(ENTITY_TYPES.map((t, i) => [t, 1 << i]));

function typeMask(types: readonly EntityType[]): number {
  let mask = 0;
  for (const t of types) mask |= TYPE_BITS.get(t) ?? 0;
  return mask;
}

function mentionTypeMask(mentions: readonly MentionView[]): number {
  let mask = 0;
  for (const m of mentions) mask |= TYPE_BITS.get(m.type) ?? 0;
  return mask;
}

/**
 * A rule family as the sentence loop reads it. Every record has the same fields in the same
 * order (the rule objects do not: some have a cue, some not), so the loop's reads stay
 * monomorphic; the type masks are those of the sides the rule says are in the sentence (0: no test).
 */
interface PreparedRule {
  readonly run: RelationRule['run'];
  readonly minMentions: number;
  readonly acceptsReferences: boolean;
  /** The id of the rule's cue in SENTENCE_CUES; -1: no cue. */
  readonly cueId: number;
  readonly subjectMask: number;
  readonly objectMask: number;
}

function prepare(rule: RelationRule): PreparedRule {
  const sides = rule.sidesInSentence;
  return {
    run: rule.run,
    minMentions: rule.minMentions,
    acceptsReferences: rule.acceptsReferences,
    // One scan of the sentence answers every family's cue (cue-index.ts), not one regex run each.
    cueId: rule.cue ? SENTENCE_CUES.idOf(rule.cue) : -1,
    subjectMask: sides === 'subject' || sides === 'both' ? typeMask(rule.subjectTypes) : 0,
    objectMask: sides === 'object' || sides === 'both' ? typeMask(rule.objectTypes) : 0,
  };
}

const PREPARED_RULES: readonly PreparedRule[] = RELATION_RULES.map(prepare);

/** The sentence that names the entity a reference stands for, when it is another sentence. */
function antecedentOf(ctx: SentenceContext, m: MentionView | typeof ARTICLE_SUBJECT): Antecedent | null {
  if (m === ARTICLE_SUBJECT || !m.reference) return null;
  const named = m.reference.antecedent;
  if (named.sentenceIndex === ctx.sentenceIndex) return null;
  // The document's sentences are not on the context; the antecedent's own span locates its sentence.
  const sentence = ctx.sentences[named.sentenceIndex];
  return sentence ? { sentence: sentence.text, start: sentence.start, end: sentence.end } : null;
}

/**
 * Reads subject–predicate–object claims from an entity analysis, one sentence at a time, with the
 * sentence as evidence. Symmetric predicates come out once, subject id < object id (the store's
 * convention). REPORTED_BY claims about the article itself have the subject ARTICLE_SUBJECT.
 */
export function extractRelations(analysis: EntityAnalysis, options: ExtractOptions = {}): ExtractedRelation[] {
  // The fields of ExtractedRelation in the order toRelation writes them: a literal, not a rest
  // spread, which copies property by property through a generic runtime path.
  return extractRelationsDetailed(analysis, options).map((r) => ({ subject: r.subject, predicate: r.predicate, object: r.object, evidence: r.evidence }));
}

/**
 * The claims kept so far: per subject, predicate, object and sentence the most confident, with
 * its confidence beside it. The engine never reads a kept claim's evidence back: evidence objects
 * come in several shapes (modality and antecedent are optional), and reading them from the
 * sentence loop made V8 drop its compiled loop on "wrong map" again and again while warming up.
 */
interface KeptClaims {
  readonly relations: Map<string, DetailedRelation>;
  readonly confidences: Map<string, number>;
}

/** Keeps the most confident of the claims with the same sides, predicate and sentence start. */
function keep(kept: KeptClaims, relation: DetailedRelation, sentenceStart: number, confidence: number): void {
  const key = `${relation.subject}\u0000${relation.predicate}\u0000${relation.object}\u0000${sentenceStart}`;
  const known = kept.confidences.get(key);
  if (known === undefined || known < confidence) {
    kept.relations.set(key, relation);
    kept.confidences.set(key, confidence);
  }
}

export function extractRelationsDetailed(analysis: EntityAnalysis, options: ExtractOptions = {}): DetailedRelation[] {
  const kept: KeptClaims = { relations: new Map(), confidences: new Map() };
  // Indexed loops and a module-level `keep`: no iterator or closure per document, sentence or rule.
  const contexts = buildSentenceContexts(analysis);
  for (let s = 0; s < contexts.length; s++) {
    const ctx = contexts[s] as SentenceContext;
    const namedOnly = ctx.namedMentions === ctx.mentions ? ctx : { ...ctx, mentions: ctx.namedMentions };
    const allTypes = mentionTypeMask(ctx.mentions);
    const namedTypes = namedOnly === ctx ? allTypes : mentionTypeMask(ctx.namedMentions);
    const text = ctx.sentence.text;
    for (let f = 0; f < PREPARED_RULES.length; f++) {
      const family = PREPARED_RULES[f] as PreparedRule;
      const view = family.acceptsReferences ? ctx : namedOnly;
      if (view.mentions.length < family.minMentions) continue;
      const types = family.acceptsReferences ? allTypes : namedTypes;
      // A side that must be in the sentence, and no mention of its types: no claim can come.
      if ((family.subjectMask !== 0 && (types & family.subjectMask) === 0) || (family.objectMask !== 0 && (types & family.objectMask) === 0)) continue;
      if (family.cueId >= 0 && !SENTENCE_CUES.matches(family.cueId, text)) continue;
      const candidates = family.run(view);
      for (let k = 0; k < candidates.length; k++) claim(kept, ctx, candidates[k] as RelationCandidate);
    }
  }
  // The publishing outlet, when given: the article is reported by it.
  const outlet = options.outlet ? findOutletEntity(analysis, options.outlet) : null;
  if (outlet) {
    const mention = analysis.mentions.find((m) => m.entityId === outlet.id);
    const sentence = mention ? analysis.sentences[mention.sentenceIndex] : undefined;
    keep(kept, {
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
    }, sentence?.start ?? 0, 1);
  }
  return [...kept.relations.values()].sort((a, b) => a.evidence.start - b.evidence.start);
}

/**
 * One rule candidate as a claim: ids, spans, the rule id with its reference suffix, confidence,
 * modality and antecedent; none for a claim of an entity about itself. A function of its own so
 * that the loop over rules stays small for the JIT (the candidates' mention views have many shapes).
 */
function claim(kept: KeptClaims, ctx: SentenceContext, c: RelationCandidate): void {
  let subject = c.subject === ARTICLE_SUBJECT ? ARTICLE_SUBJECT : c.subject.entityId;
  let object = c.object.entityId;
  let subjectSpan: Span | null = c.subject === ARTICLE_SUBJECT ? null : { start: c.subject.start, end: c.subject.end };
  let objectSpan: Span | null = { start: c.object.start, end: c.object.end };
  if (subject === object) return;
  // A pronoun or a description stood for one side ("He visited ...", "the company"): say so, and trust it less.
  const subjectReference = c.subject !== ARTICLE_SUBJECT ? (c.subject.reference ?? (c.subject.index === -1 ? { kind: 'pronoun' as const } : null)) : null;
  const reference = subjectReference ?? c.object.reference ?? null;
  const rule = reference ? `${c.rule}.${reference.kind}` : c.rule;
  const confidence = reference ? c.confidence * REFERENCE_DISCOUNT : c.confidence;
  const antecedent = antecedentOf(ctx, c.subject) ?? antecedentOf(ctx, c.object);
  const modality = claimModality(ctx.text, ctx.sentence, subjectSpan, objectSpan, TIMELESS.has(c.predicate));
  if (SYMMETRIC_PREDICATES.has(c.predicate) && object < subject) {
    [subject, object] = [object, subject];
    [subjectSpan, objectSpan] = [objectSpan, subjectSpan];
  }
  // The optional fields are set after the literal, not spread into it (a spread copies through a
  // generic runtime path); the key order, which the JSON output shows, is the same.
  const rounded = Math.round(confidence * 100) / 100;
  const evidence: ExtractedRelation['evidence'] = { sentence: ctx.sentence.text, start: ctx.sentence.start, end: ctx.sentence.end, rule, confidence: rounded };
  if (modality !== 'asserted') evidence.modality = modality;
  if (antecedent) evidence.antecedent = antecedent;
  keep(kept, { subject, predicate: c.predicate, object, evidence, subjectSpan, objectSpan }, ctx.sentence.start, rounded);
}
