import { StoreCore } from '../core/store-core.ts';
import { SqliteBackend, type SqliteMemory, type SqliteStoreOptions } from './sqlite-backend.ts';
import { SqliteListStore } from '../lists/sqlite-list-store.ts';

export type { SqliteMemory, SqliteStoreOptions } from './sqlite-backend.ts';
export { SQLITE_READER_MEMORY, SQLITE_WRITER_MEMORY } from './sqlite-backend.ts';

/**
 * The embedded store: the store core (core/store-core.ts) over the SQLite backend, one file
 * through Node's built-in `node:sqlite`.
 *
 * Entities no article uses any more (after the articles that named them changed) are deleted,
 * so the graph holds exactly what the stored articles say. An entity keeps the name and type it
 * was first written with; other names it arrives with become aliases; attributes merge (later
 * writes add or overwrite keys).
 */
export class SqliteStore extends StoreCore<SqliteBackend> {
  readonly path: string;
  readonly lists: SqliteListStore;

  private constructor(backend: SqliteBackend) {
    super(backend);
    this.path = backend.path;
    this.lists = new SqliteListStore(backend.db, backend.path);
  }

  override async migrate(): Promise<void> {
    await super.migrate();
    await this.lists.migrate();
  }

  /**
   * Opens (creating it and its parent directories if needed) and migrates the database at `path`.
   * Throws InputError naming the file when it is not a SQLite database or was written by a
   * newer newsgraph.
   */
  static async open(path: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
    const backend = await SqliteBackend.open(path, options);
    const store = new SqliteStore(backend);
    try {
      await store.lists.migrate();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  /** The schema version of the open database (`PRAGMA user_version`). */
  schemaVersion(): number {
    return this.backend.schemaVersion();
  }

  /** The connection's page cache and mmap limits (SqliteStoreOptions.memory), as SQLite reports them. */
  memorySettings(): SqliteMemory {
    return this.backend.memorySettings();
  }
}
