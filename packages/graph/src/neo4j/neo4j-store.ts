import neo4j from 'neo4j-driver';
import { ConfigError, InputError, NEO4J_TIMEOUT_DEFAULTS, isEntityType, isPredicate, type Article, type ArticleDocument, type EntityType, type NewsgraphConfig, type Predicate } from '@newsgraph/shared';
import type {
  PathEdge,
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
  NeighborQuery,
  PathQuery,
  Publication,
  StoreStats,
  TimelinePoint,
  WriteResult,
} from '../interfaces/graph-store.ts';
import { chunk, type CypherStatement } from '../cypher/cypher-statement.ts';
import { createDialect, parseServerVersion, SCHEMA_ITEMS, READ_CONSTRAINTS_35, READ_INDEXES_35, READ_SERVER_VERSION, type ExistingSchema35, type Neo4jDialect } from '../cypher/neo4j-dialect.ts';
import {
  articleRow,
  addPublicationStatement,
  createClaimsStatement,
  createMentionsStatement,
  createNameKeysStatement,
  deleteArticleContentsStatement,
  deleteOrphanEntitiesStatement,
  incrementEdgesStatement,
  incrementEntityStatsStatement,
  lockArticlesStatement,
  lockEntitiesStatement,
  readArticleClaimKeysStatement,
  readArticleHashesStatement,
  readArticleMentionedIdsStatement,
  recomputeEdgesStatement,
  recomputeEntityStatsStatement,
  upsertArticlesStatement,
  upsertEntitiesStatement,
  type EdgeKey,
  type EntityRow,
} from '../cypher/write-statements.ts';
import {
  checkLimit,
  coMentionedStatement,
  edgesBetweenStatement,
  entitySummariesStatement,
  evidenceStatement,
  exportEdgesPageStatement,
  exportEntitiesPageStatement,
  getArticleStatement,
  getEntityStatement,
  listPublicationsStatement,
  neighborsStatement,
  searchEntitiesStatement,
  shortestPathsStatement,
  statsStatements,
  timelineStatement,
  topEntitiesStatement,
} from '../cypher/query-statements.ts';
import type { DriverLike, ManagedTransactionLike, SessionLike } from './interfaces/neo4j-driver-like.ts';
import type { MigrationReport } from './migration-report.ts';
import { connectionError, Neo4jConnectionError, redactUri, type ConnectionTarget } from './neo4j-errors.ts';
import { runManagedTransaction, type TransactionPolicy } from './neo4j-transactions.ts';
import { asNumber, asString, asStringArray, recordToObject, toNeo4jParams } from './neo4j-values.ts';
import {
  claimRows,
  edgeDeltasByPredicate,
  edgeKeyString,
  edgeKeysByPredicate,
  entityStatsDeltas,
  groupForTransactions,
  mentionRows,
  mergeEntities,
  parseAttributes,
  sortedUnique,
  type StoredEntity,
} from './neo4j-article-batch.ts';
import { prepareDocument, type PreparedDocument } from '../sqlite/document-validation.ts';
import { toUtcInstant } from '../store-dates.ts';

export interface Neo4jStoreOptions {
  /** Database name; omitted: the server's default (and the only choice on Neo4j 3.5). */
  database?: string;
  /** Rows per UNWIND statement and the size of export pages. */
  batchSize?: number;
  dialect: Neo4jDialect;
  /** Called once by close(): releases the shared driver. */
  release?: () => Promise<void>;
  /** Timeouts and retry limit (default NEO4J_TIMEOUT_DEFAULTS), and the server named in errors. */
  policy?: TransactionPolicy;
  target?: ConnectionTarget;
}

export interface ConnectOptions {
  /** Creates the driver; tests pass a fake. Default: neo4j-driver with numbers instead of Integers. */
  createDriver?: (uri: string, user: string, password: string, policy: TransactionPolicy) => DriverLike;
}

type Row = Record<string, unknown>;

/**
 * One driver per process and connection target, shared by every store opened on it: a driver
 * owns a connection pool, and opening one per store or per query wastes sockets and handshakes.
 */
const drivers = new Map<string, { driver: DriverLike; refs: number }>();

