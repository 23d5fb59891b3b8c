import type { EntityType } from '@newsgraph/shared';

export interface ListMatcherOptions {
  /** Lowest score (0..1) reported as a match; the `lists.matchThreshold` setting. */
  threshold: number;
}

/** A Person or Organization entity as the matcher sees it. */
export interface MatchQuery {
  name: string;
  aliases?: readonly string[];
  type: EntityType;
  /** ISO 3166-1 alpha-2 codes the entity is tied to (its own country, nationality, affiliation). */
  countries?: readonly string[];
}
