import type { Article, EntityType, Predicate } from '@newsgraph/shared';
import type { AliasEvent, AliasLearningRecord, StoredAliasEvent } from './alias-store.ts';
import type { CurationBackend } from './curation-backend.ts';
import type { ArticleContribution, CountChanges } from '../core/count-maintenance.ts';
import type { PreparedDocument } from '../core/document-preparation.ts';
import type { EvidenceArgs, ExportArgs, NeighborArgs, PathArgs, SearchArgs, TopArgs } from '../core/query-arguments.ts';
import type {
  EntityCount,
  EntityDetail,
  EntitySummary,
  EvidenceRecord,
  ExportEdge,
  ExportEntity,
  Neighbor,
  PathEdge,
  Publication,
  StoreStats,
  TimelinePoint,
} from './graph-store.ts';

/** The answer of StoreBackend.pathSequences. */
export interface PathCandidates {
  sequences: string[][];
  /** Every edge (of the wanted predicates) joining a consecutive pair of `sequences`, or null: not known. */
  edges: PathEdge[] | null;
}

/**
 * What a storage engine implements so that the store core (core/store-core.ts) can offer the
 * whole GraphStore on it, in the spirit of bullmq's IQueueBackend: the core checks arguments,
 * applies defaults and limits, normalises symmetric predicates, prepares documents, decides
 * statuses, plans count changes and ranks paths; a backend only reads and writes rows. Every
 * argument a backend receives is already valid (see core/query-arguments.ts).
 */
/** What a storage engine keeps of the alias index (interfaces/alias-store.ts); arguments are checked by the core. */
export interface AliasBackend {
  /** Replaces the article's learning (JSON text) and events in one write transaction: the new seq, or null when the article is not stored. */
  recordAliases(articleId: string, learning: string, events: AliasEvent[]): Promise<number | null>;
  /** Learning records with seq > afterSeq in seq order, `learning` still JSON text. */
  aliasLearnings(afterSeq: number, limit: number): Promise<Array<Omit<AliasLearningRecord, 'learning'> & { learning: string }>>;
  /** The records of these articles, `learning` still JSON text. */
  aliasLearningsOf(articleIds: string[]): Promise<Array<Omit<AliasLearningRecord, 'learning'> & { learning: string }>>;
  /** Events about the entities (of `articleIds` when not null), seq desc, kind, alias, entityId. */
  aliasEvents(entityIds: string[], articleIds: string[] | null, limit: number): Promise<StoredAliasEvent[]>;
}

export interface StoreBackend extends CurationBackend, AliasBackend {
  readonly kind: 'sqlite' | 'neo4j';
  /** Most rows (articles + entities + mentions + claims) the core puts into one write transaction. */
  readonly writeGroupRows: number;
  /** Backend-specific limits on one document (e.g. rows per article), checked before anything of the call is written. */
  checkDocument?(doc: PreparedDocument): void;
  migrate(): Promise<void>;
  /**
   * Runs `work` in one write transaction (committed when it resolves, rolled back when it
   * throws). It may be run again from the start on a transient error, so it keeps no state
   * outside itself.
   */
  writeTransaction<T>(work: (tx: StoreWriteTransaction) => Promise<T>): Promise<T>;
  getArticle(id: string): Promise<Article | null>;
  searchEntities(args: SearchArgs): Promise<EntitySummary[]>;
  getEntity(id: string): Promise<EntityDetail | null>;
  /**
   * The first `args.limit` neighbour entries in GraphStore order, over the edges of
   * `args.predicates` (none when it is an empty list) and, when `args.reportedBy`, the REPORTED_BY
   * entries derived from articles.
   */
  neighbors(args: NeighborArgs): Promise<Neighbor[]>;
  /** Entry counts of `neighbors(args)` without a limit, per (neighbour type, predicate), any order. */
  neighborCounts(args: NeighborArgs): Promise<Array<{ type: EntityType; predicate: Predicate; count: number }>>;
  /**
   * Node id sequences of shortest paths (at most `candidates`), [] when there is none or an end
   * is unknown; with `edges` when the search itself saw every edge joining consecutive nodes of
   * the sequences (then the core does not call edgesBetween), else null.
   */
  pathSequences(fromId: string, toId: string, args: PathArgs, candidates: number): Promise<PathCandidates>;
  /** Every edge (of `predicates`, null: any) joining a pair, in either direction. */
  edgesBetween(pairs: Array<[string, string]>, predicates: Predicate[] | null): Promise<PathEdge[]>;
  entitySummaries(ids: string[]): Promise<Map<string, EntitySummary>>;
  evidence(args: EvidenceArgs): Promise<EvidenceRecord[]>;
  topEntities(args: TopArgs): Promise<EntityCount[]>;
  coMentioned(id: string, limit: number): Promise<EntityCount[]>;
  timeline(id: string): Promise<TimelinePoint[]>;
  stats(): Promise<StoreStats>;
  /** Upserts the publication; false when the article is not stored. */
  addPublication(articleId: string, publication: Publication, sortDate: string): Promise<boolean>;
  listPublications(articleId: string): Promise<Publication[]>;
  exportEntities(args: ExportArgs): AsyncIterable<ExportEntity>;
  exportEdges(args: ExportArgs): AsyncIterable<ExportEdge>;
  close(): Promise<void>;
}

/** An article as stored, as far as a write needs it. */
export interface StoredArticleState {
  contentHash: string;
  /** What the stored version adds to the aggregates; only read for articles that will be replaced. */
  contribution: ArticleContribution | null;
}

/** What one write transaction writes: the core's decisions, for the backend to carry out. */
export interface WritePlan {
  /** New or changed documents (distinct article ids, in input order). */
  documents: Array<{ doc: PreparedDocument; status: 'inserted' | 'updated' }>;
  /** Count changes over all of them: stored versions' contributions out, new ones in. */
  counts: CountChanges;
}

export interface StoreWriteTransaction {
  /**
   * Locks the articles and returns what is stored of them (absent: not stored).
   * `wanted` gives the incoming content hashes: a backend reads the contribution only of
   * articles stored with a different hash.
   */
  readStored(wanted: Array<{ articleId: string; contentHash: string }>): Promise<Map<string, StoredArticleState>>;
  /**
   * Replaces the changed articles' own rows (mentions, claims, REPORTED_BY links), upserts
   * entities (name and type as first written, aliases and attributes merged), applies `counts`
   * exactly (deleting edges and entities left with no article) and writes the articles.
   */
  apply(plan: WritePlan): Promise<void>;
  /**
   * AliasBackend.recordAliases inside this transaction (after `apply`): the article's write and
   * what it taught the alias index commit together (docs/crawler.md, "Atomic article records").
   */
  recordAliases(articleId: string, learning: string, events: AliasEvent[]): Promise<number | null>;
}
