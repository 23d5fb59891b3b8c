import type { Article, ArticleDocument, Entity, EntityType, Predicate } from '@newsgraph/shared';

/**
 * The one interface every store implements (SQLite embedded, Neo4j production). Both must give
 * the same answers to the same calls: a contract suite checks them side by side.
 *
 * Counting rules shared by all implementations:
 * - an edge is (subjectId, predicate, objectId); symmetric predicates (MET_WITH, TRADES_WITH) are
 *   stored with subjectId < objectId;
 * - `articleCount` is the number of distinct articles with at least one claim for that edge;
 *   `claimCount` the number of claims.
 */

export type WriteStatus = 'inserted' | 'updated' | 'unchanged';

export interface WriteResult {
  articleId: string;
  status: WriteStatus;
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
  predicates?: Predicate[];
}

export interface ArticleRef {
  id: string;
  url: string;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
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
  article: ArticleRef;
}

export interface EvidenceQuery {
  subjectId: string;
  /** Omitted: every predicate between the two. */
  predicate?: Predicate;
  objectId: string;
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
  /** Creates or upgrades the schema; idempotent. */
  migrate(): Promise<void>;
  /**
   * Writes one article with its entities, mentions and claims in one transaction.
   * Same content hash as stored: nothing changes ('unchanged'). Changed: the article's own
   * mentions and claims are replaced, nothing else ('updated').
   */
  writeArticle(doc: ArticleDocument): Promise<WriteResult>;
  /** Many articles; implementations may batch. Results are in input order. */
  writeArticles(docs: ArticleDocument[]): Promise<WriteResult[]>;
  getArticle(id: string): Promise<Article | null>;
  searchEntities(query: string, options?: { types?: EntityType[]; limit?: number }): Promise<EntitySummary[]>;
  getEntity(id: string): Promise<EntityDetail | null>;
  neighbors(id: string, query?: NeighborQuery): Promise<Neighbor[]>;
  shortestPaths(fromId: string, toId: string, query?: PathQuery): Promise<GraphPath[]>;
  evidence(query: EvidenceQuery): Promise<EvidenceRecord[]>;
  topEntities(query?: TopQuery): Promise<EntityCount[]>;
  coMentioned(id: string, options?: { limit?: number }): Promise<EntityCount[]>;
  timeline(id: string): Promise<TimelinePoint[]>;
  stats(): Promise<StoreStats>;
  /** Records `publication` as a republication of the stored article `articleId`; idempotent per URL. */
  addPublication(articleId: string, publication: Publication): Promise<void>;
  listPublications(articleId: string): Promise<Publication[]>;
  /** Streams entities (ordered by id) for exports; memory stays flat on large graphs. */
  exportEntities(filter?: ExportFilter): AsyncIterable<ExportEntity>;
  /** Streams aggregated edges (ordered by subject, predicate, object) whose both ends pass the filter. */
  exportEdges(filter?: ExportFilter): AsyncIterable<ExportEdge>;
  close(): Promise<void>;
}
