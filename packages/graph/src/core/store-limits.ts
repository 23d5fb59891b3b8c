import { InputError } from '@newsgraph/shared';

/**
 * Defaults and bounds of every argument a GraphStore takes, in one table that both stores (and
 * the CLI and HTTP API, through the store's errors) obey. `max` is inclusive.
 */
export const STORE_LIMITS = {
  search: { default: 20, max: 10_000 },
  neighbors: { default: 50, max: 10_000 },
  /** How far a neighbour page may start: paging through a hub, not dumping it. */
  neighborsOffset: { default: 0, max: 100_000 },
  paths: { default: 5, max: 100 },
  maxHops: { default: 4, max: 6 },
  evidence: { default: 100, max: 10_000 },
  top: { default: 20, max: 10_000 },
  coMentioned: { default: 20, max: 10_000 },
  /** Articles one curation action may rewrite: a merge of two hubs is refused, not left half done. */
  curationArticles: { default: 50_000, max: 1_000_000 },
  /** `lists.listedEntities` (interfaces/list-store.ts). */
  listed: { default: 100, max: 10_000 },
  /** `aliases.learnings` and `aliases.events` (interfaces/alias-store.ts). */
  aliasLearnings: { default: 1000, max: 10_000 },
  aliasEvents: { default: 50, max: 10_000 },
} as const;

export type LimitName = keyof typeof STORE_LIMITS;

/** A caller's value for `limit`-like arguments: the table's default when absent, else a whole number in [1, max]. */
export function checkLimit(value: number | undefined, limit: LimitName, name = 'limit'): number {
  const { default: fallback, max } = STORE_LIMITS[limit];
  if (value === undefined) return fallback;
  const min = limit === 'neighborsOffset' ? 0 : 1;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError(name, `must be a whole number from ${min} to ${max} (got ${String(value)})`);
  }
  return value;
}

/** A whole number in [1, max] for backend-internal sizes (page sizes, fetch caps). */
export function checkSize(value: number, name: string, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) throw new InputError(name, `must be a whole number from 1 to ${max} (got ${String(value)})`);
  return value;
}
