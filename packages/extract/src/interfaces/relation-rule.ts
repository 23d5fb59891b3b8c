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
  /**
   * The fewest mentions (names and references) a sentence needs for the rule to run: 2 for most
   * (both sides are in the sentence), 1 where one side may come from a sentence before ("On
   * Tuesday it added X"), 0 for "The two sides met.". Skipping the rest keeps extraction fast.
   */
  minMentions: 0 | 1 | 2;
  /**
   * Word stems every trigger of the family contains: a sentence without any is skipped in one
   * cheap test instead of a dozen trigger scans. Absent when a family reads almost every sentence.
   */
  cue?: RegExp;
  /**
   * Which sides of every claim the rule makes are always mentions of the sentence itself, as the
   * rule sees it (references included when `acceptsReferences`), and of the declared types:
   * 'subject' (of `subjectTypes`), 'object' (of `objectTypes`) or 'both'. The engine skips a
   * sentence without such a mention before the cue test and the run. Absent when a side may come
   * from elsewhere: an earlier sentence, the story's country, a view the rule makes from a word.
   */
  sidesInSentence?: 'subject' | 'object' | 'both';
  run: (ctx: SentenceContext) => RelationCandidate[];
}
