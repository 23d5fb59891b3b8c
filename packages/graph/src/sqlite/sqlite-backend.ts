import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { EDGE_MODALITIES, InputError, PREDICATES, SYMMETRIC_PREDICATES, type Article, type CurationEntry, type EntityAttributes, type EntityType, type Modality, type Predicate } from '@newsgraph/shared';
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
} from '../interfaces/graph-store.ts';
import type { PathCandidates, StoreBackend, StoreWriteTransaction, StoredArticleState, WritePlan } from '../interfaces/store-backend.ts';
import type { ArticleContribution, CountChange } from '../core/count-maintenance.ts';
import { countsAsEdge, mergeAliases, type PreparedDocument } from '../core/document-preparation.ts';
import { compareNeighbors, mergeNeighbors } from '../core/neighbor-order.ts';
import { findShortestPaths, type PathSearchLimits } from '../core/path-search.ts';
import type { EvidenceArgs, ExportArgs, NeighborArgs, PathArgs, SearchArgs, TopArgs } from '../core/query-arguments.ts';
import { prefixUpperBound, searchKeysFor } from '../search-keys.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations.ts';
import { SqliteCuration } from './sqlite-curation.ts';
import { SqliteAliases } from './sqlite-aliases.ts';
import type { AliasEvent, StoredAliasEvent } from '../interfaces/alias-store.ts';
import { BulkInsert } from './bulk-insert.ts';

export interface SqliteStoreOptions {
  /** Busy timeout in milliseconds when another process holds the write lock (default 30 s: a batch transaction may hold it for seconds). */
  busyTimeoutMs?: number;
  /** Rows (articles + entities + mentions + claims) per write transaction (default 400 000: a larger transaction writes each b-tree page to the WAL once for many rows, and aggregates more claims into each edge upsert). */
  batchRows?: number;
  /** Caps on path search work (see core/path-search.ts). */
  pathLimits?: Partial<PathSearchLimits>;
  /** The connection's page cache and memory-mapped reads (default SQLITE_READER_MEMORY). */
  memory?: SqliteMemory;
}

/** How much of the process's memory one SQLite connection may hold: page cache and mapped file. */
export interface SqliteMemory {
  /** Page cache, MiB (`PRAGMA cache_size`); pages beyond it are read again from the OS's file cache. */
  cacheMb: number;
  /** Bytes of the file read through mmap, MiB (`PRAGMA mmap_size`; 0: none). Mapped pages count in the process's resident size. */
  mmapMb: number;
}

/**
 * For processes that query (server, CLI reads): a 64 MiB cache and reads through mmap keep hot
 * b-tree pages in the process; both fill as the database is read.
 */
export const SQLITE_READER_MEMORY: SqliteMemory = Object.freeze({ cacheMb: 64, mmapMb: 256 });

/**
 * For a crawler, which writes articles one at a time and reads only single rows: its resident
 * memory grew with the database under the reader's settings (the cache up to 64 MiB, the mapped
 * file up to 256 MiB: +60 MB from 1,000 to 4,000 pages of `pnpm bench:crawl`) while its store
 * writes took no longer with 8 MiB and no mmap (docs/crawler.md "Memory").
 */
export const SQLITE_WRITER_MEMORY: SqliteMemory = Object.freeze({ cacheMb: 8, mmapMb: 0 });

function assertMemory(file: string, memory: SqliteMemory): void {
  for (const [name, value] of Object.entries(memory)) {
    if (!Number.isInteger(value) || value < 0) throw new InputError(file, `SQLite memory setting ${name} must be a whole number of MiB, got ${String(value)}`);
  }
}

interface SummaryRow {
  id: string;
  type: EntityType;
  name: string;
  aliases: string;
  article_count: number;
}

interface EntityRow extends SummaryRow {
  rid: number;
  attributes: string;
  mention_count: number;
  first_ms: number | null;
  last_ms: number | null;
}

interface ArticleRow {
  id: string;
  url: string;
  canonical_url: string;
  title: string;
  outlet: string | null;
  author: string | null;
  published_at: string | null;
  fetched_at: string;
  language: string | null;
  text: string;
  content_hash: string;
  source_id: string | null;
}

interface StoredArticle {
  seq: number;
  id: string;
  content_hash: string;
  event_ms: number;
  entity_rids: string;
  reporter_rids: string;
}

interface EdgeRow {
  subject_id: string;
  predicate: Predicate;
  object_id: string;
  article_count: number;
  claim_count: number;
  first_ms: number | null;
  last_ms: number | null;
}

/** Mention and claim row ids are (article seq × ROWS_PER_ARTICLE) + position. */
const ROWS_PER_ARTICLE = 65_536;
const DAY_MS = 86_400_000;
/** Symmetric edges have no direction, so they pass every direction filter. */
const SYMMETRIC_JSON = JSON.stringify([...SYMMETRIC_PREDICATES]);
const EDGE_MODALITIES_JSON = JSON.stringify([...EDGE_MODALITIES]);

function checkRowLimits(doc: PreparedDocument): PreparedDocument {
  if (doc.mentions.length >= ROWS_PER_ARTICLE || doc.claims.length >= ROWS_PER_ARTICLE) {
    throw new InputError(`article ${doc.article.id}`, `more than ${ROWS_PER_ARTICLE - 1} mentions or claims in one article`);
  }
  return doc;
}

const compareText = (x: string, y: string): number => (x === y ? 0 : x < y ? -1 : 1);

