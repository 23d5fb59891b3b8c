import type { DatabaseSync } from 'node:sqlite';
import type { AliasEvent, AliasEventKind, StoredAliasEvent } from '../interfaces/alias-store.ts';
import type { AliasBackend } from '../interfaces/store-backend.ts';

interface EventRow {
  entity_id: string;
  seq: number;
  article_id: string;
  kind: string;
  alias: string;
  reason: string;
}

/**
 * The alias index of the SQLite store (tables `alias_learning` and `alias_events`, migration 4).
 * `write` runs a function inside the backend's write lock and one transaction.
 */
export class SqliteAliases implements AliasBackend {
  private readonly db: DatabaseSync;
  private readonly write: <T>(work: () => T) => Promise<T>;

  constructor(db: DatabaseSync, write: <T>(work: () => T) => Promise<T>) {
    this.db = db;
    this.write = write;
  }

  recordAliases(articleId: string, learning: string, events: AliasEvent[]): Promise<number | null> {
    return this.write(() => this.recordInTransaction(articleId, learning, events));
  }

  /** recordAliases inside a write transaction the caller holds (the article write's own). */
  recordInTransaction(articleId: string, learning: string, events: AliasEvent[]): number | null {
    if (!this.db.prepare('SELECT 1 FROM articles WHERE id = ?').get(articleId)) return null;
    this.db.prepare('DELETE FROM alias_events WHERE article_id = ?').run(articleId);
    this.db.prepare('DELETE FROM alias_learning WHERE article_id = ?').run(articleId);
    const { seq } = this.db.prepare('INSERT INTO alias_learning (article_id, learning) VALUES (?, ?) RETURNING seq').get(articleId, learning) as { seq: number };
    const insert = this.db.prepare('INSERT INTO alias_events (entity_id, seq, article_id, kind, alias, reason) VALUES (?, ?, ?, ?, ?, ?)');
    for (const e of events) insert.run(e.entityId, seq, articleId, e.kind, e.alias, e.reason);
    return seq;
  }

  async aliasLearnings(afterSeq: number, limit: number): Promise<Array<{ seq: number; articleId: string; learning: string }>> {
    const rows = this.db.prepare('SELECT seq, article_id, learning FROM alias_learning WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as Array<{ seq: number; article_id: string; learning: string }>;
    return rows.map((r) => ({ seq: r.seq, articleId: r.article_id, learning: r.learning }));
  }

  async aliasLearningsOf(articleIds: string[]): Promise<Array<{ seq: number; articleId: string; learning: string }>> {
    const rows = this.db
      .prepare('SELECT seq, article_id, learning FROM alias_learning WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY seq')
      .all(JSON.stringify(articleIds)) as Array<{ seq: number; article_id: string; learning: string }>;
    return rows.map((r) => ({ seq: r.seq, articleId: r.article_id, learning: r.learning }));
  }

  async aliasEvents(entityIds: string[], articleIds: string[] | null, limit: number): Promise<StoredAliasEvent[]> {
    const rows = this.db
      .prepare(
        `SELECT entity_id, seq, article_id, kind, alias, reason FROM alias_events
         WHERE entity_id IN (SELECT value FROM json_each(?1))
           AND (?2 IS NULL OR article_id IN (SELECT value FROM json_each(?2)))
         ORDER BY seq DESC, kind, alias, entity_id LIMIT ?3`,
      )
      .all(JSON.stringify(entityIds), articleIds === null ? null : JSON.stringify(articleIds), limit) as unknown as EventRow[];
    return rows.map((r) => ({ kind: r.kind as AliasEventKind, entityId: r.entity_id, alias: r.alias, reason: r.reason, articleId: r.article_id, seq: r.seq }));
  }
}
