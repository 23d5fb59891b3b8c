import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import {
  InputError,
  PREDICATES,
  SYMMETRIC_PREDICATES,
  type Article,
  type ArticleDocument,
  type EntityAttributes,
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
  NeighborQuery,
  PathEdge,
  PathQuery,
  Publication,
  StoreStats,
  TimelinePoint,
  TopQuery,
  WriteResult,
} from '../interfaces/graph-store.ts';
import { foldForSearch, prefixUpperBound, searchKeysFor } from '../search-keys.ts';
import { sinceBound, toUtcInstant, untilBound } from '../store-dates.ts';
import { mergeAliases, prepareDocument, type PreparedDocument } from './document-validation.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations.ts';
import { findShortestPaths, type PathSearchLimits } from './path-search.ts';
import { BulkInsert } from './bulk-insert.ts';
import { SqliteListStore } from '../lists/sqlite-list-store.ts';

export interface SqliteStoreOptions {
  /** Busy timeout in milliseconds when another process holds the write lock (default 30 s: a batch transaction may hold it for seconds). */
  busyTimeoutMs?: number;
  /** Articles per transaction in `writeArticles` (default 10 000: a larger transaction writes each b-tree page to the WAL once for many rows, and aggregates more claims into each edge upsert). */
  batchSize?: number;
  /** Caps on path search work (see path-search.ts). */
  pathLimits?: Partial<PathSearchLimits>;
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
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 10_000;
/** Symmetric edges have no direction, so they pass every direction filter. */
const SYMMETRIC_JSON = JSON.stringify([...SYMMETRIC_PREDICATES]);

function checkRowLimits(doc: PreparedDocument): PreparedDocument {
  if (doc.mentions.length >= ROWS_PER_ARTICLE || doc.claims.length >= ROWS_PER_ARTICLE) {
    throw new InputError(`article ${doc.article.id}`, `more than ${ROWS_PER_ARTICLE - 1} mentions or claims in one article`);
  }
  return doc;
}

const compareText = (x: string, y: string): number => (x === y ? 0 : x < y ? -1 : 1);

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

function checkLimit(value: number | undefined, fallback: number, name = 'limit', max = MAX_LIMIT): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) throw new InputError(name, `must be a whole number from 1 to ${max} (got ${String(value)})`);
  return value;
}

