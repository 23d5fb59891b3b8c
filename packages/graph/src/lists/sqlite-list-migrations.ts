import type { Migration } from '../sqlite/migrations.ts';

/**
 * The list tables of the SQLite store, with their own version track (table
 * `list_schema_migrations`) so they upgrade independently of the graph schema.
 *
 * - `entity_listings` is the LISTED_AS link; its foreign keys drop a link when its entity (an
 *   entity no article names any more) or its entry (removed by a new list version) goes.
 * - Array fields are JSON text; programs are also in `list_entry_programs` for `query listed --program`.
 */
export const LIST_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'lists, entries, versions and listings',
    sql: `
CREATE TABLE lists (
  name TEXT PRIMARY KEY,
  format TEXT NOT NULL,
  version_date TEXT,
  imported_at TEXT NOT NULL,
  source TEXT NOT NULL,
  entry_count INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE list_versions (
  list TEXT NOT NULL REFERENCES lists (name) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  format TEXT NOT NULL,
  version_date TEXT,
  imported_at TEXT NOT NULL,
  source TEXT NOT NULL,
  entry_count INTEGER NOT NULL,
  added TEXT NOT NULL,
  removed TEXT NOT NULL,
  PRIMARY KEY (list, seq)
) WITHOUT ROWID;

CREATE TABLE list_entries (
  list TEXT NOT NULL REFERENCES lists (name) ON DELETE CASCADE,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  aliases TEXT NOT NULL,
  programs TEXT NOT NULL,
  listed_on TEXT,
  nationalities TEXT NOT NULL,
  countries TEXT NOT NULL,
  identifiers TEXT NOT NULL,
  remarks TEXT,
  PRIMARY KEY (list, id)
) WITHOUT ROWID;

CREATE TABLE list_entry_programs (
  program TEXT NOT NULL,
  list TEXT NOT NULL,
  entry_id TEXT NOT NULL,
  PRIMARY KEY (program, list, entry_id),
  FOREIGN KEY (list, entry_id) REFERENCES list_entries (list, id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX list_entry_programs_entry ON list_entry_programs (list, entry_id);

CREATE TABLE entity_listings (
  entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  list TEXT NOT NULL,
  entry_id TEXT NOT NULL,
  score REAL NOT NULL,
  features TEXT NOT NULL,
  matched_name TEXT NOT NULL,
  PRIMARY KEY (entity_id, list, entry_id),
  FOREIGN KEY (list, entry_id) REFERENCES list_entries (list, id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX entity_listings_entry ON entity_listings (list, entry_id);
`,
  },
];
