import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { CrawlState, FailedPageEntry, FeedValidators, PendingEntry, PendingWorkState } from './crawl-state.ts';

/** Columns added to pending_pages after the first release (the retry schedule survives restarts). */
const PENDING_COLUMNS: Record<string, string> = {
  attempts: 'INTEGER NOT NULL DEFAULT 0',
  retry_at: 'INTEGER',
  last_error: 'TEXT',
};

const SCHEMA = `
CREATE TABLE IF NOT EXISTS feed_validators (
  feed_url TEXT PRIMARY KEY,
  etag TEXT,
  last_modified TEXT,
  last_polled_at TEXT
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS seen_urls (
  url TEXT PRIMARY KEY,
  article_id TEXT NOT NULL,
  first_seen_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pending_pages (
  url TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  added_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS failed_pages (
  url TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  reason TEXT NOT NULL,
  failed_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS near_duplicates (
  scheme TEXT NOT NULL,
  id TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  PRIMARY KEY (scheme, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS near_duplicate_bands (
  scheme TEXT NOT NULL,
  band TEXT NOT NULL,
  id TEXT NOT NULL,
  PRIMARY KEY (scheme, band, id)
) WITHOUT ROWID;
`;

/**
 * Crawl state in a SQLite file (node:sqlite), by default ./data/crawl-state.db next to the graph
 * (crawlStatePathFor). WAL mode and a busy timeout let a CLI run and a crawler share the file;
 * every write is a single statement or one transaction, so a crash never leaves half a record.
 */
export class SqliteCrawlState implements CrawlState, PendingWorkState {
  readonly path: string;
  private readonly db: DatabaseSync;
  private readonly statements: Record<string, StatementSync>;
  private closed = false;

