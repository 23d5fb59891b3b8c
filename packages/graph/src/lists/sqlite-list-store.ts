import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { InputError, type EntityType, type ListEntry, type ListVersion, type Listing, type ListingLink } from '@newsgraph/shared';
import type { EntitySummary } from '../interfaces/graph-store.ts';
import type { ListedEntity, ListedQuery, ListStore, ReplaceListInput, StoredList } from '../interfaces/list-store.ts';
import { checkLimit } from '../core/store-limits.ts';
import { LIST_MIGRATIONS } from './sqlite-list-migrations.ts';
import { checkLinksInScope, compareListings, entryFromJson, validateReplaceInput, versionOf } from './list-replacement.ts';

type Row = Record<string, SQLInputValue>;

const ENTRY_COLUMNS = 'e.list, e.id, e.type, e.name, e.aliases, e.programs, e.listed_on, e.nationalities, e.countries, e.identifiers, e.remarks';
const LINK_COLUMNS = 'l.entity_id, l.list AS link_list, l.entry_id, l.score, l.features, l.matched_name';

function listingOf(row: Row): Listing {
  return {
    entityId: String(row.entity_id),
    list: String(row.link_list),
    entryId: String(row.entry_id),
    score: Number(row.score),
    features: JSON.parse(String(row.features)) as Listing['features'],
    matchedName: String(row.matched_name),
    entry: entryFromJson(row),
  };
}

function versionOfRow(row: Row): ListVersion {
  return {
    list: String(row.list),
    format: row.format as ListVersion['format'],
    versionDate: (row.version_date ?? null) as string | null,
    importedAt: String(row.imported_at),
    source: String(row.source),
    entryCount: Number(row.entry_count),
    added: JSON.parse(String(row.added)) as string[],
    removed: JSON.parse(String(row.removed)) as string[],
  };
}

/** The list tables of the embedded store, on the store's own connection (see sqlite-list-migrations.ts). */
export class SqliteListStore implements ListStore {
  private readonly db: DatabaseSync;
  private readonly path: string;

  constructor(db: DatabaseSync, path: string) {
    this.db = db;
    this.path = path;
  }

