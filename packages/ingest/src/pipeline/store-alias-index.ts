import { CorpusIndex, type AliasArticleLearning, type EntityCorpus } from '@newsgraph/extract';
import type { AliasEvent, GraphStore } from '@newsgraph/graph';

/**
 * The cross-document alias index as every ingest path uses it (processArticle): `prepare` before
 * extraction, `takeLearning` right after it (extraction is synchronous, so that is the article's
 * own); the learning is written with the article (GraphStore.writeArticle's alias record) and
 * `recorded` told its seq.
 */
export interface ArticleAliasIndex {
  /** Loads the index from the store (first call) or picks up what other processes recorded since; resolves to what extraction reads. */
  prepare(): Promise<EntityCorpus>;
  /** What the article just extracted taught the index, with its resolutions and ambiguities (null when nothing was learned). */
  takeLearning(): AliasArticleLearning | null;
  /** Keeps that learning for an already stored article, so that a later process rebuilds the same index. */
  record(articleId: string, learning: AliasArticleLearning): Promise<void>;
  /** The store recorded the article's learning with its write, as `seq` (an index that replays its store must not replay it again). */
  recorded?(articleId: string, seq: number): void;
  /**
   * True for a stored article the index has never learned from (a store from before the alias
   * index): re-ingesting it teaches the index without touching what is stored. After `prepare`.
   */
  needsLearning?(articleId: string): boolean;
}

/** The store events of one article's learning: one per resolution, one per entity an alias became ambiguous between. */
export function aliasEventsOf(learning: AliasArticleLearning): AliasEvent[] {
  const events: AliasEvent[] = learning.resolutions.map((r) => ({ kind: 'resolved', entityId: r.entityId, alias: r.alias, reason: r.reason }));
  for (const a of learning.ambiguities) for (const entityId of a.entityIds) events.push({ kind: 'ambiguous', entityId, alias: a.alias, reason: a.reason });
  return events;
}

export interface StoreAliasIndexOptions {
  /** The index to extend (default: a new CorpusIndex, filled from the store). */
  corpus?: CorpusIndex;
  /**
   * Keep no index in this thread: the store's learnings only go to `onReplay` (extraction
   * threads, whose replicas are the only indexes read). Saves this thread the index and the
   * lexicons replaying needs (the gazetteer, word lists); `prepare` then fails, and `catchUp`,
   * `replicaSeed` serve instead.
   */
  replicasOnly?: boolean;
  /** Least time between two looks for other processes' records (default 10 s; 0: before every article). */
  refreshMs?: number;
  now?: () => number;
  /** Hears every page of learnings replayed from the store (the extraction pool's thread replicas follow them). */
  onReplay?: (learnings: AliasArticleLearning[]) => void;
}

/** Records read per page when loading. */
const LOAD_PAGE = 10_000;

/**
 * The alias index persisted in a GraphStore (`store.aliases`): the first `prepare` replays every
 * stored learning in recording order, later ones (at most every `refreshMs`) replay what other
 * processes recorded since (crawler workers on other machines), never this process's own. A
 * store without `aliases` (a test double) gives an index for this run only.
 */
export class StoreAliasIndex implements ArticleAliasIndex {
  /** This thread's index (null with `replicasOnly`). */
  readonly corpus: CorpusIndex | null;
  readonly #store: GraphStore;
  readonly #refreshMs: number;
  readonly #now: () => number;
  readonly #onReplay: ((learnings: AliasArticleLearning[]) => void) | undefined;
  #loaded: Promise<void> | null = null;
  /** The refresh in flight: articles processed at once share it (replaying twice would count twice). */
  #refreshing: Promise<void> | null = null;
  #lastSeq = 0;
  #lastRefresh = 0;
  /** Seqs this process recorded after #lastSeq: already learned, skipped when refreshing. */
  readonly #own = new Set<number>();
  /** Articles with a learning record (loaded or recorded). */
  readonly #learned = new Set<string>();

  constructor(store: GraphStore, options: StoreAliasIndexOptions = {}) {
    this.#store = store;
    this.corpus = options.replicasOnly ? null : (options.corpus ?? new CorpusIndex());
    this.#refreshMs = options.refreshMs ?? 10_000;
    this.#now = options.now ?? Date.now;
    this.#onReplay = options.onReplay;
  }