  constructor(path: string) {
    this.path = path;
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path);
    this.db.exec('PRAGMA busy_timeout = 5000');
    if (path !== ':memory:') this.db.exec('PRAGMA journal_mode = WAL');
    this.db.exec('PRAGMA synchronous = NORMAL');
    this.db.exec(SCHEMA);
    const columns = new Set((this.db.prepare('PRAGMA table_info(pending_pages)').all() as Array<{ name: string }>).map((c) => c.name));
    for (const [name, type] of Object.entries(PENDING_COLUMNS)) {
      if (!columns.has(name)) this.db.exec(`ALTER TABLE pending_pages ADD COLUMN ${name} ${type}`);
    }
    const prepare = (sql: string) => this.db.prepare(sql);
    this.statements = {
      getValidators: prepare('SELECT etag, last_modified, last_polled_at FROM feed_validators WHERE feed_url = ?'),
      setValidators: prepare(
        'INSERT INTO feed_validators (feed_url, etag, last_modified, last_polled_at) VALUES (?, ?, ?, ?) ' +
          'ON CONFLICT (feed_url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, last_polled_at = excluded.last_polled_at',
      ),
      claim: prepare('INSERT OR IGNORE INTO seen_urls (url, article_id, first_seen_at) VALUES (?, ?, ?)'),
      seen: prepare('SELECT article_id FROM seen_urls WHERE url = ?'),
      release: prepare('DELETE FROM seen_urls WHERE url = ?'),
      count: prepare('SELECT count(*) AS n FROM seen_urls'),
      addFingerprint: prepare('INSERT OR REPLACE INTO near_duplicates (scheme, id, fingerprint) VALUES (?, ?, ?)'),
      addPending: prepare('INSERT OR IGNORE INTO pending_pages (url, data, added_at) VALUES (?, ?, ?)'),
      finishPending: prepare('DELETE FROM pending_pages WHERE url = ?'),
      listPending: prepare('SELECT url, data FROM pending_pages ORDER BY added_at, url'),
      listPendingEntries: prepare('SELECT url, data, attempts, retry_at FROM pending_pages ORDER BY added_at, url'),
      scheduleRetry: prepare('UPDATE pending_pages SET attempts = ?, retry_at = ?, last_error = ? WHERE url = ?'),
      getPending: prepare('SELECT data FROM pending_pages WHERE url = ?'),
      addFailed: prepare(
        'INSERT INTO failed_pages (url, data, attempts, reason, failed_at) VALUES (?, ?, ?, ?, ?) ' +
          'ON CONFLICT (url) DO UPDATE SET data = excluded.data, attempts = excluded.attempts, reason = excluded.reason, failed_at = excluded.failed_at',
      ),
      listFailed: prepare('SELECT url, data, attempts, reason, failed_at FROM failed_pages ORDER BY failed_at DESC, url LIMIT ?'),
      getFailed: prepare('SELECT data FROM failed_pages WHERE url = ?'),
      allFailed: prepare('SELECT url, data FROM failed_pages ORDER BY failed_at, url'),
      deleteFailed: prepare('DELETE FROM failed_pages WHERE url = ?'),
      revivePending: prepare(
        'INSERT INTO pending_pages (url, data, added_at, attempts, retry_at, last_error) VALUES (?, ?, ?, 0, NULL, NULL) ' +
          'ON CONFLICT (url) DO UPDATE SET attempts = 0, retry_at = NULL, last_error = NULL',
      ),
      addBand: prepare('INSERT OR IGNORE INTO near_duplicate_bands (scheme, band, id) VALUES (?, ?, ?)'),
    };
  }

  private check(): void {
    if (this.closed) throw new Error(`crawl state ${this.path} is closed`);
  }

  async getValidators(feedUrl: string): Promise<FeedValidators | null> {
    this.check();
    const row = this.statements.getValidators!.get(feedUrl) as { etag: string | null; last_modified: string | null; last_polled_at: string | null } | undefined;
    return row ? { etag: row.etag, lastModified: row.last_modified, lastPolledAt: row.last_polled_at } : null;
  }

  async setValidators(feedUrl: string, v: FeedValidators): Promise<void> {
    this.check();
    this.statements.setValidators!.run(feedUrl, v.etag, v.lastModified, v.lastPolledAt);
  }

  async claimUrl(canonicalUrl: string, articleId: string): Promise<boolean> {
    this.check();
    const result = this.statements.claim!.run(canonicalUrl, articleId, new Date().toISOString());
    return Number(result.changes) === 1;
  }

  async seenArticleId(canonicalUrl: string): Promise<string | null> {
    this.check();
    const row = this.statements.seen!.get(canonicalUrl) as { article_id: string } | undefined;
    return row?.article_id ?? null;
  }

  async releaseUrl(canonicalUrl: string): Promise<void> {
    this.check();
    this.statements.release!.run(canonicalUrl);
  }

  async seenCount(): Promise<number> {
    this.check();
    return Number((this.statements.count!.get() as { n: number | bigint }).n);
  }

  async addPending(entries: Array<{ url: string; data: string }>): Promise<void> {
    this.check();
    if (entries.length === 0) return;
    const at = new Date().toISOString();
    // One transaction: a feed's batch is journaled whole or not at all.
    this.#transaction(() => {
      for (const e of entries) this.statements.addPending!.run(e.url, e.data, at);
    });
  }

  async finishPending(url: string): Promise<void> {
    this.check();
    this.statements.finishPending!.run(url);
  }

  async listPending(): Promise<Array<{ url: string; data: string }>> {
    this.check();
    return this.statements.listPending!.all() as Array<{ url: string; data: string }>;
  }

  async listPendingEntries(): Promise<PendingEntry[]> {
    this.check();
    const rows = this.statements.listPendingEntries!.all() as Array<{ url: string; data: string; attempts: number | bigint; retry_at: number | bigint | null }>;
    return rows.map((r) => ({ url: r.url, data: r.data, attempts: Number(r.attempts), retryAt: r.retry_at === null ? null : Number(r.retry_at) }));
  }

  async schedulePendingRetry(url: string, attempts: number, retryAt: number, reason: string): Promise<void> {
    this.check();
    this.statements.scheduleRetry!.run(attempts, Math.round(retryAt), reason, url);
  }

  async failPending(url: string, attempts: number, reason: string): Promise<void> {
    this.check();
    this.#transaction(() => {
      const row = this.statements.getPending!.get(url) as { data: string } | undefined;
      if (!row) return;
      this.statements.addFailed!.run(url, row.data, attempts, reason, new Date().toISOString());
      this.statements.finishPending!.run(url);
    });
  }

  async listFailedPages(limit = 1000): Promise<FailedPageEntry[]> {
    this.check();
    const rows = this.statements.listFailed!.all(limit) as Array<{ url: string; data: string; attempts: number | bigint; reason: string; failed_at: string }>;
    return rows.map((r) => ({ url: r.url, data: r.data, attempts: Number(r.attempts), reason: r.reason, failedAt: r.failed_at }));
  }

  async reviveFailedPages(urls?: string[]): Promise<string[]> {
    this.check();
    const revived: string[] = [];
    const at = new Date().toISOString();
    this.#transaction(() => {
      const rows = urls
        ? urls.flatMap((url) => {
            const row = this.statements.getFailed!.get(url) as { data: string } | undefined;
            return row ? [{ url, data: row.data }] : [];
          })
        : (this.statements.allFailed!.all() as Array<{ url: string; data: string }>);
      for (const row of rows) {
        this.statements.revivePending!.run(row.url, row.data, at);
        this.statements.deleteFailed!.run(row.url);
        revived.push(row.url);
      }
    });
    return revived;
  }

  #transaction(fn: () => void): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      fn();
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  async addNearDuplicate(scheme: string, id: string, fingerprint: string, bands: string[]): Promise<void> {
    this.check();
    this.#transaction(() => {
      this.statements.addFingerprint!.run(scheme, id, fingerprint);
      for (const band of bands) this.statements.addBand!.run(scheme, band, id);
    });
  }

  /** One prepared statement per number of bands (1 for exact hashes, 16 for MinHash): preparing costs more than the query. */
  readonly #candidateStatements = new Map<number, StatementSync>();

  #candidatesStatement(bands: number): StatementSync {
    let statement = this.#candidateStatements.get(bands);
    if (!statement) {
      const placeholders = Array.from({ length: bands }, () => '?').join(', ');
      statement = this.db.prepare(
        `SELECT DISTINCT d.id AS id, d.fingerprint AS fingerprint FROM near_duplicate_bands b ` +
          `JOIN near_duplicates d ON d.scheme = b.scheme AND d.id = b.id WHERE b.scheme = ? AND b.band IN (${placeholders})`,
      );
      this.#candidateStatements.set(bands, statement);
    }
    return statement;
  }

  async nearDuplicateCandidates(scheme: string, bands: string[]): Promise<Array<[string, string]>> {
    this.check();
    if (bands.length === 0) return [];
    const rows = this.#candidatesStatement(bands.length).all(scheme, ...bands) as Array<{ id: string; fingerprint: string }>;
    return rows.map((r) => [r.id, r.fingerprint]);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}