  private transaction<T>(work: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  async migrate(): Promise<void> {
    this.db.exec('CREATE TABLE IF NOT EXISTS list_schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const current = () => Number((this.db.prepare('SELECT coalesce(max(version), 0) AS v FROM list_schema_migrations').get() as Row).v);
    const latest = LIST_MIGRATIONS[LIST_MIGRATIONS.length - 1]!.version;
    if (current() > latest) throw new InputError(this.path, `list schema version ${current()} is newer than this newsgraph supports (${latest}); upgrade newsgraph`);
    for (const migration of LIST_MIGRATIONS) {
      if (migration.version <= current()) continue;
      try {
        this.transaction(() => {
          if (current() >= migration.version) return;
          this.db.exec(migration.sql);
          this.db.prepare('INSERT INTO list_schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, new Date().toISOString());
        });
      } catch (error) {
        throw new Error(`${this.path}: list migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`, { cause: error });
      }
    }
  }

  async replaceList(input: ReplaceListInput): Promise<ListVersion> {
    validateReplaceInput(input);
    return this.transaction(() => {
      const stored = (this.db.prepare('SELECT id FROM list_entries WHERE list = ?').all(input.list) as Row[]).map((r) => String(r.id));
      const version = versionOf(input, stored);
      this.db
        .prepare(
          `INSERT INTO lists (name, format, version_date, imported_at, source, entry_count) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET format = excluded.format, version_date = excluded.version_date, imported_at = excluded.imported_at,
             source = excluded.source, entry_count = excluded.entry_count`,
        )
        .run(input.list, input.format, input.versionDate, version.importedAt, input.source, input.entries.length);
      const remove = this.db.prepare('DELETE FROM list_entries WHERE list = ? AND id = ?');
      for (const id of version.removed) remove.run(input.list, id);
      const upsert = this.db.prepare(
        `INSERT INTO list_entries (list, id, type, name, aliases, programs, listed_on, nationalities, countries, identifiers, remarks)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (list, id) DO UPDATE SET type = excluded.type, name = excluded.name, aliases = excluded.aliases, programs = excluded.programs,
           listed_on = excluded.listed_on, nationalities = excluded.nationalities, countries = excluded.countries,
           identifiers = excluded.identifiers, remarks = excluded.remarks`,
      );
      this.db.prepare('DELETE FROM list_entry_programs WHERE list = ?').run(input.list);
      const program = this.db.prepare('INSERT OR IGNORE INTO list_entry_programs (program, list, entry_id) VALUES (?, ?, ?)');
      for (const e of input.entries) {
        upsert.run(e.list, e.id, e.type, e.name, JSON.stringify(e.aliases), JSON.stringify(e.programs), e.listedOn, JSON.stringify(e.nationalities), JSON.stringify(e.countries), JSON.stringify(e.identifiers), e.remarks);
        for (const p of e.programs) program.run(p, e.list, e.id);
      }
      const seq = Number((this.db.prepare('SELECT coalesce(max(seq), 0) + 1 AS seq FROM list_versions WHERE list = ?').get(input.list) as Row).seq);
      this.db
        .prepare('INSERT INTO list_versions (list, seq, format, version_date, imported_at, source, entry_count, added, removed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(input.list, seq, input.format, input.versionDate, version.importedAt, input.source, input.entries.length, JSON.stringify(version.added), JSON.stringify(version.removed));
      return version;
    });
  }

  async removeList(name: string): Promise<boolean> {
    return this.transaction(() => {
      this.db.prepare('DELETE FROM entity_listings WHERE list = ?').run(name);
      this.db.prepare('DELETE FROM list_entry_programs WHERE list = ?').run(name);
      this.db.prepare('DELETE FROM list_entries WHERE list = ?').run(name);
      this.db.prepare('DELETE FROM list_versions WHERE list = ?').run(name);
      return Number(this.db.prepare('DELETE FROM lists WHERE name = ?').run(name).changes) > 0;
    });
  }

  async lists(): Promise<StoredList[]> {
    const rows = this.db.prepare('SELECT * FROM lists ORDER BY name').all() as Row[];
    return rows.map((r) => ({
      name: String(r.name),
      format: r.format as StoredList['format'],
      versionDate: (r.version_date ?? null) as string | null,
      importedAt: String(r.imported_at),
      source: String(r.source),
      entryCount: Number(r.entry_count),
      versions: (this.db.prepare('SELECT * FROM list_versions WHERE list = ? ORDER BY seq DESC').all(String(r.name)) as Row[]).map(versionOfRow),
    }));
  }

  async listEntries(list?: string): Promise<ListEntry[]> {
    const rows = list === undefined
      ? (this.db.prepare(`SELECT ${ENTRY_COLUMNS} FROM list_entries e ORDER BY e.list, e.id`).all() as Row[])
      : (this.db.prepare(`SELECT ${ENTRY_COLUMNS} FROM list_entries e WHERE e.list = ? ORDER BY e.id`).all(list) as Row[]);
    return rows.map(entryFromJson);
  }

  async getListEntry(list: string, id: string): Promise<ListEntry | null> {
    const row = this.db.prepare(`SELECT ${ENTRY_COLUMNS} FROM list_entries e WHERE e.list = ? AND e.id = ?`).get(list, id) as Row | undefined;
    return row ? entryFromJson(row) : null;
  }

  async replaceListings(scope: { entityIds: readonly string[] } | { lists: readonly string[] }, links: readonly ListingLink[]): Promise<void> {
    checkLinksInScope(scope, links);
    this.transaction(() => {
      if ('entityIds' in scope) {
        this.db.prepare('DELETE FROM entity_listings WHERE entity_id IN (SELECT value FROM json_each(?))').run(JSON.stringify(scope.entityIds));
      } else {
        this.db.prepare('DELETE FROM entity_listings WHERE list IN (SELECT value FROM json_each(?))').run(JSON.stringify(scope.lists));
      }
      // Only links whose entity and entry exist: an entity deleted meanwhile leaves nothing dangling.
      const insert = this.db.prepare(
        `INSERT INTO entity_listings (entity_id, list, entry_id, score, features, matched_name)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE EXISTS (SELECT 1 FROM entities WHERE id = ?1) AND EXISTS (SELECT 1 FROM list_entries WHERE list = ?2 AND id = ?3)
         ON CONFLICT (entity_id, list, entry_id) DO UPDATE SET score = excluded.score, features = excluded.features, matched_name = excluded.matched_name`,
      );
      for (const l of links) insert.run(l.entityId, l.list, l.entryId, l.score, JSON.stringify(l.features), l.matchedName);
    });
  }

  async listingsOf(entityId: string): Promise<Listing[]> {
    return (await this.listingsOfMany([entityId])).get(entityId) ?? [];
  }

  async listingsOfMany(entityIds: readonly string[]): Promise<Map<string, Listing[]>> {
    const rows = this.db
      .prepare(
        `SELECT ${LINK_COLUMNS}, ${ENTRY_COLUMNS} FROM entity_listings l JOIN list_entries e ON e.list = l.list AND e.id = l.entry_id
         WHERE l.entity_id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(entityIds)) as Row[];
    const out = new Map<string, Listing[]>();
    for (const row of rows) {
      const listing = listingOf(row);
      (out.get(listing.entityId) ?? out.set(listing.entityId, []).get(listing.entityId)!).push(listing);
    }
    for (const list of out.values()) list.sort(compareListings);
    return out;
  }

  async listedEntities(query: ListedQuery = {}): Promise<ListedEntity[]> {
    const limit = checkLimit(query.limit, 'listed');
    const rows = this.db
      .prepare(
        `SELECT ent.id, ent.type, ent.name, ent.aliases, ent.article_count, max(l.score) AS best
         FROM entity_listings l JOIN entities ent ON ent.id = l.entity_id
         WHERE (?1 IS NULL OR l.list = ?1)
           AND (?2 IS NULL OR EXISTS (SELECT 1 FROM list_entry_programs p WHERE p.program = ?2 AND p.list = l.list AND p.entry_id = l.entry_id))
         GROUP BY ent.id ORDER BY best DESC, ent.name, ent.id LIMIT ?3`,
      )
      .all(query.list ?? null, query.program ?? null, limit) as Row[];
    const listings = await this.listingsOfMany(rows.map((r) => String(r.id)));
    return rows.map((r) => {
      const entity: EntitySummary = { id: String(r.id), type: r.type as EntityType, name: String(r.name), aliases: JSON.parse(String(r.aliases)) as string[], articleCount: Number(r.article_count) };
      const all = listings.get(entity.id) ?? [];
      return { entity, listings: all.filter((l) => (query.list === undefined || l.list === query.list) && (query.program === undefined || l.entry.programs.includes(query.program))) };
    });
  }
}
