import type { Antecedent, Article, ArticleDocument, CurationEntry, Entity, EntityType, Modality, Predicate } from '@newsgraph/shared';
import type { AliasIndexStore, ArticleAliasRecord, StoredAliasEvent } from './alias-store.ts';
import type { ListStore } from './list-store.ts';

/**
 * The one interface every store implements (SQLite embedded, Neo4j production). Both must give
 * the same answers to the same calls: a contract suite checks them side by side.
 *
 * Counting rules shared by all implementations:
 * - an edge is (subjectId, predicate, objectId); symmetric predicates (MET_WITH, TRADES_WITH) are
 *   stored with subjectId < objectId;
 * - `articleCount` is the number of distinct articles with at least one claim for that edge;
 *   `claimCount` the number of claims. Only claims of an edge modality (EDGE_MODALITIES:
 *   asserted, planned; absent = asserted) count, here and in neighbours, paths, top entities and
 *   exports; negated and hypothetical claims are kept and returned by `evidence` only.
 * - REPORTED_BY links an article to the entity that reported it (`ArticleDocument.reportedBy`),
 *   not two entities. As a neighbour predicate it is derived from the articles: an entity is
 *   REPORTED_BY ('out') each outlet of the articles listing it, counted per article; the outlet
 *   sees those entities 'in'. It is only returned when asked for by `predicates`.
 * - Defaults and bounds of every limit are in one table (core/store-limits.ts).
 *
 * Further rules the contract suite (packages/graph/test/store-contract.ts) checks on every store:
 * - An entity's `articleCount` is the number of stored articles whose document lists it (in
 *   `doc.entities`); `mentionCount` the number of its mentions.
 * - Entity upsert: id, type and name stay as first written; a different incoming name becomes an
 *   alias; aliases are a union in first-seen order (never containing the name); attributes merge
 *   key by key, later writes winning. An entity that no stored article lists any more (after the
 *   articles naming it changed) is deleted.
 * - Dates compared and returned by the store (`firstSeen`, `lastSeen`, since/until) are UTC ISO
 *   instants with milliseconds (`toUtcInstant` in store-dates.ts); an article counts at
 *   `publishedAt`, else `fetchedAt`. `since`/`until` are inclusive; a date-only `until` covers
 *   that whole UTC day. Article and publication fields are returned exactly as written.
 * - Name order means binary string order (by code point); ties always fall back to id.
 * - Invalid arguments (limit not a whole number in range, maxHops outside 1..6, bad dates) throw
 *   InputError; unknown ids give empty results (or null), never an error.
 */

export type WriteStatus = 'inserted' | 'updated' | 'unchanged';

export interface WriteResult {
  articleId: string;
  status: WriteStatus;
  /** The seq of the alias learning record written with the article (writeArticle's `aliasRecord`; not when unchanged). */
  aliasSeq?: number;
}

export interface EntitySummary {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  /** Number of distinct articles mentioning it. */
  articleCount: number;
}

export interface EntityDetail extends Entity {
  articleCount: number;
  mentionCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
  /**
   * What the cross-document alias index did with this entity, newest first (at most 20): short
   * names resolved to it from other articles, and aliases that later became ambiguous. Absent
   * when there is nothing.
   */
  corpusAliases?: StoredAliasEvent[];
}

export type Direction = 'out' | 'in' | 'both';

export interface NeighborQuery {
  predicates?: Predicate[];
  types?: EntityType[];
  direction?: Direction;
  /** ISO dates bounding the articles' published (else fetched) time. */
  since?: string;
  until?: string;
  limit?: number;
  /** Entries to skip before the first returned (paging; default 0, at most 100 000). */
  offset?: number;
}

/** How many neighbour entries (edge, direction) an entity has, per neighbour type and predicate. */
export interface NeighborCounts {
  /** Number of entries `neighbors` would return without limit and offset. */
  total: number;
  /** Ordered by count desc, type, predicate. */
  groups: Array<{ type: EntityType; predicate: Predicate; count: number }>;
}

