import { randomUUID } from 'node:crypto';
import {
  InputError,
  curationRequestSchema,
  parseCurationAction,
  type Article,
  type ArticleDocument,
  type CurationEntry,
  type EntityType,
  type Predicate,
} from '@newsgraph/shared';
import type {
  EntityCount,
  EntityDetail,
  EntitySummary,
  EvidenceQuery,
  EvidenceRecord,
  ExportEdge,
  ExportEntity,
  ExportFilter,
  GraphPath,
  GraphStore,
  Neighbor,
  NeighborCounts,
  NeighborQuery,
  PathQuery,
  Publication,
  StoreStats,
  TimelinePoint,
  TopQuery,
  WriteResult,
} from '../interfaces/graph-store.ts';
import type { AliasEvent, AliasIndexStore, ArticleAliasRecord } from '../interfaces/alias-store.ts';
import type { StoreBackend } from '../interfaces/store-backend.ts';
import { aliasEventArgs, aliasLearningArgs, aliasLearningsOfArgs, aliasRecordArgs } from './alias-arguments.ts';
import { planCountChanges, type ArticleContribution } from './count-maintenance.ts';
import { prepareDocument, type PreparedDocument } from './document-preparation.ts';
import { pathPairs, rankPaths } from './path-ranking.ts';
import { checkPublication } from './publication-check.ts';
import { evidenceArgs, exportArgs, neighborArgs, pathArgs, searchArgs, topArgs } from './query-arguments.ts';
import { STORE_LIMITS, checkLimit } from './store-limits.ts';

/** Node sequences a path search enumerates before ranking (the paths limit is at most 100). */
const PATH_CANDIDATES = 1000;

/** Alias-index events shown with an entity (getEntity). */
const ENTITY_ALIAS_EVENTS = 20;

const compareText = (x: string, y: string): number => (x === y ? 0 : x < y ? -1 : 1);

/**
 * Splits documents into write transactions: about `maxRows` rows each, and never the same
 * article twice in one (a repeated article must see the first copy's write).
 */
