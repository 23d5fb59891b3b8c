import type { EntityType, Predicate } from '@newsgraph/shared';
import type { RelationCandidate, SentenceContext } from '../relations/sentence-context.ts';

/**
 * One relation rule family, as data: what it reads, between which entity types, and how. Every
 * file in `relations/rules/` exports one (`export const rule`), its `id` is the file name, and
 * every claim it produces carries a rule id `<id>.<variant>` (plus `.list`, `.unit`, `.pronoun`,
 * `.description` suffixes added where a list or a reference was expanded). The docs table and
 * the per-rule evaluation report are generated from these records.
 */
export interface RelationRule {
  /** The file name without `.ts`, e.g. `visit` for `rules/visit.ts`. */
  id: string;
  predicate: Predicate;
  subjectTypes: readonly EntityType[];
  objectTypes: readonly EntityType[];
  /** One line for the docs table: what the family reads. */
  summary: string;
  /** Each variant id (`<id>.<name>`) with a pattern of English it reads (our own example). */
  variants: ReadonlyArray<{ id: string; example: string }>;
  /**
   * Whether the rule may read a pronoun or a definite description ("he", "the company") standing
   * for an entity named earlier. Rules about names next to names (an address, a possessive unit)
   * say no: their patterns need the name itself.
   */
  acceptsReferences: boolean;
  /** Run on sentences that name no entity ("The two sides met."); most rules need a mention. */
  readsSentencesWithoutMentions?: boolean;
  run: (ctx: SentenceContext) => RelationCandidate[];
}
