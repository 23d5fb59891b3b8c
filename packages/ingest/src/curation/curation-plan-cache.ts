import { compileCurationPlan, emptyCurationPlan, type CurationPlan } from '@newsgraph/shared';
import type { GraphStore } from '@newsgraph/graph';

/** Something that hands out the current curation plan. */
export interface CurationPlanSource {
  plan(): Promise<CurationPlan>;
}

/**
 * The compiled curation plan of one store, reloaded when the log's revision changes. The
 * revision is asked at most once per `maxAgeMs`, so a busy ingest pays one cheap query a second;
 * an action recorded by another process is seen by the next article after that.
 */
export class CurationPlanCache implements CurationPlanSource {
  readonly #store: GraphStore;
  readonly #maxAgeMs: number;
  #revision: string | null = null;
  #plan: CurationPlan = emptyCurationPlan();
  #checkedAt = Number.NEGATIVE_INFINITY;

  constructor(store: GraphStore, options: { maxAgeMs?: number } = {}) {
    this.#store = store;
    this.#maxAgeMs = options.maxAgeMs ?? 1000;
  }

  async plan(): Promise<CurationPlan> {
    const now = performance.now();
    if (now - this.#checkedAt < this.#maxAgeMs) return this.#plan;
    const revision = await this.#store.curationRevision();
    if (revision !== this.#revision) {
      this.#plan = compileCurationPlan(await this.#store.curationLog());
      this.#revision = revision;
    }
    this.#checkedAt = now;
    return this.#plan;
  }

  /** Forgets the plan: the next call reads the log (after this process changed it). */
  invalidate(): void {
    this.#checkedAt = Number.NEGATIVE_INFINITY;
  }
}

const caches = new WeakMap<GraphStore, CurationPlanCache>();

/** One cache per store object, shared by every ingest path of the process. */
export function curationPlanFor(store: GraphStore): CurationPlanCache {
  let cache = caches.get(store);
  if (!cache) {
    cache = new CurationPlanCache(store);
    caches.set(store, cache);
  }
  return cache;
}