export interface Neighbor {
  entity: EntitySummary;
  predicate: Predicate;
  /** 'out': the queried entity is the subject; 'in': it is the object. */
  direction: 'out' | 'in';
  articleCount: number;
  claimCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface PathEdge {
  subjectId: string;
  predicate: Predicate;
  objectId: string;
  articleCount: number;
}

export interface GraphPath {
  /** Entities in order from `from` to `to`. */
  nodes: EntitySummary[];
  /** edges[i] joins nodes[i] and nodes[i+1], in either direction. */
  edges: PathEdge[];
}

export interface PathQuery {
  maxHops?: number;
  limit?: number;
  /** Only edges of these predicates (default: all). */
  predicates?: Predicate[];
  /** Never edges of these predicates (applied after `predicates`). */
  excludePredicates?: Predicate[];
}

export interface ArticleRef {
  id: string;
  url: string;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  /** The entity the article is REPORTED_BY (the first of `ArticleDocument.reportedBy`), if any. */
  outletEntity: { id: string; name: string } | null;
}

export interface EvidenceRecord {
  subjectId: string;
  predicate: Predicate;
  objectId: string;
  sentence: string;
  start: number;
  end: number;
  rule: string;
  confidence: number;
  /** How the sentence states the claim; only asserted and planned claims count as edges. */
  modality: Modality;
  /** The earlier sentence naming the subject or object, when the claim's sentence does not. */
  antecedent: Antecedent | null;
  article: ArticleRef;
  /** Why the subject or object was read from a short name in this article (alias index); absent when neither was. */
  resolvedBy?: { subject?: string; object?: string };
}

export interface EvidenceQuery {
  subjectId: string;
  /** Omitted: every predicate between the two. */
  predicate?: Predicate;
  objectId: string;
  /** Only claims of these modalities (default: all four). */
  modalities?: Modality[];
  limit?: number;
}

export interface EntityCount {
  entity: EntitySummary;
  count: number;
}

export interface TopQuery {
  types?: EntityType[];
  since?: string;
  limit?: number;
}

export interface TimelinePoint {
  /** YYYY-MM-DD */
  date: string;
  articleCount: number;
}

export interface StoreStats {
  articles: number;
  entities: number;
  mentions: number;
  claims: number;
  edges: number;
}

/** Restricts an export: articles published (else fetched) on or after `since`; entity types. */
export interface ExportFilter {
  since?: string;
  types?: EntityType[];
}

export interface ExportEntity extends Entity {
  articleCount: number;
  mentionCount: number;
}

/** One aggregated edge between two entities, as traversed and exported. */
export interface ExportEdge {
  subjectId: string;
  predicate: Predicate;
  objectId: string;
  articleCount: number;
  claimCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

/** Another outlet's copy of a story already stored (a near-duplicate); its claims are not counted again. */
export interface Publication {
  url: string;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  fetchedAt: string;
}

export interface GraphStore {
  readonly kind: 'sqlite' | 'neo4j';
  /**
   * Sanctions and watch lists, and LISTED_AS links from entities (see list-store.ts). Both
   * stores have it; optional so that test doubles of the graph need not (`storeLists` throws a
   * clear error for a store without).
   */
  readonly lists?: ListStore;
  /**
   * The cross-document alias index (alias-store.ts). Both stores have it; optional so that test
   * doubles of the graph need not (ingest then keeps an index for the run only).
   */
  readonly aliases?: AliasIndexStore;
  /** Creates or upgrades the schema; idempotent. */
  migrate(): Promise<void>;
  /**
   * Writes one article with its entities, mentions and claims in one transaction.
   * Same content hash as stored: nothing changes ('unchanged'). Changed: the article's own
   * mentions and claims are replaced, nothing else ('updated').
   * `aliasRecord`: what the article taught the alias index, recorded in that same transaction
   * when the article is written (as `aliases.record` would, its seq in `aliasSeq`), so that no
   * crash leaves the article stored without it. Checked before anything is written; a store
   * without `aliases` ignores it.
   */
  writeArticle(doc: ArticleDocument, aliasRecord?: ArticleAliasRecord): Promise<WriteResult>;
  /**
   * Many articles; implementations may batch. Results are in input order; a later document with
   * the same article id is written after (and compared with) an earlier one. A document that
   * fails validation makes the call reject with an error naming it, and it is never partly
   * written (the SQLite store then writes none of the call's documents).
   */
  writeArticles(docs: ArticleDocument[]): Promise<WriteResult[]>;
  getArticle(id: string): Promise<Article | null>;
  /**
   * Case- and accent-insensitive prefix match on the name, an alias, or a word inside either
   * ("yellen" finds "Janet Yellen"; see search-keys.ts). Exact name/alias matches first, then by
   * articleCount desc, name, id. Default limit 20. A blank query gives [].
   */
  searchEntities(query: string, options?: { types?: EntityType[]; limit?: number }): Promise<EntitySummary[]>;
  getEntity(id: string): Promise<EntityDetail | null>;
  /**
   * One entry per (edge, direction) touching `id`. With since/until, counts and first/last seen
   * cover only articles in the window and edges without any are left out. Symmetric predicates
   * pass every direction filter (reported 'out' when `id` is the stored subject). Ordered by
   * articleCount desc, neighbour name, neighbour id, predicate, direction ('in' before 'out').
   * Default limit 50.
   */
  neighbors(id: string, query?: NeighborQuery): Promise<Neighbor[]>;
  /** The size of `neighbors(id, query)` without limit/offset, grouped by neighbour type and predicate (for paging and facets). */
  neighborCounts(id: string, query?: Omit<NeighborQuery, 'limit' | 'offset'>): Promise<NeighborCounts>;
  /**
   * Shortest paths over edges taken in either direction, at most maxHops (default 4, 1..6) edges;
   * one path per distinct node sequence, up to `limit` (default 5). Each hop shows the strongest
   * edge between its two nodes (articleCount desc, predicate, subjectId). Paths are ordered by the
   * sum of their edges' articleCount desc, then by node ids. from === to gives one path of one
   * node. Stores may cap the work on hub-heavy graphs and then return fewer (or no) paths.
   */
  shortestPaths(fromId: string, toId: string, query?: PathQuery): Promise<GraphPath[]>;
  /**
   * Claims behind an edge, of every modality unless `modalities` narrows it. With a predicate: that predicate from subject to object (either way
   * round for symmetric predicates, whose records carry the stored order subjectId < objectId).
   * Without: every claim between the two entities, in both directions. Ordered by article date
   * (published, else fetched) desc, article id, sentence start, predicate, subjectId, rule.
   * Default limit 100.
   */
  evidence(query: EvidenceQuery): Promise<EvidenceRecord[]>;
  /** Entities by distinct articles (within `since` when given) desc, then name, id. Default limit 20. */
  topEntities(query?: TopQuery): Promise<EntityCount[]>;
  /** Other entities listed in the same articles, by shared-article count desc, name, id. Default limit 20. */
  coMentioned(id: string, options?: { limit?: number }): Promise<EntityCount[]>;
  /** Articles listing the entity per UTC day of their date, oldest day first. */
  timeline(id: string): Promise<TimelinePoint[]>;
  stats(): Promise<StoreStats>;
  /** Records `publication` as a republication of the stored article `articleId`; idempotent per URL. */
  addPublication(articleId: string, publication: Publication): Promise<void>;
  /** Ordered by publishedAt (else fetchedAt), then url. */
  listPublications(articleId: string): Promise<Publication[]>;
  /**
   * Streams entities (ordered by id) for exports; memory stays flat on large graphs. With `since`,
   * only entities listed by articles in the window, with counts over those articles.
   */
  exportEntities(filter?: ExportFilter): AsyncIterable<ExportEntity>;
  /**
   * Streams aggregated edges (ordered by subject, predicate, object) whose both ends pass the filter.
   * With `since`, only edges claimed in the window, with counts and dates over those articles.
   */
  exportEdges(filter?: ExportFilter): AsyncIterable<ExportEdge>;
  /**
   * Curation (see @newsgraph/shared curation.ts): the log, appending to it and undoing, and what
   * applying it to stored articles needs. Recording an action does not apply it: ingest's Curator
   * does, by rewriting the articles it touches through `applyCuration`.
   */
  curationLog(): Promise<CurationEntry[]>;
  curationRevision(): Promise<string>;
  recordCuration(input: { action: unknown; author: unknown; reason?: unknown }): Promise<CurationEntry>;
  undoCuration(id: string, input: { author: unknown; reason?: unknown }): Promise<CurationEntry>;
  articlesMentioning(entityIds: string[], options?: { limit?: number }): Promise<string[]>;
  /** Replaces stored articles with these documents even when the text is unchanged. */
  rewriteArticles(docs: ArticleDocument[]): Promise<WriteResult[]>;
  /** Sets an entity's name and aliases (curation: rename, undo of a merge); false when it is unknown. */
  setEntityNames(id: string, name: string, aliases: string[]): Promise<boolean>;
  close(): Promise<void>;
}
