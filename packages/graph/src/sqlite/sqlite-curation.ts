import type { DatabaseSync } from 'node:sqlite';
import { parseCurationAction, type CurationEntry } from '@newsgraph/shared';
import type { CurationBackend } from '../interfaces/curation-backend.ts';
import { searchKeysFor } from '../search-keys.ts';

interface LogRow {
  seq: number;
  id: string;
  at: string;
  author: string;
  reason: string;
  action: string;
  undone_at: string | null;
  undone_by: string | null;
  undo_reason: string | null;
}

function toEntry(row: LogRow): CurationEntry {
  return {
    id: row.id,
    seq: row.seq,
    at: row.at,
    author: row.author,
    reason: row.reason,
    // Stored by appendCuration from a validated action; parsed again so a hand-edited row fails loudly.
    action: parseCurationAction(JSON.parse(row.action), `curation_log row ${row.seq}`),
    undoneAt: row.undone_at,
    undoneBy: row.undone_by,
    undoReason: row.undo_reason,
  };
}

/**
 * The curation log of the SQLite store (table `curation_log`, migration 3), and the reads and
 * the rename that applying it needs. `write` runs a function inside the backend's write lock and
 * one transaction, as every other SQLite write.
 */
export class SqliteCuration implements CurationBackend {
  private readonly db: DatabaseSync;
  private readonly write: <T>(work: () => T) => Promise<T>;

  constructor(db: DatabaseSync, write: <T>(work: () => T) => Promise<T>) {
    this.db = db;
    this.write = write;
  }

  async curationLog(): Promise<CurationEntry[]> {
    return (this.db.prepare('SELECT * FROM curation_log ORDER BY seq').all() as unknown as LogRow[]).map(toEntry);
  }

  appendCuration(entry: Omit<CurationEntry, 'seq'>): Promise<CurationEntry> {
    return this.write(() => {
      const row = this.db
        .prepare(
          `INSERT INTO curation_log (seq, id, at, author, reason, action, undone_at, undone_by, undo_reason)
           VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM curation_log), ?, ?, ?, ?, ?, NULL, NULL, NULL) RETURNING *`,
        )
        .get(entry.id, entry.at, entry.author, entry.reason, JSON.stringify(entry.action)) as unknown as LogRow;
      return toEntry(row);
    });
  }

  markCurationUndone(id: string, undoneAt: string, undoneBy: string, undoReason: string): Promise<CurationEntry | null> {
    return this.write(() => {
      const row = this.db
        .prepare('UPDATE curation_log SET undone_at = ?, undone_by = ?, undo_reason = ? WHERE id = ? AND undone_at IS NULL RETURNING *')
        .get(undoneAt, undoneBy, undoReason, id) as unknown as LogRow | undefined;
      return row ? toEntry(row) : null;
    });
  }

  async curationRevision(): Promise<string> {
    const row = this.db.prepare('SELECT coalesce(max(seq), 0) AS last, count(undone_at) AS undone FROM curation_log').get() as { last: number; undone: number };
    return `${row.last}:${row.undone}`;
  }

  async articleIdsMentioning(entityIds: string[], limit: number): Promise<string[]> {
    const rows = this.db
      .prepare(
        `SELECT a.id FROM articles a WHERE a.seq IN (
           SELECT ae.article_seq FROM article_entities ae JOIN entities e ON e.rid = ae.rid
           WHERE e.id IN (SELECT value FROM json_each(?1)))
         ORDER BY a.seq LIMIT ?2`,
      )
      .all(JSON.stringify(entityIds), limit) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  setEntityNames(id: string, name: string, aliases: string[]): Promise<boolean> {
    return this.write(() => {
      const row = this.db.prepare('SELECT rid FROM entities WHERE id = ?').get(id) as { rid: number } | undefined;
      if (!row) return false;
      this.db.prepare('UPDATE entities SET name = ?, aliases = ? WHERE rid = ?').run(name, JSON.stringify(aliases), row.rid);
      this.db.prepare('DELETE FROM entity_names WHERE rid = ?').run(row.rid);
      const insert = this.db.prepare('INSERT INTO entity_names (key, rid, is_full) VALUES (?, ?, ?) ON CONFLICT (key, rid) DO UPDATE SET is_full = max(is_full, excluded.is_full)');
      for (const label of [name, ...aliases]) searchKeysFor(label).forEach((key, i) => insert.run(key, row.rid, i === 0 ? 1 : 0));
      return true;
    });
  }
}