export function groupForTransactions<T extends { article: { id: string }; entities: unknown[]; mentions: unknown[]; claims: unknown[] }>(docs: T[], maxRows: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let weight = 0;
  let ids = new Set<string>();
  for (const doc of docs) {
    const w = 1 + doc.entities.length + doc.mentions.length + doc.claims.length;
    if (current.length > 0 && (ids.has(doc.article.id) || weight + w > maxRows)) {
      groups.push(current);
      current = [];
      weight = 0;
      ids = new Set();
    }
    current.push(doc);
    weight += w;
    ids.add(doc.article.id);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * The GraphStore every backend gets: argument checks and defaults (one limits table), symmetric
 * normalisation, document preparation, write statuses and count planning, path ranking and
 * publication checks happen here, once; the backend (interfaces/store-backend.ts) reads and
 * writes rows.
 */
export class StoreCore<B extends StoreBackend = StoreBackend> implements GraphStore {
  readonly kind: 'sqlite' | 'neo4j';
  protected readonly backend: B;

  /** The alias index: arguments checked here (alias-arguments.ts), rows kept by the backend. */
  readonly aliases: AliasIndexStore;

  constructor(backend: B) {
    this.backend = backend;
    this.kind = backend.kind;
    this.aliases = {
      record: async (articleId, learning, events) => {
        const args = aliasRecordArgs(articleId, learning, events);
        const seq = await this.backend.recordAliases(args.articleId, args.learning, args.events);
        if (seq === null) throw new InputError(`article ${args.articleId}`, 'is not stored; write the article before what it taught the alias index');
        return seq;
      },
      learnings: async (options = {}) => {
        const { afterSeq, limit } = aliasLearningArgs(options);
        return (await this.backend.aliasLearnings(afterSeq, limit)).map((r) => ({ seq: r.seq, articleId: r.articleId, learning: JSON.parse(r.learning) as unknown }));
      },
      learningsOf: async (articleIds) => {
        const ids = aliasLearningsOfArgs(articleIds);
        if (ids.length === 0) return [];
        return (await this.backend.aliasLearningsOf(ids)).map((r) => ({ seq: r.seq, articleId: r.articleId, learning: JSON.parse(r.learning) as unknown }));
      },
      events: async (entityIds, options = {}) => {
        const args = aliasEventArgs(entityIds, options);
        return args.entityIds.length === 0 ? [] : this.backend.aliasEvents(args.entityIds, args.articleIds, args.limit);
      },
    };
  }

  migrate(): Promise<void> {
    return this.backend.migrate();
  }

  async writeArticle(doc: ArticleDocument, aliasRecord?: ArticleAliasRecord): Promise<WriteResult> {
    const prepared = prepareDocument(doc, undefined, true);
    this.backend.checkDocument?.(prepared);
    const alias = aliasRecord === undefined ? undefined : aliasRecordArgs(prepared.article.id, aliasRecord.learning, aliasRecord.events);
    const [result] = await this.#writeGroup([prepared], false, alias);
    return result!;
  }

  async writeArticles(docs: ArticleDocument[]): Promise<WriteResult[]> {
    if (!Array.isArray(docs)) throw new InputError('docs', 'must be an array of article documents');
    // Every document is checked before anything is written, so a bad one is refused whole.
    const prepared = docs.map((doc, i) => prepareDocument(doc, `docs[${i}]`, true));
    for (const p of prepared) this.backend.checkDocument?.(p);
    const results: WriteResult[] = [];
    for (const group of groupForTransactions(prepared, this.backend.writeGroupRows)) results.push(...(await this.#writeGroup(group, false)));
    return results;
  }

  /**
   * Like writeArticles, but replaces stored articles even when their text is unchanged: what
   * applying a curation action to the articles it touches needs (same text, new document).
   */
  async rewriteArticles(docs: ArticleDocument[]): Promise<WriteResult[]> {
    if (!Array.isArray(docs)) throw new InputError('docs', 'must be an array of article documents');
    const prepared = docs.map((doc, i) => prepareDocument(doc, `docs[${i}]`, true));
    for (const p of prepared) this.backend.checkDocument?.(p);
    const results: WriteResult[] = [];
    for (const group of groupForTransactions(prepared, this.backend.writeGroupRows)) results.push(...(await this.#writeGroup(group, true)));
    return results;
  }

  /**
   * One transaction for documents with distinct ids: statuses, then the count plan, then the
   * backend's write; then, for a single written document, its alias record (the same transaction).
   */
  #writeGroup(docs: PreparedDocument[], force: boolean, alias?: { articleId: string; learning: string; events: AliasEvent[] }): Promise<WriteResult[]> {
    return this.backend.writeTransaction(async (tx) => {
      // Forced: no stored hash equals '', so every stored article's contribution is read and replaced.
      const stored = await tx.readStored(docs.map((d) => ({ articleId: d.article.id, contentHash: force ? '' : d.article.contentHash })));
      const results: WriteResult[] = [];
      const documents: Array<{ doc: PreparedDocument; status: 'inserted' | 'updated' }> = [];
      const removed: ArticleContribution[] = [];
      for (const doc of docs) {
        const old = stored.get(doc.article.id);
        if (!force && old && old.contentHash === doc.article.contentHash) {
          results.push({ articleId: doc.article.id, status: 'unchanged' });
          continue;
        }
        const status = old ? 'updated' : 'inserted';
        results.push({ articleId: doc.article.id, status });
        documents.push({ doc, status });
        if (old) {
          if (!old.contribution) throw new Error(`store backend returned no contribution for the replaced article ${doc.article.id}`);
          removed.push(old.contribution);
        }
      }
      if (documents.length > 0) {
        await tx.apply({ documents, counts: planCountChanges(removed, documents.map((d) => d.doc)) });
        if (alias) {
          const seq = await tx.recordAliases(alias.articleId, alias.learning, alias.events);
          if (seq === null) throw new Error(`store backend did not find the article ${alias.articleId} it has just written`);
          results[0] = { ...results[0]!, aliasSeq: seq };
        }
      }
      return results;
    });
  }

  getArticle(id: string): Promise<Article | null> {
    return this.backend.getArticle(String(id));
  }

  async searchEntities(query: string, options: { types?: EntityType[]; limit?: number } = {}): Promise<EntitySummary[]> {
    const args = searchArgs(query, options);
    return args ? this.backend.searchEntities(args) : [];
  }

  async getEntity(id: string): Promise<EntityDetail | null> {
    const detail = await this.backend.getEntity(String(id));
    if (!detail) return null;
    const events = await this.backend.aliasEvents([detail.id], null, ENTITY_ALIAS_EVENTS);
    return events.length > 0 ? { ...detail, corpusAliases: events } : detail;
  }

  async neighbors(id: string, query: NeighborQuery = {}): Promise<Neighbor[]> {
    const { args, offset } = neighborArgs(id, query);
    const rows = await this.backend.neighbors(args);
    return offset > 0 ? rows.slice(offset) : rows;
  }

  async neighborCounts(id: string, query: Omit<NeighborQuery, 'limit' | 'offset'> = {}): Promise<NeighborCounts> {
    const { args } = neighborArgs(id, query, false);
    // A backend may count the 'out' and 'in' sides of one (type, predicate) separately: one group each.
    const merged = new Map<string, { type: EntityType; predicate: Predicate; count: number }>();
    for (const g of await this.backend.neighborCounts(args)) {
      const key = `${g.type}\u0000${g.predicate}`;
      const seen = merged.get(key);
      if (seen) seen.count += g.count;
      else merged.set(key, { ...g });
    }
    const groups = [...merged.values()]
      .filter((g) => g.count > 0)
      .sort((x, y) => y.count - x.count || compareText(x.type, y.type) || compareText(x.predicate, y.predicate));
    return { total: groups.reduce((sum, g) => sum + g.count, 0), groups };
  }

  async shortestPaths(fromId: string, toId: string, query: PathQuery = {}): Promise<GraphPath[]> {
    const args = pathArgs(query);
    const from = String(fromId);
    const to = String(toId);
    if (from === to) {
      const node = (await this.backend.entitySummaries([from])).get(from);
      return node ? [{ nodes: [node], edges: [] }] : [];
    }
    const { sequences, edges: seen } = await this.backend.pathSequences(from, to, args, PATH_CANDIDATES);
    if (sequences.length === 0) return [];
    // Independent reads: issued together, so a networked backend pays one round trip, not two;
    // none for the edges when the path search already returned them.
    const [edges, summaries] = await Promise.all([
      seen ?? this.backend.edgesBetween(pathPairs(sequences), args.predicates),
      this.backend.entitySummaries([...new Set(sequences.flat())]),
    ]);
    return rankPaths(sequences, edges, summaries, args.limit);
  }

  async evidence(query: EvidenceQuery): Promise<EvidenceRecord[]> {
    const records = await this.backend.evidence(evidenceArgs(query));
    if (records.length === 0) return records;
    // Why a side was read from a short name in that article: the alias index's own events.
    const articleIds = [...new Set(records.map((r) => r.article.id))];
    const entityIds = [...new Set(records.flatMap((r) => [r.subjectId, r.objectId]))];
    const reasons = new Map<string, string>();
    for (const e of await this.backend.aliasEvents(entityIds, articleIds, STORE_LIMITS.aliasEvents.max)) {
      if (e.kind === 'resolved' && !reasons.has(`${e.articleId}\u0000${e.entityId}`)) reasons.set(`${e.articleId}\u0000${e.entityId}`, e.reason);
    }
    if (reasons.size === 0) return records;
    return records.map((r) => {
      const subject = reasons.get(`${r.article.id}\u0000${r.subjectId}`);
      const object = reasons.get(`${r.article.id}\u0000${r.objectId}`);
      if (!subject && !object) return r;
      return { ...r, resolvedBy: { ...(subject ? { subject } : {}), ...(object ? { object } : {}) } };
    });
  }

  topEntities(query: TopQuery = {}): Promise<EntityCount[]> {
    return this.backend.topEntities(topArgs(query));
  }

  coMentioned(id: string, options: { limit?: number } = {}): Promise<EntityCount[]> {
    return this.backend.coMentioned(String(id), checkLimit(options.limit, 'coMentioned'));
  }

  timeline(id: string): Promise<TimelinePoint[]> {
    return this.backend.timeline(String(id));
  }

  stats(): Promise<StoreStats> {
    return this.backend.stats();
  }

  async addPublication(articleId: string, publication: Publication): Promise<void> {
    const checked = checkPublication(articleId, publication);
    if (!(await this.backend.addPublication(articleId, checked.publication, checked.sortDate))) {
      throw new InputError(`article ${articleId}`, 'is not stored; cannot add a publication to it');
    }
  }

  listPublications(articleId: string): Promise<Publication[]> {
    return this.backend.listPublications(String(articleId));
  }

  // Generators, so that a bad filter rejects the iteration like any other read error.
  async *exportEntities(filter: ExportFilter = {}): AsyncIterable<ExportEntity> {
    yield* this.backend.exportEntities(exportArgs(filter));
  }

  async *exportEdges(filter: ExportFilter = {}): AsyncIterable<ExportEdge> {
    yield* this.backend.exportEdges(exportArgs(filter));
  }

  // ---------------------------------------------------------------- curation

  curationLog(): Promise<CurationEntry[]> {
    return this.backend.curationLog();
  }

  curationRevision(): Promise<string> {
    return this.backend.curationRevision();
  }

  /** Validates and appends an action to the log. Applying it to stored articles is the caller's (ingest's Curator). */
  async recordCuration(input: { action: unknown; author: unknown; reason?: unknown }): Promise<CurationEntry> {
    const request = curationRequestSchema.safeParse(input);
    if (!request.success) {
      const issue = request.error.issues[0]!;
      throw new InputError(issue.path.length > 0 ? String(issue.path.join('.')) : 'curation request', issue.message);
    }
    const action = parseCurationAction(request.data.action);
    return this.backend.appendCuration({
      id: `cur_${randomUUID()}`,
      at: new Date().toISOString(),
      author: request.data.author,
      reason: request.data.reason,
      action,
      undoneAt: null,
      undoneBy: null,
      undoReason: null,
    });
  }

  async undoCuration(id: string, input: { author: unknown; reason?: unknown }): Promise<CurationEntry> {
    const request = curationRequestSchema.omit({ action: true }).safeParse(input);
    if (!request.success) {
      const issue = request.error.issues[0]!;
      throw new InputError(issue.path.length > 0 ? String(issue.path.join('.')) : 'undo request', issue.message);
    }
    const undone = await this.backend.markCurationUndone(String(id), new Date().toISOString(), request.data.author, request.data.reason);
    if (!undone) throw new InputError(`curation entry ${String(id)}`, 'is not in the log or was undone already');
    return undone;
  }

  /** Stored articles that mention any of the entities; more than `limit` is an error, not a truncation. */
  async articlesMentioning(entityIds: string[], options: { limit?: number } = {}): Promise<string[]> {
    const limit = checkLimit(options.limit, 'curationArticles');
    const ids = [...new Set(entityIds.map(String))];
    if (ids.length === 0) return [];
    const found = await this.backend.articleIdsMentioning(ids, limit + 1);
    if (found.length > limit) throw new InputError(`entities ${ids.join(', ')}`, `are mentioned in more than ${limit} articles; one curation action rewrites at most that many`);
    return found;
  }

  async setEntityNames(id: string, name: string, aliases: string[]): Promise<boolean> {
    const trimmed = String(name).trim();
    if (trimmed === '') throw new InputError('name', 'must not be empty');
    const rest = [...new Set(aliases.map((a) => String(a).trim()))].filter((a) => a !== '' && a !== trimmed);
    return this.backend.setEntityNames(String(id), trimmed, rest);
  }

  close(): Promise<void> {
    return this.backend.close();
  }
}