function jsonList(values: readonly string[] | undefined): string | null {
  return values && values.length > 0 ? JSON.stringify(values) : null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const msOf = (instant: string | undefined): number | undefined => (instant === undefined ? undefined : Date.parse(instant));

function summaryOf(row: SummaryRow): EntitySummary {
  return { id: row.id, type: row.type, name: row.name, aliases: JSON.parse(row.aliases) as string[], articleCount: row.article_count };
}

/**
 * The embedded store: one SQLite file through Node's built-in `node:sqlite`, WAL mode.
 *
 * Entities no article uses any more (after the articles that named them changed) are deleted,
 * so the graph holds exactly what the stored articles say. An entity keeps the name and type it
 * was first written with; other names it arrives with become aliases; attributes merge (later
 * writes add or overwrite keys).
 */
export class SqliteStore implements GraphStore {
  readonly kind = 'sqlite' as const;
  readonly path: string;
  readonly lists: SqliteListStore;
  private readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();
  private readonly batchSize: number;
  private readonly pathLimits: Partial<PathSearchLimits>;
  private closed = false;

  private constructor(path: string, db: DatabaseSync, options: SqliteStoreOptions) {
    this.path = path;
    this.db = db;
    this.batchSize = options.batchSize ?? 10_000;
    this.pathLimits = options.pathLimits ?? {};
    this.lists = new SqliteListStore(db, path);
  }

  /**
   * Opens (creating it and its parent directories if needed) and migrates the database at `path`.
   * Throws InputError naming the file when it is not a SQLite database or was written by a
   * newer newsgraph.
   */
  static async open(path: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
    const file = path === ':memory:' ? path : resolve(path);
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
      // 64 MiB page cache, temporary b-trees (IN lists, sorts) in memory, reads through mmap.
      db.exec('PRAGMA cache_size = -65536');
      db.exec('PRAGMA temp_store = MEMORY');
      db.exec('PRAGMA wal_autocheckpoint = 10000');
      db.exec('PRAGMA mmap_size = 268435456');
    } catch (error) {
      db.close();
      throw new InputError(file, `not a SQLite database (${(error as Error).message})`, { cause: error });
    }
    const store = new SqliteStore(file, db, options);
    try {
      await store.migrate();
    } catch (error) {
      db.close();
      throw error;
    }
    return store;
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
    await this.lists.migrate();
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

  async writeArticle(doc: ArticleDocument): Promise<WriteResult> {
    const prepared = checkRowLimits(prepareDocument(doc, undefined, true));
    return this.transaction(() => this.writeBatch([prepared]))[0]!;
  }

  async writeArticles(docs: ArticleDocument[]): Promise<WriteResult[]> {
    // Every document is checked before anything is written, so a bad one is refused whole.
    const prepared = docs.map((doc, i) => checkRowLimits(prepareDocument(doc, `docs[${i}]`, true)));
    const results: WriteResult[] = [];
    let group: PreparedDocument[] = [];
    let ids = new Set<string>();
    const flush = () => {
      if (group.length === 0) return;
      const batch = group;
      results.push(...this.transaction(() => this.writeBatch(batch)));
      group = [];
      ids = new Set();
    };
    for (const p of prepared) {
      // A batch never holds two versions of one article: the second must see the first stored.
      if (ids.has(p.article.id) || group.length >= this.batchSize) flush();
      group.push(p);
      ids.add(p.article.id);
    }
    flush();
    return results;
  }

  /** A streaming multi-row insert into one table (see bulk-insert.ts). */
  private inserter(prefix: string, width: number, suffix = ''): BulkInsert {
    return new BulkInsert(this.db, this.statements, prefix, width, suffix);
  }

  /** Inserts flat rows (`width` values each) with multi-row VALUES statements. */
  private bulk(prefix: string, width: number, values: SQLInputValue[], suffix = ''): void {
    const insert = this.inserter(prefix, width, suffix);
    insert.addAll(values);
    insert.flush();
  }

  /** Writes documents with distinct article ids inside the caller's transaction. */
  private writeBatch(docs: PreparedDocument[]): WriteResult[] {
    const storedRows = this.sql(
      'SELECT seq, id, content_hash, event_ms, entity_rids FROM articles WHERE id IN (SELECT value FROM json_each(?))',
    ).all(JSON.stringify(docs.map((d) => d.article.id))) as unknown as StoredArticle[];
    const stored = new Map(storedRows.map((r) => [r.id, r]));
    const results: WriteResult[] = [];
    const writes: Array<{ doc: PreparedDocument; seq: number }> = [];
    const previousRids: number[] = [];
    let nextSeq = -1;
    for (const doc of docs) {
      const old = stored.get(doc.article.id);
      if (old && old.content_hash === doc.article.contentHash) {
        results.push({ articleId: doc.article.id, status: 'unchanged' });
        continue;
      }
      results.push({ articleId: doc.article.id, status: old ? 'updated' : 'inserted' });
      if (old) {
        previousRids.push(...this.removeContributions(old));
        writes.push({ doc, seq: old.seq });
      } else {
        if (nextSeq < 0) nextSeq = ((this.sql('SELECT max(seq) AS m FROM articles').get() as { m: number | null }).m ?? 0) + 1;
        writes.push({ doc, seq: nextSeq++ });
      }
    }
    if (writes.length === 0) return results;

    const rids = this.upsertEntities(writes.map((w) => w.doc));
    const rid = (id: string) => rids.get(id)!;
    this.bulk(
      `INSERT INTO articles (seq, id, url, canonical_url, title, outlet, author, published_at, fetched_at, language, text, content_hash,
         source_id, event_ms, entity_rids)`,
      15,
      writes.flatMap(({ doc: { article: a, eventMs, entities }, seq }) => [
        seq, a.id, a.url, a.canonicalUrl, a.title, a.outlet, a.author, a.publishedAt, a.fetchedAt, a.language, a.text, a.contentHash,
        a.sourceId ?? null, eventMs, JSON.stringify(entities.map((e) => rid(e.id))),
      ]),
      `ON CONFLICT (id) DO UPDATE SET url = excluded.url, canonical_url = excluded.canonical_url, title = excluded.title,
         outlet = excluded.outlet, author = excluded.author, published_at = excluded.published_at, fetched_at = excluded.fetched_at,
         language = excluded.language, text = excluded.text, content_hash = excluded.content_hash, source_id = excluded.source_id,
         event_ms = excluded.event_ms, entity_rids = excluded.entity_rids`,
    );

    // Flat parameter lists, one row after another: no per-row arrays on the hot path.
    // Mentions and claims are appended in row-id order as they are read; the per-entity and
    // per-edge rows are collected as flat values (no per-row arrays) and written in key order.
    const mentions = this.inserter('INSERT INTO mentions (id, entity_rid, start, "end", text)', 5);
    const claims = this.inserter('INSERT INTO claims (id, subject_rid, predicate, object_rid, sentence, start, "end", rule, confidence)', 9);
    /** Per entity row id: its (event_ms, article_seq, mention_count) triples in this batch. */
    const entityLinks = new Map<number, number[]>();
    // Per distinct edge of the batch: the aggregate delta and its articles' rows (event_ms,
    // article_seq, claim_count triples), so both tables are written in key order after one sort.
    const edges = new Map<
      number | string,
      [s: number, p: string, o: number, articles: number, claims: number, first: number, last: number, links: number[]]
    >();
    for (const { doc, seq } of writes) {
      const base = seq * ROWS_PER_ARTICLE;
      const ms = doc.eventMs;
      for (const e of doc.entities) {
        const r = rid(e.id);
        const links = entityLinks.get(r);
        if (links) links.push(ms, seq, doc.mentionCounts.get(e.id) ?? 0);
        else entityLinks.set(r, [ms, seq, doc.mentionCounts.get(e.id) ?? 0]);
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
        claims.add(base + i);
        claims.add(rid(c.subjectId));
        claims.add(c.predicate);
        claims.add(rid(c.objectId));
        claims.add(ev.sentence);
        claims.add(ev.start);
        claims.add(ev.end);
        claims.add(ev.rule);
        claims.add(ev.confidence);
      }
      for (const e of doc.edges) {
        const s = rid(e.subjectId);
        const o = rid(e.objectId);
        const key = edgeKey(s, e.predicate, o);
        const agg = edges.get(key);
        if (!agg) edges.set(key, [s, e.predicate, o, 1, e.claimCount, ms, ms, [ms, seq, e.claimCount]]);
        else {
          agg[3] += 1;
          agg[4] += e.claimCount;
          if (ms < agg[5]) agg[5] = ms;
          if (ms > agg[6]) agg[6] = ms;
          agg[7].push(ms, seq, e.claimCount);
        }
      }
    }
    mentions.flush();
    claims.flush();
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
    // One upsert per distinct edge of the whole batch, in key order.
    const deltas = [...edges.values()].sort((x, y) => x[0] - y[0] || compareText(x[1], y[1]) || x[2] - y[2]);
    const edgeArticles = this.inserter('INSERT INTO edge_articles (subject_rid, predicate, object_rid, event_ms, article_seq, claim_count)', 6);
    for (const d of deltas) {
      const links = d[7];
      const order = links.length === 3 ? [0] : sortedTriples(links);
      for (const i of order) {
        edgeArticles.add(d[0]);
        edgeArticles.add(d[1]);
        edgeArticles.add(d[2]);
        edgeArticles.add(links[i]!);
        edgeArticles.add(links[i + 1]!);
        edgeArticles.add(links[i + 2]!);
      }
    }
    edgeArticles.flush();
    const edgeUpserts = this.inserter(
      'INSERT INTO edges (subject_rid, predicate, object_rid, article_count, claim_count, first_ms, last_ms)',
      7,
      `ON CONFLICT (subject_rid, predicate, object_rid) DO UPDATE SET
         article_count = article_count + excluded.article_count,
         claim_count = claim_count + excluded.claim_count,
         first_ms = min(first_ms, excluded.first_ms),
         last_ms = max(last_ms, excluded.last_ms)`,
    );
    for (const d of deltas) for (let k = 0; k < 7; k++) edgeUpserts.add(d[k] as SQLInputValue);
    edgeUpserts.flush();
    if (previousRids.length > 0) {
      // Entities that only the old versions of these articles used are gone with them.
      this.sql('DELETE FROM entities WHERE rid IN (SELECT value FROM json_each(?)) AND article_count <= 0').run(JSON.stringify(previousRids));
    }
    return results;
  }

  /** Subtracts everything a stored article added to the aggregates; returns the entity rids it used. */
  private removeContributions(old: StoredArticle): number[] {
    const lo = old.seq * ROWS_PER_ARTICLE;
    const hi = lo + ROWS_PER_ARTICLE;
    const entityRids = JSON.parse(old.entity_rids) as number[];
    const edgeCounts = new Map<string, { s: number; p: string; o: number; claims: number }>();
    const oldClaims = this.sql('SELECT subject_rid, predicate, object_rid FROM claims WHERE id >= ? AND id < ?').all(lo, hi) as Array<{
      subject_rid: number;
      predicate: string;
      object_rid: number;
    }>;
    for (const c of oldClaims) {
      const key = `${c.subject_rid} ${c.predicate} ${c.object_rid}`;
      const agg = edgeCounts.get(key);
      if (agg) agg.claims += 1;
      else edgeCounts.set(key, { s: c.subject_rid, p: c.predicate, o: c.object_rid, claims: 1 });
    }
    this.sql('DELETE FROM mentions WHERE id >= ? AND id < ?').run(lo, hi);
    this.sql('DELETE FROM claims WHERE id >= ? AND id < ?').run(lo, hi);
    const entityLink = this.sql('SELECT mention_count FROM article_entities WHERE rid = ? AND event_ms = ? AND article_seq = ?');
    const dropEntityLink = this.sql('DELETE FROM article_entities WHERE rid = ? AND event_ms = ? AND article_seq = ?');
    const updateEntity = this.sql(
      `UPDATE entities SET article_count = article_count - 1, mention_count = mention_count - ?2,
         first_ms = (SELECT min(event_ms) FROM article_entities WHERE rid = ?1),
         last_ms = (SELECT max(event_ms) FROM article_entities WHERE rid = ?1)
       WHERE rid = ?1`,
    );
    for (const rid of entityRids) {
      const link = entityLink.get(rid, old.event_ms, old.seq) as { mention_count: number } | undefined;
      if (!link) continue;
      dropEntityLink.run(rid, old.event_ms, old.seq);
      updateEntity.run(rid, link.mention_count);
    }
    const dropEdgeLink = this.sql('DELETE FROM edge_articles WHERE subject_rid = ? AND predicate = ? AND object_rid = ? AND event_ms = ? AND article_seq = ?');
    const dropEdge = this.sql('DELETE FROM edges WHERE subject_rid = ? AND predicate = ? AND object_rid = ? AND article_count <= 1');
    const updateEdge = this.sql(
      `UPDATE edges SET article_count = article_count - 1, claim_count = claim_count - ?4,
         first_ms = (SELECT min(event_ms) FROM edge_articles WHERE subject_rid = ?1 AND predicate = ?2 AND object_rid = ?3),
         last_ms = (SELECT max(event_ms) FROM edge_articles WHERE subject_rid = ?1 AND predicate = ?2 AND object_rid = ?3)
       WHERE subject_rid = ?1 AND predicate = ?2 AND object_rid = ?3`,
    );
    for (const e of edgeCounts.values()) {
      dropEdgeLink.run(e.s, e.p, e.o, old.event_ms, old.seq);
      if (dropEdge.run(e.s, e.p, e.o).changes === 0) updateEdge.run(e.s, e.p, e.o, e.claims);
    }
    return entityRids;
  }

  /**
   * Merges the batch's entities into the stored ones (in document order), adds their article
   * and mention counts in one upsert, and returns every entity's row id.
   */
  private upsertEntities(docs: PreparedDocument[]): Map<string, number> {
    interface Merged {
      rid: number;
      type: string;
      name: string;
      aliases: string[];
      attributes: EntityAttributes;
      /** Stored alias count (new aliases get search keys); -1 for a new entity. */
      known: number;
      articles: number;
      mentions: number;
      first: number;
      last: number;
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
            m = { rid: row.rid, type: entity.type, name: row.name, aliases, attributes: JSON.parse(row.attributes) as EntityAttributes, known: aliases.length, articles: 0, mentions: 0, first: doc.eventMs, last: doc.eventMs };
          } else {
            if (nextRid < 0) nextRid = ((this.sql('SELECT max(rid) AS m FROM entities').get() as { m: number | null }).m ?? 0) + 1;
            m = { rid: nextRid++, type: entity.type, name: entity.name, aliases: [], attributes: {}, known: -1, articles: 0, mentions: 0, first: doc.eventMs, last: doc.eventMs };
          }
          merged.set(entity.id, m);
          rids.set(entity.id, m.rid);
        }
        // Most uses repeat a known name and aliases: merge only when something is new.
        const known = m;
        const isKnown = (label: string) => label === known.name || known.aliases.includes(label);
        if (!isKnown(entity.name) || !entity.aliases.every(isKnown)) m.aliases = mergeAliases(m.name, m.aliases, [entity.name], entity.aliases);
        Object.assign(m.attributes, entity.attributes);
        m.articles += 1;
        m.mentions += doc.mentionCounts.get(entity.id) ?? 0;
        if (doc.eventMs < m.first) m.first = doc.eventMs;
        if (doc.eventMs > m.last) m.last = doc.eventMs;
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
      for (const value of [m.rid, id, m.type, m.name, JSON.stringify(m.aliases), JSON.stringify(m.attributes), m.articles, m.mentions, m.first, m.last]) {
        upserts.add(value);
      }
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

  async searchEntities(query: string, options: { types?: EntityType[]; limit?: number } = {}): Promise<EntitySummary[]> {
    const limit = checkLimit(options.limit, 20);
    const folded = foldForSearch(String(query));
    if (!folded) return [];
    const rows = this.sql(
      `SELECT e.id, e.type, e.name, e.aliases, e.article_count
       FROM (SELECT rid, max(key = ?1 AND is_full = 1) AS exact FROM entity_names
             WHERE key >= ?1 AND key < ?2 GROUP BY rid) AS m
       JOIN entities e ON e.rid = m.rid
       WHERE ?3 IS NULL OR e.type IN (SELECT value FROM json_each(?3))
       ORDER BY m.exact DESC, e.article_count DESC, e.name, e.id
       LIMIT ?4`,
    ).all(folded, prefixUpperBound(folded), jsonList(options.types), limit) as unknown as SummaryRow[];
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

  async neighbors(id: string, query: NeighborQuery = {}): Promise<Neighbor[]> {
    const direction = query.direction ?? 'both';
    if (direction !== 'out' && direction !== 'in' && direction !== 'both') throw new InputError('direction', `must be out, in or both (got ${String(direction)})`);
    const limit = checkLimit(query.limit, DEFAULT_LIMIT);
    const since = msOf(sinceBound(query.since));
    const until = msOf(untilBound(query.until));
    const rid = this.ridOf(id);
    if (rid === undefined) return [];
    const params: Record<string, SQLInputValue> = {
      rid,
      wantOut: direction === 'in' ? 0 : 1,
      wantIn: direction === 'out' ? 0 : 1,
      preds: jsonList(query.predicates),
      types: jsonList(query.types),
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

  async shortestPaths(fromId: string, toId: string, query: PathQuery = {}): Promise<GraphPath[]> {
    const maxHops = checkLimit(query.maxHops, 4, 'maxHops', 6);
    const limit = checkLimit(query.limit, 5, 'limit', 100);
    const preds = jsonList(query.predicates);
    const from = this.ridOf(fromId);
    const to = this.ridOf(toId);
    if (from === undefined || to === undefined) return [];

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
    const between = this.sql(
      `SELECT s.id AS subject_id, e.predicate, o.id AS object_id, e.article_count FROM edges e
       JOIN entities s ON s.rid = e.subject_rid JOIN entities o ON o.rid = e.object_rid
       WHERE ((e.subject_rid = ?1 AND e.object_rid = ?2) OR (e.subject_rid = ?2 AND e.object_rid = ?1))
         AND e.predicate IN (SELECT value FROM json_each(?3))
       ORDER BY e.article_count DESC, e.predicate, s.id
       LIMIT 1`,
    );
    const predicateList = preds ?? JSON.stringify(PREDICATES);
    const sequences = findShortestPaths(from, to, neighborsOf, { maxHops, ...this.pathLimits });
    const edgeCache = new Map<string, PathEdge | undefined>();
    const bestEdge = (a: number, b: number): PathEdge | undefined => {
      const key = `${a} ${b}`;
      if (!edgeCache.has(key)) {
        const row = between.get(a, b, predicateList) as EdgeRow | undefined;
        edgeCache.set(key, row ? { subjectId: row.subject_id, predicate: row.predicate, objectId: row.object_id, articleCount: row.article_count } : undefined);
      }
      return edgeCache.get(key);
    };
    const summaries = this.summariesByRid(sequences.flat());
    const scored: Array<{ nodes: EntitySummary[]; edges: PathEdge[]; score: number; key: string }> = [];
    for (const rids of sequences) {
      const edges: PathEdge[] = [];
      for (let i = 0; i + 1 < rids.length; i++) {
        const edge = bestEdge(rids[i]!, rids[i + 1]!);
        if (edge) edges.push(edge);
      }
      const nodes = rids.map((r) => summaries.get(r)!);
      if (edges.length !== rids.length - 1 || nodes.some((n) => !n)) continue;
      scored.push({ nodes, edges, score: edges.reduce((sum, e) => sum + e.articleCount, 0), key: nodes.map((n) => n.id).join('\u0000') });
    }
    scored.sort((x, y) => y.score - x.score || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    return scored.slice(0, limit).map((p) => ({ nodes: p.nodes, edges: p.edges }));
  }

  private summariesByRid(rids: number[]): Map<number, EntitySummary> {
    const rows = this.sql('SELECT rid, id, type, name, aliases, article_count FROM entities WHERE rid IN (SELECT value FROM json_each(?))').all(
      JSON.stringify([...new Set(rids)]),
    ) as unknown as Array<SummaryRow & { rid: number }>;
    return new Map(rows.map((r) => [r.rid, summaryOf(r)]));
  }

  async evidence(query: EvidenceQuery): Promise<EvidenceRecord[]> {
    const limit = checkLimit(query.limit, 100);
    let s = query.subjectId;
    let o = query.objectId;
    const p = query.predicate ?? null;
    if (p !== null && SYMMETRIC_PREDICATES.has(p) && o < s) [s, o] = [o, s];
    const sr = this.ridOf(s);
    const or = this.ridOf(o);
    if (sr === undefined || or === undefined) return [];
    // Claims are found through the edge's per-article rows (primary-key lookups), then the few
    // claims of each such article (a rowid range): no index on claims is needed.
    const keys = p !== null ? [[sr, p, or]] : PREDICATES.flatMap((pred) => (sr === or ? [[sr, pred, or]] : [[sr, pred, or], [or, pred, sr]]));
    const rows = this.sql(
      `WITH wanted (s, p, o) AS (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?1))
       SELECT se.id AS subject_id, c.predicate, oe.id AS object_id, c.sentence, c.start, c."end", c.rule, c.confidence,
              a.id AS article_id, a.url, a.title, a.outlet, a.published_at
       FROM wanted w
       JOIN edge_articles ea ON ea.subject_rid = w.s AND ea.predicate = w.p AND ea.object_rid = w.o
       JOIN articles a ON a.seq = ea.article_seq
       JOIN claims c ON c.id >= ea.article_seq * ${ROWS_PER_ARTICLE} AND c.id < (ea.article_seq + 1) * ${ROWS_PER_ARTICLE}
         AND c.subject_rid = ea.subject_rid AND c.predicate = ea.predicate AND c.object_rid = ea.object_rid
       JOIN entities se ON se.rid = c.subject_rid
       JOIN entities oe ON oe.rid = c.object_rid
       ORDER BY ea.event_ms DESC, a.id, c.start, c.predicate, se.id, c.rule, c.id
       LIMIT ?2`,
    ).all(JSON.stringify(keys), limit) as Array<{
      subject_id: string;
      predicate: Predicate;
      object_id: string;
      sentence: string;
      start: number;
      end: number;
      rule: string;
      confidence: number;
      article_id: string;
      url: string;
      title: string;
      outlet: string | null;
      published_at: string | null;
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
      article: { id: r.article_id, url: r.url, title: r.title, outlet: r.outlet, publishedAt: r.published_at },
    }));
  }

  async topEntities(query: TopQuery = {}): Promise<EntityCount[]> {
    const limit = checkLimit(query.limit, 20);
    const since = msOf(sinceBound(query.since));
    const types = jsonList(query.types);
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

  async coMentioned(id: string, options: { limit?: number } = {}): Promise<EntityCount[]> {
    const limit = checkLimit(options.limit, 20);
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

  async addPublication(articleId: string, publication: Publication): Promise<void> {
    const input = `publication ${String(publication?.url)} of article ${articleId}`;
    if (typeof publication?.url !== 'string' || publication.url === '') throw new InputError(input, 'url must be a non-empty string');
    if (typeof publication.title !== 'string') throw new InputError(input, 'title must be a string');
    const fetched = toUtcInstant(publication.fetchedAt, `${input} fetchedAt`);
    const sortDate = publication.publishedAt ? toUtcInstant(publication.publishedAt, `${input} publishedAt`) : fetched;
    this.transaction(() => {
      const exists = this.sql('SELECT 1 FROM articles WHERE id = ?').get(articleId);
      if (!exists) throw new InputError(`article ${articleId}`, 'is not stored; cannot add a publication to it');
      this.sql(
        `INSERT INTO publications (article_id, url, title, outlet, published_at, fetched_at, sort_date) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (article_id, url) DO UPDATE SET title = excluded.title, outlet = excluded.outlet,
           published_at = excluded.published_at, fetched_at = excluded.fetched_at, sort_date = excluded.sort_date`,
      ).run(articleId, publication.url, publication.title, publication.outlet ?? null, publication.publishedAt ?? null, publication.fetchedAt, sortDate);
    });
  }

  async listPublications(articleId: string): Promise<Publication[]> {
    const rows = this.sql(
      'SELECT url, title, outlet, published_at, fetched_at FROM publications WHERE article_id = ? ORDER BY sort_date, url',
    ).all(articleId) as Array<{ url: string; title: string; outlet: string | null; published_at: string | null; fetched_at: string }>;
    return rows.map((r) => ({ url: r.url, title: r.title, outlet: r.outlet, publishedAt: r.published_at, fetchedAt: r.fetched_at }));
  }

  async *exportEntities(filter: ExportFilter = {}): AsyncIterable<ExportEntity> {
    const since = msOf(sinceBound(filter.since, 'since'));
    const types = jsonList(filter.types);
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

  async *exportEdges(filter: ExportFilter = {}): AsyncIterable<ExportEdge> {
    const since = msOf(sinceBound(filter.since, 'since'));
    const types = jsonList(filter.types);
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

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.statements.clear();
    this.db.close();
  }
}