function jsonList(values: readonly string[] | null | undefined): string | null {
  return values && values.length > 0 ? JSON.stringify(values) : null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const msOf = (instant: string | null): number | undefined => (instant === null ? undefined : Date.parse(instant));

function summaryOf(row: SummaryRow): EntitySummary {
  return { id: row.id, type: row.type, name: row.name, aliases: JSON.parse(row.aliases) as string[], articleCount: row.article_count };
}

/**
 * Offsets of (event_ms, article_seq, …) triples in key order. Rows of the per-edge and
 * per-entity tables are written in primary-key order: rows inserted in key order walk each
 * b-tree from left to right, so every page is found in cache (and in the CPU cache) right after
 * the previous row touched it, instead of one random page per row; this more than halves the
 * cost of those tables.
 */
function sortedTriples(values: number[]): number[] {
  const order: number[] = [];
  for (let i = 0; i < values.length; i += 3) order.push(i);
  return order.sort((a, b) => values[a]! - values[b]! || values[a + 1]! - values[b + 1]!);
}

/** Small integers for predicates, so an edge key can be one number (see edgeKey). */
const PREDICATE_INDEX = new Map<string, number>(PREDICATES.map((p, i) => [p, i]));

/**
 * One Map key per edge: a single number while the row ids fit (no string built per claim), else
 * a string. Numbers and strings never collide as Map keys.
 */
function edgeKey(s: number, p: string, o: number): number | string {
  return s < 2 ** 24 && o < 2 ** 23 ? (s * 64 + PREDICATE_INDEX.get(p)!) * 2 ** 23 + o : `${s} ${p} ${o}`;
}

/** Values of a count change for the aggregate upserts: delta counts and the added dates. */
const changeValues = (c: CountChange): SQLInputValue[] => [c.articles, c.units, c.addedFirstMs, c.addedLastMs];

/**
 * The SQLite backend of the store core: one file through Node's built-in `node:sqlite`, WAL
 * mode. Writes are synchronous inside one `BEGIN IMMEDIATE` transaction; a promise chain keeps
 * two writers on the same connection from interleaving their statements.
 */
export class SqliteBackend implements StoreBackend {
  readonly kind = 'sqlite' as const;
  readonly path: string;
  readonly writeGroupRows: number;
  /** The connection; the list tables (lists/sqlite-list-store.ts) share it. */
  readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();
  private readonly pathLimits: Partial<PathSearchLimits>;
  private writeQueue: Promise<unknown> = Promise.resolve();
  private readonly curation: SqliteCuration;
  private readonly aliasTables: SqliteAliases;
  private closed = false;

  private constructor(path: string, db: DatabaseSync, options: SqliteStoreOptions) {
    this.path = path;
    this.db = db;
    this.writeGroupRows = options.batchRows ?? 400_000;
    this.pathLimits = options.pathLimits ?? {};
    this.curation = new SqliteCuration(db, (work) => this.writeTransaction(async () => work()));
    this.aliasTables = new SqliteAliases(db, (work) => this.writeTransaction(async () => work()));
  }

  /**
   * Opens (creating it and its parent directories if needed) and migrates the database at `path`.
   * Throws InputError naming the file when it is not a SQLite database or was written by a
   * newer newsgraph.
   */
  static async open(path: string, options: SqliteStoreOptions = {}): Promise<SqliteBackend> {
    const file = path === ':memory:' ? path : resolve(path);
    const memory = options.memory ?? SQLITE_READER_MEMORY;
    assertMemory(file, memory);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    let db: DatabaseSync;
    try {
      db = new DatabaseSync(file, { enableForeignKeyConstraints: true, timeout: options.busyTimeoutMs ?? 30_000 });
    } catch (error) {
      throw new InputError(file, `cannot open SQLite database: ${(error as Error).message}`, { cause: error });
    }
    try {
      // Reading the header is what fails on a file that is not a SQLite database.
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      db.exec('PRAGMA journal_mode = WAL');
      // NORMAL in WAL mode: a commit survives a crash of this process (what we promise); only
      // an OS crash or power loss may lose the last commits, never corrupt the file.
      db.exec('PRAGMA synchronous = NORMAL');
      db.exec('PRAGMA foreign_keys = ON');
      // Page cache and mmap as `memory` says (integers, checked above), temporary b-trees (IN
      // lists, sorts) in memory.
      db.exec(`PRAGMA cache_size = -${memory.cacheMb * 1024}`);
      db.exec('PRAGMA temp_store = MEMORY');
      db.exec('PRAGMA wal_autocheckpoint = 10000');
      db.exec(`PRAGMA mmap_size = ${memory.mmapMb * 1024 * 1024}`);
    } catch (error) {
      db.close();
      throw new InputError(file, `not a SQLite database (${(error as Error).message})`, { cause: error });
    }
    const store = new SqliteBackend(file, db, options);
    try {
      await store.migrate();
    } catch (error) {
      db.close();
      throw error;
    }
    return store;
  }

  /** The connection's page cache and mmap limits, as SQLite reports them. */
  memorySettings(): SqliteMemory {
    const cache = (this.db.prepare('PRAGMA cache_size').get() as { cache_size: number }).cache_size;
    const mmap = (this.db.prepare('PRAGMA mmap_size').get() as { mmap_size: number }).mmap_size;
    // A negative cache_size is KiB, a positive one pages.
    const pageSize = (this.db.prepare('PRAGMA page_size').get() as { page_size: number }).page_size;
    const cacheBytes = cache < 0 ? -cache * 1024 : cache * pageSize;
    return { cacheMb: cacheBytes / 1024 / 1024, mmapMb: mmap / 1024 / 1024 };
  }

  /** The schema version of the open database (`PRAGMA user_version`). */
  schemaVersion(): number {
    const row = this.db.prepare('PRAGMA user_version').get() as { user_version: number };
    return row.user_version;
  }

  async migrate(): Promise<void> {
    const current = this.schemaVersion();
    if (current > LATEST_SCHEMA_VERSION) {
      throw new InputError(
        this.path,
        `database schema version ${current} is newer than this newsgraph supports (${LATEST_SCHEMA_VERSION}); upgrade newsgraph`,
      );
    }
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      this.db.exec('BEGIN IMMEDIATE');
      try {
        // Re-check under the write lock: another process may have migrated meanwhile.
        if (this.schemaVersion() < migration.version) {
          this.db.exec(migration.sql);
          this.db
            .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
            .run(migration.version, migration.name, new Date().toISOString());
          // PRAGMA takes no bound parameters; the version is an integer from the list above.
          this.db.exec(`PRAGMA user_version = ${Math.trunc(migration.version)}`);
        }
        this.db.exec('COMMIT');
      } catch (error) {
        this.db.exec('ROLLBACK');
        throw new Error(`${this.path}: migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`, { cause: error });
      }
    }
  }

  private sql(text: string): StatementSync {
    let stmt = this.statements.get(text);
    if (!stmt) {
      stmt = this.db.prepare(text);
      this.statements.set(text, stmt);
    }
    return stmt;
  }

  /** A statement of its own for a streaming read, so two exports can interleave. */
  private stream(text: string): StatementSync {
    return this.db.prepare(text);
  }

  private transaction<T>(work: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }


  // ---------------------------------------------------------------- writes

  checkDocument(doc: PreparedDocument): void {
    checkRowLimits(doc);
  }

  writeTransaction<T>(work: (tx: StoreWriteTransaction) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.closed) throw new Error(`${this.path}: the store is closed`);
      const stored = new Map<string, StoredArticle>();
      const tx: StoreWriteTransaction = {
        readStored: async (wanted) => this.readStored(wanted, stored),
        apply: async (plan) => this.apply(plan, stored),
        recordAliases: async (articleId, learning, events) => this.aliasTables.recordInTransaction(articleId, learning, events),
      };
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(tx);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.isTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    };
    const result = this.writeQueue.then(run, run);
    this.writeQueue = result.catch(() => undefined);
    return result;
  }

  private readStored(wanted: Array<{ articleId: string; contentHash: string }>, stored: Map<string, StoredArticle>): Map<string, StoredArticleState> {
    const hashes = new Map(wanted.map((w) => [w.articleId, w.contentHash]));
    const rows = this.sql(
      'SELECT seq, id, content_hash, event_ms, entity_rids, reporter_rids FROM articles WHERE id IN (SELECT value FROM json_each(?))',
    ).all(JSON.stringify([...hashes.keys()])) as unknown as StoredArticle[];
    const out = new Map<string, StoredArticleState>();
    for (const row of rows) {
      stored.set(row.id, row);
      out.set(row.id, { contentHash: row.content_hash, contribution: row.content_hash === hashes.get(row.id) ? null : this.contributionOf(row) });
    }
    return out;
  }

  /** What a stored article adds to the aggregates, read back from its per-article rows. */
  private contributionOf(row: StoredArticle): ArticleContribution {
    const lo = row.seq * ROWS_PER_ARTICLE;
    const entities = this.sql(
      `SELECT e.id AS entityId, ae.mention_count AS mentions FROM json_each(?1) j
       JOIN article_entities ae ON ae.rid = j.value AND ae.event_ms = ?2 AND ae.article_seq = ?3
       JOIN entities e ON e.rid = ae.rid`,
    ).all(row.entity_rids, row.event_ms, row.seq) as unknown as ArticleContribution['entities'];
    const edges = this.sql(
      `SELECT s.id AS subjectId, c.predicate AS predicate, o.id AS objectId, count(*) AS claims FROM claims c
       JOIN entities s ON s.rid = c.subject_rid JOIN entities o ON o.rid = c.object_rid
       WHERE c.id >= ?1 AND c.id < ?2 AND coalesce(c.modality, 'asserted') IN (SELECT value FROM json_each(?3))
       GROUP BY c.subject_rid, c.predicate, c.object_rid`,
    ).all(lo, lo + ROWS_PER_ARTICLE, EDGE_MODALITIES_JSON) as unknown as ArticleContribution['edges'];
    return { articleId: row.id, eventMs: row.event_ms, entities: entities.map((e) => ({ ...e })), edges: edges.map((e) => ({ ...e })) };
  }

  /** Deletes a stored article's own per-article rows (its aggregates are adjusted by the plan). */
  private removeRows(old: StoredArticle): void {
    const lo = old.seq * ROWS_PER_ARTICLE;
    const hi = lo + ROWS_PER_ARTICLE;
    this.sql(
      `DELETE FROM edge_articles WHERE (subject_rid, predicate, object_rid, event_ms, article_seq) IN
         (SELECT DISTINCT subject_rid, predicate, object_rid, ?3, ?4 FROM claims
          WHERE id >= ?1 AND id < ?2 AND coalesce(modality, 'asserted') IN (SELECT value FROM json_each(?5)))`,
    ).run(lo, hi, old.event_ms, old.seq, EDGE_MODALITIES_JSON);
    this.sql(
      `DELETE FROM modal_claims WHERE (subject_rid, predicate, object_rid, article_seq) IN
         (SELECT DISTINCT subject_rid, predicate, object_rid, ?3 FROM claims
          WHERE id >= ?1 AND id < ?2 AND coalesce(modality, 'asserted') NOT IN (SELECT value FROM json_each(?4)))`,
    ).run(lo, hi, old.seq, EDGE_MODALITIES_JSON);
    this.sql('DELETE FROM article_entities WHERE rid IN (SELECT value FROM json_each(?1)) AND event_ms = ?2 AND article_seq = ?3').run(old.entity_rids, old.event_ms, old.seq);
    this.sql('DELETE FROM article_reporters WHERE rid IN (SELECT value FROM json_each(?1)) AND event_ms = ?2 AND article_seq = ?3').run(old.reporter_rids, old.event_ms, old.seq);
    this.sql('DELETE FROM mentions WHERE id >= ? AND id < ?').run(lo, hi);
    this.sql('DELETE FROM claims WHERE id >= ? AND id < ?').run(lo, hi);
  }

  /** A streaming multi-row insert into one table (see bulk-insert.ts). */
  private inserter(prefix: string, width: number, suffix = ''): BulkInsert {
    return new BulkInsert(this.db, this.statements, prefix, width, suffix);
  }

  /** Carries out the core's plan inside the open transaction. */
  private apply(plan: WritePlan, stored: Map<string, StoredArticle>): void {
    const writes: Array<{ doc: PreparedDocument; seq: number }> = [];
    let nextSeq = -1;
    for (const { doc, status } of plan.documents) {
      const old = stored.get(doc.article.id);
      if (status === 'updated') {
        if (!old) throw new Error(`article ${doc.article.id} was not read before its update`);
        this.removeRows(old);
        writes.push({ doc, seq: old.seq });
      } else {
        if (nextSeq < 0) nextSeq = ((this.sql('SELECT max(seq) AS m FROM articles').get() as { m: number | null }).m ?? 0) + 1;
        writes.push({ doc, seq: nextSeq++ });
      }
    }
    const entityChanges = new Map(plan.counts.entities.map((c) => [c.entityId, c]));
    const rids = this.upsertEntities(writes.map((w) => w.doc), entityChanges);
    const rid = (id: string) => rids.get(id)!;
    const articles = this.inserter(
      `INSERT INTO articles (seq, id, url, canonical_url, title, outlet, author, published_at, fetched_at, language, text, content_hash,
         source_id, event_ms, entity_rids, reporter_rids)`,
      16,
      `ON CONFLICT (id) DO UPDATE SET url = excluded.url, canonical_url = excluded.canonical_url, title = excluded.title,
         outlet = excluded.outlet, author = excluded.author, published_at = excluded.published_at, fetched_at = excluded.fetched_at,
         language = excluded.language, text = excluded.text, content_hash = excluded.content_hash, source_id = excluded.source_id,
         event_ms = excluded.event_ms, entity_rids = excluded.entity_rids, reporter_rids = excluded.reporter_rids`,
    );
    for (const { doc: { article: a, eventMs, entities, reportedBy }, seq } of writes) {
      for (const value of [
        seq, a.id, a.url, a.canonicalUrl, a.title, a.outlet, a.author, a.publishedAt, a.fetchedAt, a.language, a.text, a.contentHash,
        a.sourceId ?? null, eventMs, JSON.stringify(entities.map((e) => rid(e.id))), JSON.stringify(reportedBy.map(rid)),
      ]) articles.add(value);
    }
    articles.flush();

    // Flat parameter lists, one row after another: no per-row arrays on the hot path.
    // Mentions and claims are appended in row-id order as they are read; the per-entity and
    // per-edge rows are written in key order.
    const mentions = this.inserter('INSERT INTO mentions (id, entity_rid, start, "end", text)', 5);
    const claims = this.inserter('INSERT INTO claims (id, subject_rid, predicate, object_rid, sentence, start, "end", rule, confidence, modality, antecedent)', 11);
    const modalClaims = this.inserter('INSERT INTO modal_claims (subject_rid, predicate, object_rid, article_seq)', 4, 'ON CONFLICT DO NOTHING');
    const reporters = this.inserter('INSERT INTO article_reporters (rid, event_ms, article_seq)', 3);
    /** Per entity row id: its (event_ms, article_seq, mention_count) triples in this batch. */
    const entityLinks = new Map<number, number[]>();
    /** Per edge: its articles' (event_ms, article_seq, claim_count) triples in this batch. */
    const edgeLinks = new Map<number | string, [s: number, p: string, o: number, links: number[]]>();
    for (const { doc, seq } of writes) {
      const base = seq * ROWS_PER_ARTICLE;
      const ms = doc.eventMs;
      for (const e of doc.entities) {
        const r = rid(e.id);
        const links = entityLinks.get(r);
        if (links) links.push(ms, seq, doc.mentionCounts.get(e.id) ?? 0);
        else entityLinks.set(r, [ms, seq, doc.mentionCounts.get(e.id) ?? 0]);
      }
      for (const id of doc.reportedBy) {
        reporters.add(rid(id));
        reporters.add(ms);
        reporters.add(seq);
      }
      for (let i = 0; i < doc.mentions.length; i++) {
        const m = doc.mentions[i]!;
        mentions.add(base + i);
        mentions.add(rid(m.entityId));
        mentions.add(m.start);
        mentions.add(m.end);
        mentions.add(m.text);
      }
      for (let i = 0; i < doc.claims.length; i++) {
        const c = doc.claims[i]!;
        const ev = c.evidence;
        const s = rid(c.subjectId);
        const o = rid(c.objectId);
        claims.add(base + i);
        claims.add(s);
        claims.add(c.predicate);
        claims.add(o);
        claims.add(ev.sentence);
        claims.add(ev.start);
        claims.add(ev.end);
        claims.add(ev.rule);
        claims.add(ev.confidence);
        // NULL is asserted: the common case costs no bytes.
        claims.add(ev.modality === undefined || ev.modality === 'asserted' ? null : ev.modality);
        claims.add(ev.antecedent ? JSON.stringify({ sentence: ev.antecedent.sentence, start: ev.antecedent.start, end: ev.antecedent.end }) : null);
        if (!countsAsEdge(c)) {
          modalClaims.add(s);
          modalClaims.add(c.predicate);
          modalClaims.add(o);
          modalClaims.add(seq);
        }
      }
      for (const e of doc.edges) {
        const s = rid(e.subjectId);
        const o = rid(e.objectId);
        const key = edgeKey(s, e.predicate, o);
        const agg = edgeLinks.get(key);
        if (!agg) edgeLinks.set(key, [s, e.predicate, o, [ms, seq, e.claimCount]]);
        else agg[3].push(ms, seq, e.claimCount);
      }
    }
    mentions.flush();
    claims.flush();
    modalClaims.flush();
    reporters.flush();
    const articleEntities = this.inserter('INSERT INTO article_entities (rid, event_ms, article_seq, mention_count)', 4);
    for (const r of Float64Array.from(entityLinks.keys()).sort()) {
      const links = entityLinks.get(r)!;
      for (const i of links.length === 3 ? [0] : sortedTriples(links)) {
        articleEntities.add(r);
        articleEntities.add(links[i]!);
        articleEntities.add(links[i + 1]!);
        articleEntities.add(links[i + 2]!);
      }
    }
    articleEntities.flush();
    const edgeArticles = this.inserter('INSERT INTO edge_articles (subject_rid, predicate, object_rid, event_ms, article_seq, claim_count)', 6);
    for (const [s, p, o, links] of [...edgeLinks.values()].sort((x, y) => x[0] - y[0] || compareText(x[1], y[1]) || x[2] - y[2])) {
      for (const i of links.length === 3 ? [0] : sortedTriples(links)) {
        edgeArticles.add(s);
        edgeArticles.add(p);
        edgeArticles.add(o);
        edgeArticles.add(links[i]!);
        edgeArticles.add(links[i + 1]!);
        edgeArticles.add(links[i + 2]!);
      }
    }
    edgeArticles.flush();

    // The aggregates: one upsert per edge the plan changes, in key order.
    const ridOrLookup = (id: string) => rids.get(id) ?? this.ridOf(id);
    const edgeChanges = plan.counts.edges
      .map((c) => ({ c, s: ridOrLookup(c.subjectId)!, o: ridOrLookup(c.objectId)! }))
      .sort((x, y) => x.s - y.s || compareText(x.c.predicate, y.c.predicate) || x.o - y.o);
    const edgeUpserts = this.inserter(
      'INSERT INTO edges (subject_rid, predicate, object_rid, article_count, claim_count, first_ms, last_ms)',
      7,
      `ON CONFLICT (subject_rid, predicate, object_rid) DO UPDATE SET
         article_count = article_count + excluded.article_count,
         claim_count = claim_count + excluded.claim_count,
         first_ms = min(first_ms, excluded.first_ms),
         last_ms = max(last_ms, excluded.last_ms)`,
    );
    const removedOnlyEdge = this.sql(
      'UPDATE edges SET article_count = article_count + ?4, claim_count = claim_count + ?5 WHERE subject_rid = ?1 AND predicate = ?2 AND object_rid = ?3',
    );
    for (const { c, s, o } of edgeChanges) {
      if (c.removedOnly) {
        removedOnlyEdge.run(s, c.predicate, o, c.articles, c.units);
        continue;
      }
      edgeUpserts.add(s);
      edgeUpserts.add(c.predicate);
      edgeUpserts.add(o);
      for (const v of changeValues(c)) edgeUpserts.add(v);
    }
    edgeUpserts.flush();
    const edgeDates = this.sql(
      `UPDATE edges SET first_ms = (SELECT min(event_ms) FROM edge_articles WHERE subject_rid = ?1 AND predicate = ?2 AND object_rid = ?3),
         last_ms = (SELECT max(event_ms) FROM edge_articles WHERE subject_rid = ?1 AND predicate = ?2 AND object_rid = ?3)
       WHERE subject_rid = ?1 AND predicate = ?2 AND object_rid = ?3 AND article_count > 0`,
    );
    const dropEdge = this.sql('DELETE FROM edges WHERE subject_rid = ? AND predicate = ? AND object_rid = ? AND article_count <= 0');
    for (const { c, s, o } of edgeChanges) {
      if (!c.datesFromRemaining) continue;
      if (dropEdge.run(s, c.predicate, o).changes === 0) edgeDates.run(s, c.predicate, o);
    }
    // Entities the plan only subtracts from (no new version lists them), then dates and orphans.
    const removedOnlyEntity = this.sql('UPDATE entities SET article_count = article_count + ?2, mention_count = mention_count + ?3 WHERE id = ?1');
    const entityDates = this.sql(
      `UPDATE entities SET first_ms = (SELECT min(event_ms) FROM article_entities WHERE rid = entities.rid),
         last_ms = (SELECT max(event_ms) FROM article_entities WHERE rid = entities.rid) WHERE id = ?`,
    );
    const dropEntity = this.sql('DELETE FROM entities WHERE id = ? AND article_count <= 0');
    for (const c of plan.counts.entities) {
      if (c.removedOnly) removedOnlyEntity.run(c.entityId, c.articles, c.units);
      if (!c.datesFromRemaining) continue;
      // Entities no stored article lists any more are gone with their last article.
      if (dropEntity.run(c.entityId).changes === 0) entityDates.run(c.entityId);
    }
  }

  /**
   * Merges the batch's entities into the stored ones (in document order), applies their planned
   * count changes in the same upsert, and returns every entity's row id.
   */
  private upsertEntities(docs: PreparedDocument[], changes: ReadonlyMap<string, CountChange>): Map<string, number> {
    interface Merged {
      rid: number;
      type: string;
      name: string;
      aliases: string[];
      attributes: EntityAttributes;
      /** Stored alias count (new aliases get search keys); -1 for a new entity. */
      known: number;
    }
    const merged = new Map<string, Merged>();
    const allIds = new Set<string>();
    for (const doc of docs) for (const e of doc.entities) allIds.add(e.id);
    const rids = new Map<string, number>();
    if (allIds.size === 0) return rids;
    const rows = this.sql('SELECT rid, id, name, aliases, attributes FROM entities WHERE id IN (SELECT value FROM json_each(?))').all(
      JSON.stringify([...allIds]),
    ) as Array<{ rid: number; id: string; name: string; aliases: string; attributes: string }>;
    const stored = new Map(rows.map((r) => [r.id, r]));
    let nextRid = -1;
    for (const doc of docs) {
      for (const entity of doc.entities) {
        let m = merged.get(entity.id);
        if (!m) {
          const row = stored.get(entity.id);
          if (row) {
            const aliases = JSON.parse(row.aliases) as string[];
            m = { rid: row.rid, type: entity.type, name: row.name, aliases, attributes: JSON.parse(row.attributes) as EntityAttributes, known: aliases.length };
          } else {
            if (nextRid < 0) nextRid = ((this.sql('SELECT max(rid) AS m FROM entities').get() as { m: number | null }).m ?? 0) + 1;
            m = { rid: nextRid++, type: entity.type, name: entity.name, aliases: [], attributes: {}, known: -1 };
          }
          merged.set(entity.id, m);
          rids.set(entity.id, m.rid);
        }
        // Most uses repeat a known name and aliases: merge only when something is new.
        const known = m;
        const isKnown = (label: string) => label === known.name || known.aliases.includes(label);
        if (!isKnown(entity.name) || !entity.aliases.every(isKnown)) m.aliases = mergeAliases(m.name, m.aliases, [entity.name], entity.aliases);
        Object.assign(m.attributes, entity.attributes);
      }
    }
    // Written in row-id order (the table's b-tree order) and search keys in key order.
    const upserts = this.inserter(
      'INSERT INTO entities (rid, id, type, name, aliases, attributes, article_count, mention_count, first_ms, last_ms)',
      10,
      `ON CONFLICT (id) DO UPDATE SET aliases = excluded.aliases, attributes = excluded.attributes,
         article_count = article_count + excluded.article_count, mention_count = mention_count + excluded.mention_count,
         first_ms = CASE WHEN first_ms IS NULL OR excluded.first_ms < first_ms THEN excluded.first_ms ELSE first_ms END,
         last_ms = CASE WHEN last_ms IS NULL OR excluded.last_ms > last_ms THEN excluded.last_ms ELSE last_ms END`,
    );
    const names: Array<[key: string, rid: number, isFull: number]> = [];
    const addKeys = (label: string, rid: number) => searchKeysFor(label).forEach((key, i) => names.push([key, rid, i === 0 ? 1 : 0]));
    for (const [id, m] of [...merged].sort((x, y) => x[1].rid - y[1].rid)) {
      if (m.known < 0) addKeys(m.name, m.rid);
      for (const alias of m.aliases.slice(Math.max(0, m.known))) addKeys(alias, m.rid);
      const change = changes.get(id);
      if (!change) throw new Error(`no planned count change for entity ${id}`);
      for (const value of [m.rid, id, m.type, m.name, JSON.stringify(m.aliases), JSON.stringify(m.attributes), ...changeValues(change)]) upserts.add(value);
    }
    upserts.flush();
    const nameInserts = this.inserter('INSERT INTO entity_names (key, rid, is_full)', 3, 'ON CONFLICT (key, rid) DO UPDATE SET is_full = max(is_full, excluded.is_full)');
    for (const [key, rid, isFull] of names.sort((x, y) => compareText(x[0], y[0]) || x[1] - y[1])) {
      nameInserts.add(key);
      nameInserts.add(rid);
      nameInserts.add(isFull);
    }
    nameInserts.flush();
    return rids;
  }


  // ---------------------------------------------------------------- reads

  private ridOf(id: string): number | undefined {
    const row = this.sql('SELECT rid FROM entities WHERE id = ?').get(String(id)) as { rid: number } | undefined;
    return row?.rid;
  }

  async getArticle(id: string): Promise<Article | null> {
    const row = this.sql('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
    if (!row) return null;
    return {
      id: row.id,
      url: row.url,
      canonicalUrl: row.canonical_url,
      title: row.title,
      outlet: row.outlet,
      author: row.author,
      publishedAt: row.published_at,
      fetchedAt: row.fetched_at,
      language: row.language,
      text: row.text,
      contentHash: row.content_hash,
      sourceId: row.source_id,
    };
  }

  async searchEntities({ prefix: folded, types, limit }: SearchArgs): Promise<EntitySummary[]> {
    const rows = this.sql(
      `SELECT e.id, e.type, e.name, e.aliases, e.article_count
       FROM (SELECT rid, max(key = ?1 AND is_full = 1) AS exact FROM entity_names
             WHERE key >= ?1 AND key < ?2 GROUP BY rid) AS m
       JOIN entities e ON e.rid = m.rid
       WHERE ?3 IS NULL OR e.type IN (SELECT value FROM json_each(?3))
       ORDER BY m.exact DESC, e.article_count DESC, e.name, e.id
       LIMIT ?4`,
    ).all(folded, prefixUpperBound(folded), jsonList(types), limit) as unknown as SummaryRow[];
    return rows.map(summaryOf);
  }

  async getEntity(id: string): Promise<EntityDetail | null> {
    const row = this.sql('SELECT * FROM entities WHERE id = ?').get(id) as EntityRow | undefined;
    if (!row) return null;
    return {
      id: row.id,
      type: row.type,
      name: row.name,
      aliases: JSON.parse(row.aliases) as string[],
      attributes: JSON.parse(row.attributes) as EntityAttributes,
      articleCount: row.article_count,
      mentionCount: row.mention_count,
      firstSeen: iso(row.first_ms),
      lastSeen: iso(row.last_ms),
    };
  }

  async neighbors(args: NeighborArgs): Promise<Neighbor[]> {
    const rid = this.ridOf(args.id);
    if (rid === undefined) return [];
    const edges = args.predicates?.length === 0 ? [] : this.edgeNeighbors(rid, args);
    if (!args.reportedBy) return edges;
    return mergeNeighbors(edges, this.reportedByNeighbors(rid, args), args.limit);
  }

  private edgeNeighbors(rid: number, args: NeighborArgs): Neighbor[] {
    const { direction, limit } = args;
    const since = msOf(args.since);
    const until = msOf(args.until);
    const params: Record<string, SQLInputValue> = {
      rid,
      wantOut: direction === 'in' ? 0 : 1,
      wantIn: direction === 'out' ? 0 : 1,
      preds: jsonList(args.predicates),
      types: jsonList(args.types),
      lim: limit,
      sym: SYMMETRIC_JSON,
    };
    const filters = `AND (:preds IS NULL OR e.predicate IN (SELECT value FROM json_each(:preds)))
       AND (:types IS NULL OR n.type IN (SELECT value FROM json_each(:types)))`;
    const outWhere = `e.subject_rid = :rid AND (:wantOut = 1 OR e.predicate IN (SELECT value FROM json_each(:sym))) ${filters}`;
    const inWhere = `e.object_rid = :rid AND (:wantIn = 1 OR e.predicate IN (SELECT value FROM json_each(:sym))) ${filters}`;
    const columns = 'n.id AS id, n.type AS type, n.name AS name, n.aliases AS aliases, n.article_count AS n_article_count';
    // Hubs have tens of thousands of edges. The limit-th largest total articleCount among the
    // strong edges (partial indexes, read in order, stopping after `limit` rows) bounds the
    // answer: only edges at or above it can be in it, ties included, so the result is exact.
    // 0 when fewer than `limit` strong edges pass the filters (then every edge is read).
    const strongThreshold = (): number => {
      const outCounts = this.sql(
        `SELECT e.article_count FROM edges e INDEXED BY edges_subject_strong JOIN entities n ON n.rid = e.object_rid
         WHERE e.article_count >= 2 AND ${outWhere} ORDER BY e.article_count DESC LIMIT :lim`,
      );
      const inCounts = this.sql(
        `SELECT e.article_count FROM edges e INDEXED BY edges_object_strong JOIN entities n ON n.rid = e.subject_rid
         WHERE e.article_count >= 2 AND ${inWhere} ORDER BY e.article_count DESC LIMIT :lim`,
      );
      for (const stmt of [outCounts, inCounts]) {
        stmt.setReturnArrays(true);
        // Each side's statement uses only some of the shared parameters.
        stmt.setAllowUnknownNamedParameters(true);
      }
      const counts = [...(outCounts.all(params) as unknown as number[][]), ...(inCounts.all(params) as unknown as number[][])]
        .map((r) => r[0]!)
        .sort((x, y) => y - x);
      return counts.length >= limit ? counts[limit - 1]! : 0;
    };
    // BETWEEN makes :threshold the range scan's start; the literal `>= 2` lets SQLite use the
    // partial indexes (without BETWEEN it scans from 2, i.e. every strong edge).
    const strongOnly = 'e.article_count BETWEEN :threshold AND 9223372036854775807 AND e.article_count >= 2 AND';
    let sql: string;
    if (since === undefined && until === undefined) {
      const threshold = strongThreshold();
      const edge = `e.predicate AS predicate, e.article_count AS article_count, e.claim_count AS claim_count,
                    e.first_ms AS first_ms, e.last_ms AS last_ms`;
      if (threshold >= 2) {
        params.threshold = threshold;
        sql = `SELECT 'out' AS dir, ${edge}, ${columns} FROM edges e INDEXED BY edges_subject_strong JOIN entities n ON n.rid = e.object_rid
               WHERE ${strongOnly} ${outWhere}
               UNION ALL
               SELECT 'in' AS dir, ${edge}, ${columns} FROM edges e INDEXED BY edges_object_strong JOIN entities n ON n.rid = e.subject_rid
               WHERE ${strongOnly} ${inWhere}
               ORDER BY article_count DESC, name, id, predicate, dir
               LIMIT :lim`;
      } else {
        sql = `SELECT 'out' AS dir, ${edge}, ${columns} FROM edges e JOIN entities n ON n.rid = e.object_rid WHERE ${outWhere}
               UNION ALL
               SELECT 'in' AS dir, ${edge}, ${columns} FROM edges e JOIN entities n ON n.rid = e.subject_rid WHERE ${inWhere}
               ORDER BY article_count DESC, name, id, predicate, dir
               LIMIT :lim`;
      }
    } else {
      params.since = since ?? Number.MIN_SAFE_INTEGER;
      params.until = until ?? Number.MAX_SAFE_INTEGER;
      const window = `JOIN edge_articles ea ON ea.subject_rid = e.subject_rid AND ea.predicate = e.predicate AND ea.object_rid = e.object_rid
                        AND ea.event_ms >= :since AND ea.event_ms <= :until`;
      const edge = `e.predicate AS predicate, count(*) AS article_count, sum(ea.claim_count) AS claim_count,
                    min(ea.event_ms) AS first_ms, max(ea.event_ms) AS last_ms`;
      const windowed = (strong: boolean) =>
        `SELECT 'out' AS dir, ${edge}, ${columns} FROM edges e ${strong ? 'INDEXED BY edges_subject_strong' : ''} ${window}
           JOIN entities n ON n.rid = e.object_rid WHERE ${strong ? strongOnly : ''} ${outWhere}
         GROUP BY e.predicate, e.object_rid
         UNION ALL
         SELECT 'in' AS dir, ${edge}, ${columns} FROM edges e ${strong ? 'INDEXED BY edges_object_strong' : ''} ${window}
           JOIN entities n ON n.rid = e.subject_rid WHERE ${strong ? strongOnly : ''} ${inWhere}
         GROUP BY e.predicate, e.subject_rid
         ORDER BY article_count DESC, name, id, predicate, dir
         LIMIT :lim`;
      // A count within the window never exceeds the edge's total. So: take the edges strongest
      // overall, find the limit-th best count within the window among them (c), then every edge
      // that can reach c has a total of at least c; reading just those is exact.
      sql = windowed(false);
      const threshold = strongThreshold();
      if (threshold >= 2) {
        params.threshold = threshold;
        const first = this.sql(windowed(true)).all(params) as Array<{ article_count: number }>;
        const c = first.length >= limit ? first[limit - 1]!.article_count : 0;
        if (c >= 2) {
          params.threshold = c;
          sql = windowed(true);
        } else {
          delete params.threshold;
        }
      }
    }
    const rows = this.sql(sql).all(params) as Array<{
      dir: 'out' | 'in';
      predicate: Predicate;
      article_count: number;
      claim_count: number;
      first_ms: number | null;
      last_ms: number | null;
      id: string;
      type: EntityType;
      name: string;
      aliases: string;
      n_article_count: number;
    }>;
    return rows.map((r) => ({
      entity: summaryOf({ id: r.id, type: r.type, name: r.name, aliases: r.aliases, article_count: r.n_article_count }),
      predicate: r.predicate,
      direction: r.dir,
      articleCount: r.article_count,
      claimCount: r.claim_count,
      firstSeen: iso(r.first_ms),
      lastSeen: iso(r.last_ms),
    }));
  }

  async neighborCounts(args: NeighborArgs): Promise<Array<{ type: EntityType; predicate: Predicate; count: number }>> {
    const rid = this.ridOf(args.id);
    if (rid === undefined) return [];
    const out: Array<{ type: EntityType; predicate: Predicate; count: number }> = [];
    const since = msOf(args.since) ?? Number.MIN_SAFE_INTEGER;
    const until = msOf(args.until) ?? Number.MAX_SAFE_INTEGER;
    const windowed = args.since !== null || args.until !== null;
    if (args.predicates?.length !== 0) {
      const params: Record<string, SQLInputValue> = {
        rid,
        wantOut: args.direction === 'in' ? 0 : 1,
        wantIn: args.direction === 'out' ? 0 : 1,
        preds: jsonList(args.predicates),
        types: jsonList(args.types),
        sym: SYMMETRIC_JSON,
      };
      if (windowed) Object.assign(params, { since, until });
      const inWindow = windowed
        ? `AND EXISTS (SELECT 1 FROM edge_articles ea WHERE ea.subject_rid = e.subject_rid AND ea.predicate = e.predicate
             AND ea.object_rid = e.object_rid AND ea.event_ms >= :since AND ea.event_ms <= :until)`
        : '';
      const filters = `AND (:preds IS NULL OR e.predicate IN (SELECT value FROM json_each(:preds)))
         AND (:types IS NULL OR n.type IN (SELECT value FROM json_each(:types))) ${inWindow}`;
      const rows = this.sql(
        `SELECT n.type AS type, e.predicate AS predicate, count(*) AS count FROM edges e JOIN entities n ON n.rid = e.object_rid
         WHERE e.subject_rid = :rid AND (:wantOut = 1 OR e.predicate IN (SELECT value FROM json_each(:sym))) ${filters}
         GROUP BY n.type, e.predicate
         UNION ALL
         SELECT n.type AS type, e.predicate AS predicate, count(*) AS count FROM edges e JOIN entities n ON n.rid = e.subject_rid
         WHERE e.object_rid = :rid AND (:wantIn = 1 OR e.predicate IN (SELECT value FROM json_each(:sym))) ${filters}
         GROUP BY n.type, e.predicate`,
      ).all(params) as Array<{ type: EntityType; predicate: Predicate; count: number }>;
      out.push(...rows.map((r) => ({ ...r })));
    }
    if (args.reportedBy) {
      for (const side of this.reportedBySides(args)) {
        const rows = this.sql(
          `SELECT n.type AS type, count(*) AS count FROM (SELECT j.value AS rid ${side} GROUP BY j.value) AS w
           JOIN entities n ON n.rid = w.rid WHERE ?4 IS NULL OR n.type IN (SELECT value FROM json_each(?4)) GROUP BY n.type`,
        ).all(rid, since, until, jsonList(args.types)) as Array<{ type: EntityType; count: number }>;
        out.push(...rows.map((r) => ({ type: r.type, predicate: 'REPORTED_BY' as const, count: r.count })));
      }
    }
    return out;
  }

  /**
   * FROM clauses (binding ?1 rid, ?2 since, ?3 until) of the derived REPORTED_BY entries, one row
   * per (article, other entity): 'out' reads the outlets of the articles listing the entity, 'in'
   * the entities listed by the articles the entity reported.
   */
  private reportedBySides(args: NeighborArgs): string[] {
    const sides: string[] = [];
    if (args.direction !== 'in') {
      sides.push(`, 'out' AS dir, count(*) AS article_count, min(ae.event_ms) AS first_ms, max(ae.event_ms) AS last_ms
        FROM article_entities ae JOIN articles a ON a.seq = ae.article_seq JOIN json_each(a.reporter_rids) j
        WHERE ae.rid = ?1 AND ae.event_ms >= ?2 AND ae.event_ms <= ?3 AND j.value <> ?1`);
    }
    if (args.direction !== 'out') {
      sides.push(`, 'in' AS dir, count(*) AS article_count, min(ar.event_ms) AS first_ms, max(ar.event_ms) AS last_ms
        FROM article_reporters ar JOIN articles a ON a.seq = ar.article_seq JOIN json_each(a.entity_rids) j
        WHERE ar.rid = ?1 AND ar.event_ms >= ?2 AND ar.event_ms <= ?3 AND j.value <> ?1`);
    }
    return sides;
  }

  /** REPORTED_BY entries derived from the articles (see GraphStore), in neighbour order. */
  private reportedByNeighbors(rid: number, args: NeighborArgs): Neighbor[] {
    const since = msOf(args.since) ?? Number.MIN_SAFE_INTEGER;
    const until = msOf(args.until) ?? Number.MAX_SAFE_INTEGER;
    const out: Neighbor[] = [];
    for (const side of this.reportedBySides(args)) {
      const rows = this.sql(
        `SELECT w.dir, w.article_count, w.first_ms, w.last_ms, n.id, n.type, n.name, n.aliases, n.article_count AS n_article_count
         FROM (SELECT j.value AS rid ${side} GROUP BY j.value) AS w
         JOIN entities n ON n.rid = w.rid
         WHERE ?4 IS NULL OR n.type IN (SELECT value FROM json_each(?4))
         ORDER BY w.article_count DESC, n.name, n.id LIMIT ?5`,
      ).all(rid, since, until, jsonList(args.types), args.limit) as Array<{
        dir: 'out' | 'in';
        article_count: number;
        first_ms: number;
        last_ms: number;
        id: string;
        type: EntityType;
        name: string;
        aliases: string;
        n_article_count: number;
      }>;
      for (const r of rows) {
        out.push({
          entity: summaryOf({ id: r.id, type: r.type, name: r.name, aliases: r.aliases, article_count: r.n_article_count }),
          predicate: 'REPORTED_BY',
          direction: r.dir,
          articleCount: r.article_count,
          claimCount: r.article_count,
          firstSeen: iso(r.first_ms),
          lastSeen: iso(r.last_ms),
        });
      }
    }
    return out.sort(compareNeighbors);
  }

  async pathSequences(fromId: string, toId: string, args: PathArgs, candidates: number): Promise<PathCandidates> {
    const preds = jsonList(args.predicates);
    const from = this.ridOf(fromId);
    const to = this.ridOf(toId);
    if (from === undefined || to === undefined) return { sequences: [], edges: null };
    const adjacency = preds
      ? this.sql(
          `SELECT object_rid FROM edges WHERE subject_rid = ?1 AND predicate IN (SELECT value FROM json_each(?2))
           UNION ALL SELECT subject_rid FROM edges WHERE object_rid = ?1 AND predicate IN (SELECT value FROM json_each(?2))`,
        )
      : this.sql('SELECT object_rid FROM edges WHERE subject_rid = ?1 UNION ALL SELECT subject_rid FROM edges WHERE object_rid = ?1');
    adjacency.setReturnArrays(true);
    const neighborsOf = (node: number): number[] => {
      const rows = (preds ? adjacency.all(node, preds) : adjacency.all(node)) as unknown as number[][];
      return rows.map((r) => r[0]!);
    };
    const sequences = findShortestPaths(from, to, neighborsOf, { maxCandidates: candidates, ...this.pathLimits, maxHops: args.maxHops });
    const ids = this.idsByRid(sequences.flat());
    // The search reads neighbour ids only: the core asks edgesBetween for the edges.
    return { sequences: sequences.map((rids) => rids.map((r) => ids.get(r)!)), edges: null };
  }

  async edgesBetween(pairs: Array<[string, string]>, predicates: Predicate[] | null): Promise<PathEdge[]> {
    const rows = this.sql(
      `WITH pair (a, b) AS (SELECT x.rid, y.rid FROM json_each(?1) j JOIN entities x ON x.id = j.value ->> 0 JOIN entities y ON y.id = j.value ->> 1)
       SELECT s.id AS subject_id, e.predicate, o.id AS object_id, e.article_count FROM pair
       JOIN edges e ON (e.subject_rid = pair.a AND e.object_rid = pair.b) OR (e.subject_rid = pair.b AND e.object_rid = pair.a)
       JOIN entities s ON s.rid = e.subject_rid JOIN entities o ON o.rid = e.object_rid
       WHERE ?2 IS NULL OR e.predicate IN (SELECT value FROM json_each(?2))`,
    ).all(JSON.stringify(pairs), jsonList(predicates)) as unknown as EdgeRow[];
    return rows.map((r) => ({ subjectId: r.subject_id, predicate: r.predicate, objectId: r.object_id, articleCount: r.article_count }));
  }

  async entitySummaries(ids: string[]): Promise<Map<string, EntitySummary>> {
    const rows = this.sql('SELECT id, type, name, aliases, article_count FROM entities WHERE id IN (SELECT value FROM json_each(?))').all(
      JSON.stringify(ids),
    ) as unknown as SummaryRow[];
    return new Map(rows.map((r) => [r.id, summaryOf(r)]));
  }

  private idsByRid(rids: number[]): Map<number, string> {
    const rows = this.sql('SELECT rid, id FROM entities WHERE rid IN (SELECT value FROM json_each(?))').all(JSON.stringify([...new Set(rids)])) as Array<{ rid: number; id: string }>;
    return new Map(rows.map((r) => [r.rid, r.id]));
  }

  async evidence(args: EvidenceArgs): Promise<EvidenceRecord[]> {
    const { subjectId: s, objectId: o, predicate: p, limit } = args;
    const sr = this.ridOf(s);
    const or = this.ridOf(o);
    if (sr === undefined || or === undefined) return [];
    // Claims are found through the per-article rows of the edge (edge-modality claims) and of
    // modal_claims (the others), then the few claims of each such article (a rowid range): no
    // index on claims is needed.
    const keys = p !== null ? [[sr, p, or]] : PREDICATES.flatMap((pred) => (sr === or ? [[sr, pred, or]] : [[sr, pred, or], [or, pred, sr]]));
    const rows = this.sql(
      `WITH wanted (s, p, o) AS (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?1)),
       hits (s, p, o, seq) AS (
         SELECT ea.subject_rid, ea.predicate, ea.object_rid, ea.article_seq FROM wanted w
         JOIN edge_articles ea ON ea.subject_rid = w.s AND ea.predicate = w.p AND ea.object_rid = w.o
         UNION
         SELECT mc.subject_rid, mc.predicate, mc.object_rid, mc.article_seq FROM wanted w
         JOIN modal_claims mc ON mc.subject_rid = w.s AND mc.predicate = w.p AND mc.object_rid = w.o)
       SELECT se.id AS subject_id, c.predicate, oe.id AS object_id, c.sentence, c.start, c."end", c.rule, c.confidence,
              coalesce(c.modality, 'asserted') AS modality, c.antecedent,
              a.id AS article_id, a.url, a.title, a.outlet, a.published_at, oa.id AS outlet_id, oa.name AS outlet_name
       FROM hits h
       JOIN articles a ON a.seq = h.seq
       JOIN claims c ON c.id >= h.seq * ${ROWS_PER_ARTICLE} AND c.id < (h.seq + 1) * ${ROWS_PER_ARTICLE}
         AND c.subject_rid = h.s AND c.predicate = h.p AND c.object_rid = h.o
       JOIN entities se ON se.rid = c.subject_rid
       JOIN entities oe ON oe.rid = c.object_rid
       LEFT JOIN entities oa ON oa.rid = (a.reporter_rids ->> 0)
       WHERE ?3 IS NULL OR coalesce(c.modality, 'asserted') IN (SELECT value FROM json_each(?3))
       ORDER BY a.event_ms DESC, a.id, c.start, c.predicate, se.id, c.rule, c.id
       LIMIT ?2`,
    ).all(JSON.stringify(keys), limit, jsonList(args.modalities)) as Array<{
      subject_id: string;
      predicate: Predicate;
      object_id: string;
      sentence: string;
      start: number;
      end: number;
      rule: string;
      confidence: number;
      modality: Modality;
      antecedent: string | null;
      article_id: string;
      url: string;
      title: string;
      outlet: string | null;
      published_at: string | null;
      outlet_id: string | null;
      outlet_name: string | null;
    }>;
    return rows.map((r) => ({
      subjectId: r.subject_id,
      predicate: r.predicate,
      objectId: r.object_id,
      sentence: r.sentence,
      start: r.start,
      end: r.end,
      rule: r.rule,
      confidence: r.confidence,
      modality: r.modality,
      antecedent: r.antecedent === null ? null : (JSON.parse(r.antecedent) as EvidenceRecord['antecedent']),
      article: {
        id: r.article_id,
        url: r.url,
        title: r.title,
        outlet: r.outlet,
        publishedAt: r.published_at,
        outletEntity: r.outlet_id === null ? null : { id: r.outlet_id, name: r.outlet_name ?? '' },
      },
    }));
  }

  async topEntities(args: TopArgs): Promise<EntityCount[]> {
    const limit = args.limit;
    const since = msOf(args.since);
    const types = jsonList(args.types);
    const rows = (
      since === undefined
        ? this.sql(
            `SELECT id, type, name, aliases, article_count, article_count AS count FROM entities
             WHERE article_count > 0 AND (?1 IS NULL OR type IN (SELECT value FROM json_each(?1)))
             ORDER BY article_count DESC, name, id LIMIT ?2`,
          ).all(types, limit)
        : this.sql(
            `SELECT e.id, e.type, e.name, e.aliases, e.article_count, w.count
             FROM (SELECT j.value AS rid, count(*) AS count FROM articles a, json_each(a.entity_rids) j
                   WHERE a.event_ms >= ?1 GROUP BY j.value) AS w
             JOIN entities e ON e.rid = w.rid
             WHERE ?2 IS NULL OR e.type IN (SELECT value FROM json_each(?2))
             ORDER BY w.count DESC, e.name, e.id LIMIT ?3`,
          ).all(since, types, limit)
    ) as unknown as Array<SummaryRow & { count: number }>;
    return rows.map((r) => ({ entity: summaryOf(r), count: r.count }));
  }

  async coMentioned(id: string, limit: number): Promise<EntityCount[]> {
    const rid = this.ridOf(id);
    if (rid === undefined) return [];
    const rows = this.sql(
      `SELECT e.id, e.type, e.name, e.aliases, e.article_count, w.count
       FROM (SELECT j.value AS rid, count(*) AS count FROM article_entities ae
             JOIN articles a ON a.seq = ae.article_seq, json_each(a.entity_rids) j
             WHERE ae.rid = ?1 AND j.value <> ?1 GROUP BY j.value) AS w
       JOIN entities e ON e.rid = w.rid
       ORDER BY w.count DESC, e.name, e.id LIMIT ?2`,
    ).all(rid, limit) as unknown as Array<SummaryRow & { count: number }>;
    return rows.map((r) => ({ entity: summaryOf(r), count: r.count }));
  }

  async timeline(id: string): Promise<TimelinePoint[]> {
    const rid = this.ridOf(id);
    if (rid === undefined) return [];
    const rows = this.sql(
      `SELECT (event_ms - (((event_ms % ${DAY_MS}) + ${DAY_MS}) % ${DAY_MS})) AS day, count(*) AS article_count
       FROM article_entities WHERE rid = ? GROUP BY day ORDER BY day`,
    ).all(rid) as Array<{ day: number; article_count: number }>;
    return rows.map((r) => ({ date: new Date(r.day).toISOString().slice(0, 10), articleCount: r.article_count }));
  }

  async stats(): Promise<StoreStats> {
    const row = this.sql(
      `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM entities) AS entities,
              (SELECT count(*) FROM mentions) AS mentions, (SELECT count(*) FROM claims) AS claims,
              (SELECT count(*) FROM edges) AS edges`,
    ).get() as unknown as StoreStats;
    return { articles: row.articles, entities: row.entities, mentions: row.mentions, claims: row.claims, edges: row.edges };
  }

  async addPublication(articleId: string, publication: Publication, sortDate: string): Promise<boolean> {
    return this.writeTransaction(async () => {
      const exists = this.sql('SELECT 1 FROM articles WHERE id = ?').get(articleId);
      if (!exists) return false;
      this.sql(
        `INSERT INTO publications (article_id, url, title, outlet, published_at, fetched_at, sort_date) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (article_id, url) DO UPDATE SET title = excluded.title, outlet = excluded.outlet,
           published_at = excluded.published_at, fetched_at = excluded.fetched_at, sort_date = excluded.sort_date`,
      ).run(articleId, publication.url, publication.title, publication.outlet, publication.publishedAt, publication.fetchedAt, sortDate);
      return true;
    });
  }

  async listPublications(articleId: string): Promise<Publication[]> {
    const rows = this.sql(
      'SELECT url, title, outlet, published_at, fetched_at FROM publications WHERE article_id = ? ORDER BY sort_date, url',
    ).all(articleId) as Array<{ url: string; title: string; outlet: string | null; published_at: string | null; fetched_at: string }>;
    return rows.map((r) => ({ url: r.url, title: r.title, outlet: r.outlet, publishedAt: r.published_at, fetchedAt: r.fetched_at }));
  }

  async *exportEntities(args: ExportArgs): AsyncIterable<ExportEntity> {
    const since = msOf(args.since);
    const types = jsonList(args.types);
    const rows =
      since === undefined
        ? this.stream(
            `SELECT id, type, name, aliases, attributes, article_count, mention_count FROM entities
             WHERE ?1 IS NULL OR type IN (SELECT value FROM json_each(?1)) ORDER BY id`,
          ).iterate(types)
        : this.stream(
            `SELECT e.id, e.type, e.name, e.aliases, e.attributes, count(*) AS article_count, sum(ae.mention_count) AS mention_count
             FROM entities e JOIN article_entities ae ON ae.rid = e.rid AND ae.event_ms >= ?1
             WHERE ?2 IS NULL OR e.type IN (SELECT value FROM json_each(?2))
             GROUP BY e.id ORDER BY e.id`,
          ).iterate(since, types);
    for (const raw of rows) {
      const r = raw as unknown as EntityRow;
      yield {
        id: r.id,
        type: r.type,
        name: r.name,
        aliases: JSON.parse(r.aliases) as string[],
        attributes: JSON.parse(r.attributes) as EntityAttributes,
        articleCount: r.article_count,
        mentionCount: r.mention_count,
      };
    }
  }

  async *exportEdges(args: ExportArgs): AsyncIterable<ExportEdge> {
    const since = msOf(args.since);
    const types = jsonList(args.types);
    // Walks subjects in id order (the unique index on entities.id) and each subject's edges by
    // primary key, so rows stream out without sorting the whole edge table.
    // CROSS JOIN fixes the join order (SQLite never reorders it): subjects outermost, by id.
    const ends = `JOIN entities o ON o.rid = e.object_rid
       WHERE (?1 IS NULL OR (s.type IN (SELECT value FROM json_each(?1)) AND o.type IN (SELECT value FROM json_each(?1))))`;
    const rows =
      since === undefined
        ? this.stream(
            `SELECT s.id AS subject_id, e.predicate, o.id AS object_id, e.article_count, e.claim_count, e.first_ms, e.last_ms
             FROM entities s INDEXED BY sqlite_autoindex_entities_1 CROSS JOIN edges e ON e.subject_rid = s.rid ${ends}
             ORDER BY s.id, e.predicate, o.id`,
          ).iterate(types)
        : this.stream(
            `SELECT s.id AS subject_id, e.predicate, o.id AS object_id, count(*) AS article_count, sum(ea.claim_count) AS claim_count,
                    min(ea.event_ms) AS first_ms, max(ea.event_ms) AS last_ms
             FROM entities s INDEXED BY sqlite_autoindex_entities_1 CROSS JOIN edges e ON e.subject_rid = s.rid
             JOIN edge_articles ea ON ea.subject_rid = e.subject_rid AND ea.predicate = e.predicate
               AND ea.object_rid = e.object_rid AND ea.event_ms >= ?2
             ${ends}
             GROUP BY e.subject_rid, e.predicate, e.object_rid
             ORDER BY s.id, e.predicate, o.id`,
          ).iterate(types, since);
    for (const raw of rows) {
      const r = raw as unknown as EdgeRow;
      yield {
        subjectId: r.subject_id,
        predicate: r.predicate,
        objectId: r.object_id,
        articleCount: r.article_count,
        claimCount: r.claim_count,
        firstSeen: iso(r.first_ms),
        lastSeen: iso(r.last_ms),
      };
    }
  }

  // ---------------------------------------------------------------- curation (sqlite-curation.ts)

  curationLog(): Promise<CurationEntry[]> {
    return this.curation.curationLog();
  }

  appendCuration(entry: Omit<CurationEntry, 'seq'>): Promise<CurationEntry> {
    return this.curation.appendCuration(entry);
  }

  markCurationUndone(id: string, undoneAt: string, undoneBy: string, undoReason: string): Promise<CurationEntry | null> {
    return this.curation.markCurationUndone(id, undoneAt, undoneBy, undoReason);
  }

  curationRevision(): Promise<string> {
    return this.curation.curationRevision();
  }

  articleIdsMentioning(entityIds: string[], limit: number): Promise<string[]> {
    return this.curation.articleIdsMentioning(entityIds, limit);
  }

  setEntityNames(id: string, name: string, aliases: string[]): Promise<boolean> {
    return this.curation.setEntityNames(id, name, aliases);
  }

  // ---------------------------------------------------------------- alias index (sqlite-aliases.ts)

  recordAliases(articleId: string, learning: string, events: AliasEvent[]): Promise<number | null> {
    return this.aliasTables.recordAliases(articleId, learning, events);
  }

  aliasLearnings(afterSeq: number, limit: number): Promise<Array<{ seq: number; articleId: string; learning: string }>> {
    return this.aliasTables.aliasLearnings(afterSeq, limit);
  }

  aliasLearningsOf(articleIds: string[]): Promise<Array<{ seq: number; articleId: string; learning: string }>> {
    return this.aliasTables.aliasLearningsOf(articleIds);
  }

  aliasEvents(entityIds: string[], articleIds: string[] | null, limit: number): Promise<StoredAliasEvent[]> {
    return this.aliasTables.aliasEvents(entityIds, articleIds, limit);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.statements.clear();
    this.db.close();
  }
}