  /** Articles replayed from the store so far. */
  replayed = 0;

  async prepare(): Promise<EntityCorpus> {
    if (!this.corpus) throw new Error('StoreAliasIndex with replicasOnly keeps no index in this thread: extract on a replica');
    await this.catchUp();
    return this.corpus;
  }

  /** Loads what the store holds (first call) or, at most every `refreshMs`, what other processes recorded since. */
  async catchUp(): Promise<void> {
    if (!this.#loaded) {
      this.#loaded = this.#catchUp();
      await this.#loaded;
    } else {
      await this.#loaded;
      if (!this.#refreshing && this.#now() - this.#lastRefresh >= this.#refreshMs) {
        this.#refreshing = this.#catchUp().finally(() => (this.#refreshing = null));
      }
      if (this.#refreshing) await this.#refreshing;
    }
  }

  /**
   * Gives `onPage` every learning a new replica needs to hold what the others hold, page by page
   * in store order: the records replayed so far (seq up to the last one read) and this process's
   * own records recorded after it (a later refresh skips those). Other processes' newer records
   * are left out: the next refresh gives them to every replica through `onReplay`. No refresh
   * runs meanwhile. The caller must have no learning taken but not yet recorded.
   */
  async replicaSeed(onPage: (learnings: AliasArticleLearning[]) => void): Promise<void> {
    await this.catchUp();
    while (this.#refreshing) await this.#refreshing;
    const seeding = this.#readSeed(this.#lastSeq, new Set(this.#own), onPage);
    this.#refreshing = seeding.catch(() => {}).finally(() => (this.#refreshing = null));
    await seeding;
  }

  async #readSeed(through: number, own: ReadonlySet<number>, onPage: (learnings: AliasArticleLearning[]) => void): Promise<void> {
    const aliases = this.#store.aliases;
    if (!aliases) return;
    let last = through;
    for (const seq of own) last = Math.max(last, seq);
    for (let afterSeq = 0; afterSeq < last; ) {
      const page = await aliases.learnings({ afterSeq, limit: LOAD_PAGE });
      const learnings: AliasArticleLearning[] = [];
      for (const record of page) if (record.seq <= through || own.has(record.seq)) learnings.push(record.learning as AliasArticleLearning);
      if (learnings.length > 0) onPage(learnings);
      if (page.length < LOAD_PAGE) return;
      afterSeq = page[page.length - 1]!.seq;
    }
  }

  async #catchUp(): Promise<void> {
    const aliases = this.#store.aliases;
    this.#lastRefresh = this.#now();
    if (!aliases) return;
    for (;;) {
      const page = await aliases.learnings({ afterSeq: this.#lastSeq, limit: LOAD_PAGE });
      const replayed: AliasArticleLearning[] = [];
      for (const record of page) {
        this.#lastSeq = Math.max(this.#lastSeq, record.seq);
        this.#learned.add(record.articleId);
        if (this.#own.delete(record.seq)) continue;
        const learning = record.learning as AliasArticleLearning;
        try {
          this.corpus?.replay(learning);
        } catch (error) {
          throw new Error(`alias index record of article ${record.articleId} (seq ${record.seq}): ${(error as Error).message}`, { cause: error });
        }
        replayed.push(learning);
        this.replayed++;
      }
      if (replayed.length > 0) this.#onReplay?.(replayed);
      if (page.length < LOAD_PAGE) return;
    }
  }

  takeLearning(): AliasArticleLearning | null {
    return this.corpus?.takeArticleLearning() ?? null;
  }

  async record(articleId: string, learning: AliasArticleLearning): Promise<void> {
    const aliases = this.#store.aliases;
    if (!aliases) return;
    this.recorded(articleId, await aliases.record(articleId, learning, aliasEventsOf(learning)));
  }

  recorded(articleId: string, seq: number): void {
    if (seq > this.#lastSeq) this.#own.add(seq);
    this.#learned.add(articleId);
  }

  needsLearning(articleId: string): boolean {
    return this.#store.aliases !== undefined && this.#loaded !== null && !this.#learned.has(articleId);
  }
}