function defaultCreateDriver(uri: string, user: string, password: string, policy: TransactionPolicy): DriverLike {
  return neo4j.driver(uri, neo4j.auth.basic(user, password), {
    // Counts and offsets come back as JS numbers; the store never hands out Integer objects.
    disableLosslessIntegers: true,
    userAgent: 'newsgraph/0.1',
    // Fail fast: a dead server costs seconds per call, not the driver's default 30 s retry and
    // 60 s connection wait (NEO4J_MAX_RETRY_MS, NEO4J_CONNECT_TIMEOUT_MS).
    maxTransactionRetryTime: policy.maxRetryMs,
    connectionTimeout: policy.connectTimeoutMs,
    connectionAcquisitionTimeout: 2 * policy.connectTimeoutMs,
  });
}

/**
 * The production GraphStore on Neo4j. Model (see docs/graph-model.md):
 * `(:Entity:<Type>)`, `(:Article)-[:MENTIONS]->(:Entity)`, `(:Article)-[:HAS_CLAIM]->(:Claim)-[:SUBJECT|OBJECT]->(:Entity)`,
 * and one aggregated relationship per predicate between entities, recomputed from the claims
 * whenever an article changes.
 */
export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  readonly dialect: Neo4jDialect;
  readonly batchSize: number;
  readonly #driver: DriverLike;
  readonly #database: string | undefined;
  readonly #release: (() => Promise<void>) | undefined;
  readonly #policy: TransactionPolicy;
  readonly #target: ConnectionTarget;
  #closed = false;

  constructor(driver: DriverLike, options: Neo4jStoreOptions) {
    this.#driver = driver;
    this.#database = options.database;
    this.batchSize = options.batchSize ?? 1000;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) throw new ConfigError('NEO4J_BATCH_SIZE', `must be a positive integer, got ${this.batchSize}`);
    this.dialect = options.dialect;
    this.#release = options.release;
    this.#policy = options.policy ?? { ...NEO4J_TIMEOUT_DEFAULTS };
    this.#target = options.target ?? { uri: 'neo4j', user: 'neo4j', database: options.database };
  }

  /**
   * Connects with the configured URI and credentials, verifies connectivity and reads the server
   * version. Every failure is a Neo4jConnectionError (or ConfigError) saying what is wrong.
   */
  static async connect(config: NewsgraphConfig, options: ConnectOptions = {}): Promise<Neo4jStore> {
    const { uri, user, password, database, batchSize, txTimeoutMs, maxRetryMs, connectTimeoutMs } = config.neo4j;
    const policy: TransactionPolicy = { txTimeoutMs, maxRetryMs, connectTimeoutMs };
    if (!uri) throw new ConfigError('NEO4J_URI', 'is not set (it selects the Neo4j store)');
    const target = { uri, user, database };
    const key = `${uri}\u0000${user}\u0000${password}\u0000${maxRetryMs}\u0000${connectTimeoutMs}`;
    let entry = drivers.get(key);
    if (!entry) {
      let driver: DriverLike;
      try {
        driver = (options.createDriver ?? defaultCreateDriver)(uri, user, password, policy);
      } catch (error) {
        throw connectionError(error, target);
      }
      entry = { driver, refs: 0 };
      drivers.set(key, entry);
    }
    entry.refs++;
    const shared = entry;
    let released = false;
    const release = async () => {
      if (released) return;
      released = true;
      shared.refs--;
      if (shared.refs === 0) {
        drivers.delete(key);
        await shared.driver.close();
      }
    };
    try {
      await shared.driver.verifyConnectivity(database ? { database } : {});
      const version = await readServerVersion(shared.driver, database);
      let dialect: Neo4jDialect;
      try {
        dialect = createDialect(parseServerVersion(version));
      } catch (error) {
        throw new Neo4jConnectionError(`Neo4j at ${redactUri(uri)}: ${(error as Error).message}`, { cause: error });
      }
      return new Neo4jStore(shared.driver, { database, batchSize, dialect, release, policy, target });
    } catch (error) {
      await release().catch(() => undefined);
      if (error instanceof Neo4jConnectionError) throw error;
      throw connectionError(error, target);
    }
  }

  // ---------------------------------------------------------------- plumbing

  #session(mode: 'READ' | 'WRITE'): SessionLike {
    if (this.#closed) throw new Error('Neo4jStore is closed');
    return this.#driver.session(this.#database ? { database: this.#database, defaultAccessMode: mode } : { defaultAccessMode: mode });
  }

  /** Runs `work` in a managed write transaction: the driver retries it on transient errors (deadlocks, leader switches). */
  async #write<T>(work: (tx: ManagedTransactionLike) => Promise<T>): Promise<T> {
    return runManagedTransaction(() => this.#session('WRITE'), 'WRITE', work, { policy: this.#policy, target: this.#target });
  }

  async #readTx<T>(work: (tx: ManagedTransactionLike) => Promise<T>, timeoutMs?: number): Promise<T> {
    return runManagedTransaction(() => this.#session('READ'), 'READ', work, { policy: this.#policy, target: this.#target, timeoutMs });
  }

  async #read(statement: CypherStatement): Promise<Row[]> {
    return this.#readTx((tx) => run(tx, statement));
  }

  /**
   * Runs a researcher's query in a READ transaction and returns columns and converted rows.
   * Whole numbers in `params` go as Neo4j Integers (`LIMIT $n` refuses floats). Callers check
   * the text first (`runReadOnlyCypher` does); this only sends it.
   */
  async runRead(cypher: string, params: Record<string, unknown>, options: { timeoutMs?: number } = {}): Promise<{ columns: string[]; rows: Row[] }> {
    const neo4jParams = toNeo4jParams(params) as Record<string, unknown>;
    return this.#readTx(async (tx) => {
      const result = await tx.run(cypher, neo4jParams);
      const columns = result.records[0] ? result.records[0].keys.map(String) : [];
      return { columns, rows: result.records.map(recordToObject) };
    }, options.timeoutMs);
  }

  // ---------------------------------------------------------------- schema

  async migrate(): Promise<void> {
    await this.migrateSchema();
  }

  /** Creates the constraints and indexes this server version needs; idempotent. */
  async migrateSchema(): Promise<MigrationReport> {
    let existing: ExistingSchema35 | undefined;
    if (this.dialect.needsExistingSchema) {
      existing = await this.#readTx(async (tx) => {
        const constraints = await run(tx, { cypher: READ_CONSTRAINTS_35, params: {} });
        const indexes = await run(tx, { cypher: READ_INDEXES_35, params: {} });
        return {
          constraints: constraints.map((r) => String(r.description ?? '')),
          indexes: indexes.map((r) => ({
            description: asString(r.description),
            indexName: asString(r.indexName),
            tokenNames: asStringArray(r.tokenNames),
            properties: asStringArray(r.properties),
            type: asString(r.type),
          })),
        };
      });
    }
    const statements = this.dialect.schemaStatements(existing);
    const report: MigrationReport = { server: this.dialect.version.raw, dialect: this.dialect.family, statements: [], existing: [] };
    const planned = new Set(statements.map((s) => s.item.name));
    if (existing) {
      report.existing = SCHEMA_ITEMS.filter((i) => !planned.has(i.name)).map((i) => i.name);
    }
    // Schema changes cannot share a transaction with each other's data on some versions: one each.
    for (const s of statements) {
      const counters = await this.#write(async (tx) => {
        const result = await tx.run(s.cypher, s.params);
        return result.summary?.counters?.updates();
      });
      const added = counters ? (counters.constraintsAdded ?? 0) + (counters.indexesAdded ?? 0) > 0 : null;
      report.statements.push({ name: s.item.name, cypher: s.cypher, created: existing ? true : added });
    }
    return report;
  }

  // ---------------------------------------------------------------- writes

  async writeArticle(doc: ArticleDocument): Promise<WriteResult> {
    const prepared = prepareDocument(doc);
    const [result] = await this.#write((tx) => this.#writeGroup(tx, [prepared]));
    return result!;
  }

  async writeArticles(docs: ArticleDocument[]): Promise<WriteResult[]> {
    // Every document is checked before anything is written, so a bad one is refused whole.
    const prepared = docs.map((doc, i) => prepareDocument(doc, `docs[${i}]`));
    const results: WriteResult[] = [];
    for (const group of groupForTransactions(prepared, this.batchSize)) {
      results.push(...(await this.#write((tx) => this.#writeGroup(tx, group))));
    }
    return results;
  }

  /**
   * One transaction for a group of distinct articles. Re-runnable from the start (the driver
   * retries it on transient errors such as deadlocks), so it keeps no state outside itself.
   */
  async #writeGroup(tx: ManagedTransactionLike, docs: PreparedDocument[]): Promise<WriteResult[]> {
    const ids = sortedUnique(docs.map((d) => d.article.id));
    const stored = new Map<string, string | null>();
    for (const part of chunk(ids, this.batchSize)) {
      for (const r of await run(tx, readArticleHashesStatement(part))) stored.set(String(r.id), asString(r.contentHash));
    }
    const changed = docs.filter((d) => stored.get(d.article.id) !== d.article.contentHash);
    const status = new Map<string, WriteResult['status']>(docs.map((d) => [d.article.id, 'unchanged']));
    const results = () => docs.map((d) => ({ articleId: d.article.id, status: status.get(d.article.id)! }));
    if (changed.length === 0) return results();

    // Lock the changed articles and re-check under the lock: another writer may have just written one.
    const locked = new Map<string, string | null>();
    for (const part of chunk(sortedUnique(changed.map((d) => d.article.id)), this.batchSize)) {
      for (const r of await run(tx, lockArticlesStatement(part))) locked.set(String(r.id), asString(r.contentHash));
    }
    const toWrite = changed.filter((d) => locked.get(d.article.id) !== d.article.contentHash);
    for (const d of toWrite) status.set(d.article.id, locked.get(d.article.id) ? 'updated' : 'inserted');
    if (toWrite.length === 0) return results();
    const updatedIds = sortedUnique(toWrite.filter((d) => status.get(d.article.id) === 'updated').map((d) => d.article.id));

    // What the old versions touched: their edges and entities need recomputing too.
    const oldEdges: EdgeKey[] = [];
    const oldMentioned: string[] = [];
    for (const part of chunk(updatedIds, this.batchSize)) {
      for (const r of await run(tx, readArticleClaimKeysStatement(part))) {
        if (isPredicate(r.predicate)) oldEdges.push({ subjectId: String(r.subjectId), predicate: r.predicate, objectId: String(r.objectId) });
      }
      for (const r of await run(tx, readArticleMentionedIdsStatement(part))) oldMentioned.push(String(r.id));
    }

    const claims = claimRows(toWrite);
    const mentions = mentionRows(toWrite);
    // Entities are locked in id order before anything reads their counts: one lock order for all writers.
    const affectedEntities = sortedUnique([
      ...toWrite.flatMap((d) => d.entities.map((e) => e.id)),
      ...oldMentioned,
      ...oldEdges.flatMap((k) => [k.subjectId, k.objectId]),
    ]);
    const existing = new Map<string, StoredEntity>();
    for (const part of chunk(affectedEntities, this.batchSize)) {
      for (const r of await run(tx, lockEntitiesStatement(part))) {
        existing.set(String(r.id), {
          id: String(r.id),
          type: String(r.type),
          name: String(r.name ?? ''),
          aliases: asStringArray(r.aliases),
          attributes: asString(r.attributes),
        });
      }
    }

    for (const part of chunk(updatedIds, this.batchSize)) await run(tx, deleteArticleContentsStatement(part));
    const articleRows = toWrite.map((d) => articleRow(d.article, d.eventDate)).sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const part of chunk(articleRows, this.batchSize)) await run(tx, upsertArticlesStatement(part));

    const entities = mergeEntities(toWrite.flatMap((d) => d.entities), existing);
    const byType = new Map<string, EntityRow[]>();
    for (const row of entities.rows) byType.set(row.type, [...(byType.get(row.type) ?? []), row]);
    for (const [type, rows] of [...byType.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      for (const part of chunk(rows, this.batchSize)) await run(tx, upsertEntitiesStatement(type, part));
    }
    for (const part of chunk(entities.nameKeys, this.batchSize)) await run(tx, createNameKeysStatement(part));
    for (const part of chunk(mentions, this.batchSize)) await run(tx, createMentionsStatement(part));
    for (const part of chunk(claims, this.batchSize)) await run(tx, createClaimsStatement(part));

    // Edges and entities a replaced article touched are recomputed from the claims and mentions;
    // everything else only gains: exact increments, so a hub costs no more to write than a leaf.
    for (const [predicate, keys] of edgeKeysByPredicate(oldEdges)) {
      for (const part of chunk(keys, this.batchSize)) await run(tx, recomputeEdgesStatement(predicate, part));
    }
    for (const [predicate, deltas] of edgeDeltasByPredicate(claims, new Set(oldEdges.map(edgeKeyString)))) {
      for (const part of chunk(deltas, this.batchSize)) await run(tx, incrementEdgesStatement(predicate, part));
    }
    const recomputedEntities = sortedUnique(oldMentioned);
    for (const part of chunk(recomputedEntities, this.batchSize)) await run(tx, recomputeEntityStatsStatement(part));
    for (const part of chunk(entityStatsDeltas(mentions, new Set(recomputedEntities)), this.batchSize)) {
      await run(tx, incrementEntityStatsStatement(part));
    }
    // Entities only the old versions named are gone with them.
    const maybeOrphans = sortedUnique(oldMentioned);
    for (const part of chunk(maybeOrphans, this.batchSize)) await run(tx, deleteOrphanEntitiesStatement(part));
    return results();
  }

  async addPublication(articleId: string, publication: Publication): Promise<void> {
    const input = `publication ${String(publication?.url)} of article ${articleId}`;
    if (typeof publication?.url !== 'string' || publication.url === '') throw new InputError(input, 'url must be a non-empty string');
    if (typeof publication.title !== 'string') throw new InputError(input, 'title must be a string');
    const fetched = toUtcInstant(publication.fetchedAt, `${input} fetchedAt`);
    const sortDate = publication.publishedAt ? toUtcInstant(publication.publishedAt, `${input} publishedAt`) : fetched;
    const rows = await this.#write((tx) => run(tx, addPublicationStatement(articleId, publication, sortDate)));
    if (rows.length === 0) throw new InputError(`article ${articleId}`, 'is not stored; cannot add a publication to it');
  }

  // ---------------------------------------------------------------- reads

  async getArticle(id: string): Promise<Article | null> {
    const [row] = await this.#read(getArticleStatement(id));
    if (!row) return null;
    const p = (row.article ?? {}) as Row;
    const s = (k: string) => asString(p[k]);
    return {
      id: String(p.id),
      url: s('url') ?? '',
      canonicalUrl: s('canonicalUrl') ?? '',
      title: s('title') ?? '',
      outlet: s('outlet'),
      author: s('author'),
      publishedAt: s('publishedAt'),
      fetchedAt: s('fetchedAt') ?? '',
      language: s('language'),
      text: s('text') ?? '',
      contentHash: s('contentHash') ?? '',
      sourceId: s('sourceId'),
    };
  }

  async searchEntities(query: string, options: { types?: EntityType[]; limit?: number } = {}): Promise<EntitySummary[]> {
    const statement = searchEntitiesStatement(query, options);
    if (statement.params.prefix === '') return [];
    return (await this.#read(statement)).map(summary);
  }

  async getEntity(id: string): Promise<EntityDetail | null> {
    const [r] = await this.#read(getEntityStatement(id));
    if (!r) return null;
    return {
      id: String(r.id),
      type: entityType(r.type),
      name: String(r.name ?? ''),
      aliases: asStringArray(r.aliases),
      attributes: parseAttributes(asString(r.attributes)),
      articleCount: asNumber(r.articleCount),
      mentionCount: asNumber(r.mentionCount),
      firstSeen: asString(r.firstSeen),
      lastSeen: asString(r.lastSeen),
    };
  }

  async neighbors(id: string, query: NeighborQuery = {}): Promise<Neighbor[]> {
    const rows = await this.#read(neighborsStatement(id, query));
    return rows.map((r) => ({
      entity: summary(r),
      predicate: predicate(r.predicate),
      direction: r.direction === 'in' ? 'in' : 'out',
      articleCount: asNumber(r.edgeArticleCount),
      claimCount: asNumber(r.claimCount),
      firstSeen: asString(r.firstSeen),
      lastSeen: asString(r.lastSeen),
    }));
  }

  async shortestPaths(fromId: string, toId: string, query: PathQuery = {}): Promise<GraphPath[]> {
    const limit = checkLimit(query.limit, 5, 'limit', 100);
    const statement = shortestPathsStatement(fromId, toId, { maxHops: query.maxHops, predicates: query.predicates });
    const summaries = await this.#summaries([fromId, toId]);
    if (!summaries.has(fromId) || !summaries.has(toId)) return [];
    if (fromId === toId) return [{ nodes: [summaries.get(fromId)!], edges: [] }];
    const sequences = (await this.#read(statement)).map((r) => asStringArray(r.ids));
    if (sequences.length === 0) return [];
    // The best edge per step: most articles, then predicate, then subject (as the SQLite store).
    const pairs = new Map<string, [string, string]>();
    for (const ids of sequences) for (let i = 0; i + 1 < ids.length; i++) pairs.set(`${ids[i]}\u0000${ids[i + 1]}`, [ids[i]!, ids[i + 1]!]);
    const best = new Map<string, PathEdge>();
    for (const part of chunk([...pairs.values()], this.batchSize)) {
      for (const r of await this.#read(edgesBetweenStatement(part, query.predicates))) {
        const key = `${String(r.a)}\u0000${String(r.b)}`;
        const edge: PathEdge = { subjectId: String(r.subjectId), predicate: predicate(r.predicate), objectId: String(r.objectId), articleCount: asNumber(r.articleCount) };
        const current = best.get(key);
        if (!current || compareEdges(edge, current) < 0) best.set(key, edge);
      }
    }
    const scored = sequences.flatMap((ids) => {
      const edges: PathEdge[] = [];
      for (let i = 0; i + 1 < ids.length; i++) {
        const edge = best.get(`${ids[i]}\u0000${ids[i + 1]}`);
        if (!edge) return [];
        edges.push(edge);
      }
      return [{ ids, edges, score: edges.reduce((sum, e) => sum + e.articleCount, 0), key: ids.join('\u0000') }];
    });
    scored.sort((x, y) => y.score - x.score || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    const chosen = scored.slice(0, limit);
    const nodes = await this.#summaries(chosen.flatMap((p) => p.ids));
    return chosen.map((p) => ({ nodes: p.ids.map((id) => nodes.get(id)!), edges: p.edges }));
  }

  async #summaries(ids: string[]): Promise<Map<string, EntitySummary>> {
    const out = new Map<string, EntitySummary>();
    for (const part of chunk(sortedUnique(ids), this.batchSize)) {
      for (const r of await this.#read(entitySummariesStatement(part))) out.set(String(r.id), summary(r));
    }
    return out;
  }

  async evidence(query: EvidenceQuery): Promise<EvidenceRecord[]> {
    const rows = await this.#read(evidenceStatement(query));
    return rows.map((r) => ({
      subjectId: String(r.subjectId),
      predicate: predicate(r.predicate),
      objectId: String(r.objectId),
      sentence: String(r.sentence ?? ''),
      start: asNumber(r.claimStart),
      end: asNumber(r.claimEnd),
      rule: String(r.rule ?? ''),
      confidence: asNumber(r.confidence),
      article: { id: String(r.articleId), url: String(r.url ?? ''), title: String(r.title ?? ''), outlet: asString(r.outlet), publishedAt: asString(r.publishedAt) },
    }));
  }

  async topEntities(query: { types?: EntityType[]; since?: string; limit?: number } = {}): Promise<EntityCount[]> {
    return (await this.#read(topEntitiesStatement(query))).map((r) => ({ entity: summary(r), count: asNumber(r.count) }));
  }

  async coMentioned(id: string, options: { limit?: number } = {}): Promise<EntityCount[]> {
    return (await this.#read(coMentionedStatement(id, options))).map((r) => ({ entity: summary(r), count: asNumber(r.count) }));
  }

  async timeline(id: string): Promise<TimelinePoint[]> {
    return (await this.#read(timelineStatement(id))).map((r) => ({ date: String(r.date), articleCount: asNumber(r.articleCount) }));
  }

  async stats(): Promise<StoreStats> {
    const statements = statsStatements();
    return this.#readTx(async (tx) => {
      const value = async (s: CypherStatement) => asNumber((await run(tx, s))[0]?.value);
      return {
        articles: await value(statements.articles),
        entities: await value(statements.entities),
        mentions: await value(statements.mentions),
        claims: await value(statements.claims),
        edges: await value(statements.edges),
      };
    });
  }

  async listPublications(articleId: string): Promise<Publication[]> {
    return (await this.#read(listPublicationsStatement(articleId))).map((r) => ({
      url: String(r.url),
      title: String(r.title ?? ''),
      outlet: asString(r.outlet),
      publishedAt: asString(r.publishedAt),
      fetchedAt: String(r.fetchedAt ?? ''),
    }));
  }

  async *exportEntities(filter: ExportFilter = {}): AsyncIterable<ExportEntity> {
    let after: string | null = null;
    for (;;) {
      const rows = await this.#read(exportEntitiesPageStatement(filter, after, Math.min(this.batchSize, 100_000)));
      for (const r of rows) {
        yield {
          id: String(r.id),
          type: entityType(r.type),
          name: String(r.name ?? ''),
          aliases: asStringArray(r.aliases),
          attributes: parseAttributes(asString(r.attributes)),
          articleCount: asNumber(r.articleCount),
          mentionCount: asNumber(r.mentionCount),
        };
      }
      if (rows.length < this.batchSize) return;
      after = String(rows[rows.length - 1]!.id);
    }
  }

  async *exportEdges(filter: ExportFilter = {}): AsyncIterable<ExportEdge> {
    let after: string | null = null;
    for (;;) {
      const rows = await this.#read(exportEdgesPageStatement(filter, after, Math.min(this.batchSize, 100_000)));
      if (rows.length === 0) return;
      for (const r of rows) {
        if (r.predicate === null || r.predicate === undefined) continue;
        yield {
          subjectId: String(r.subjectId),
          predicate: predicate(r.predicate),
          objectId: String(r.objectId),
          articleCount: asNumber(r.articleCount),
          claimCount: asNumber(r.claimCount),
          firstSeen: asString(r.firstSeen),
          lastSeen: asString(r.lastSeen),
        };
      }
      after = String(rows[0]!.lastId);
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#release?.();
  }
}

async function run(tx: ManagedTransactionLike, statement: CypherStatement): Promise<Row[]> {
  const result = await tx.run(statement.cypher, statement.params);
  return result.records.map(recordToObject);
}

async function readServerVersion(driver: DriverLike, database: string | undefined): Promise<string> {
  const session = driver.session(database ? { database, defaultAccessMode: 'READ' } : { defaultAccessMode: 'READ' });
  try {
    const rows = await session.executeRead((tx) => run(tx, { cypher: READ_SERVER_VERSION, params: {} }));
    const kernel = rows.find((r) => String(r.name).toLowerCase().includes('kernel')) ?? rows[0];
    const versions = kernel ? asStringArray(kernel.versions) : [];
    return versions[0] ?? '';
  } finally {
    await session.close();
  }
}

function summary(r: Row): EntitySummary {
  return { id: String(r.id), type: entityType(r.type), name: String(r.name ?? ''), aliases: asStringArray(r.aliases), articleCount: asNumber(r.articleCount) };
}

function entityType(value: unknown): EntityType {
  if (!isEntityType(value)) throw new Error(`Neo4j returned an entity with unknown type ${JSON.stringify(value)}`);
  return value;
}

function predicate(value: unknown): Predicate {
  if (!isPredicate(value)) throw new Error(`Neo4j returned an unknown predicate ${JSON.stringify(value)}`);
  return value;
}

function compareEdges(a: PathEdge, b: PathEdge): number {
  if (a.articleCount !== b.articleCount) return b.articleCount - a.articleCount;
  if (a.predicate !== b.predicate) return a.predicate < b.predicate ? -1 : 1;
  return a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0;
}
