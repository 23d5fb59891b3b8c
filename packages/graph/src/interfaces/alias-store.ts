/**
 * The cross-document alias index as a store keeps it (docs/entities.md, "The alias index"). The
 * extractor's corpus index is rebuilt in every process by replaying, in recording order, what each
 * article taught it (`learning`, the extractor's JSON, opaque to the store); the events say what
 * the index did with an article's names, so that a reader sees why a short name became a full one.
 */

export const ALIAS_EVENT_KINDS = ['resolved', 'ambiguous'] as const;
/**
 * `resolved`: a short name of the article (surname, short form, acronym) was resolved to the
 * entity from other articles. `ambiguous`: the article gave a second full form to an alias that
 * had resolved to the entity, so the alias stops resolving (earlier articles keep theirs).
 */
export type AliasEventKind = (typeof ALIAS_EVENT_KINDS)[number];

export interface AliasEvent {
  kind: AliasEventKind;
  entityId: string;
  /** The short name ("Reagan", "NAO"). */
  alias: string;
  /** Why, in words ("surname of Ronald Reagan, the only full name with it in 4 earlier article(s)"). */
  reason: string;
}

export interface StoredAliasEvent extends AliasEvent {
  articleId: string;
  /** Recording order of the article's learning (see AliasLearningRecord.seq). */
  seq: number;
}

export interface AliasLearningRecord {
  /** Increases with every record; a re-recorded article gets a new, larger one. */
  seq: number;
  articleId: string;
  /** The JSON value given to `record`. */
  learning: unknown;
}

/**
 * What an article taught the alias index, given to `GraphStore.writeArticle` so that it is
 * recorded in the article's own write transaction (as `AliasIndexStore.record` would record it).
 */
export interface ArticleAliasRecord {
  learning: unknown;
  events: AliasEvent[];
}

/** Longest learning JSON one article may record (a guard against a runaway caller, far above real articles). */
export const ALIAS_LEARNING_MAX_CHARS = 2_000_000;

export interface AliasIndexStore {
  /**
   * Replaces what the stored article `articleId` taught the alias index and its events, in one
   * transaction, and moves it to the end of the recording order. `learning` is any JSON object.
   * Resolves to the record's seq. Rejects with an InputError when the article is not stored or
   * an argument is malformed.
   */
  record(articleId: string, learning: unknown, events: AliasEvent[]): Promise<number>;
  /** Records with `seq > afterSeq` (default 0), in seq order, at most `limit` (default 1000, max 10000). */
  learnings(options?: { afterSeq?: number; limit?: number }): Promise<AliasLearningRecord[]>;
  /** The current records of these articles (any order; an article without one is left out). At most 10000 ids. */
  learningsOf(articleIds: string[]): Promise<AliasLearningRecord[]>;
  /** Events about an entity (of the given articles when `articleIds`), newest record first, then kind, alias. Default limit 50. */
  events(entityIds: string[], options?: { articleIds?: string[]; limit?: number }): Promise<StoredAliasEvent[]>;
}
