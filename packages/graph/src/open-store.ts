import { resolve } from 'node:path';
import type { NewsgraphConfig } from '@newsgraph/shared';
import type { GraphStore } from './interfaces/graph-store.ts';
import { SqliteStore, type SqliteMemory } from './sqlite/sqlite-store.ts';

export interface OpenStoreOptions {
  /** Directory a relative `config.db` is resolved against (default: the process's cwd). */
  cwd?: string;
  /** Neo4j only: a label prefix giving the store its own graph beside other data (cypher/label-prefix.ts). */
  labelPrefix?: string;
  /** SQLite only: the connection's page cache and mmap (default SQLITE_READER_MEMORY; a crawler passes SQLITE_WRITER_MEMORY). */
  sqliteMemory?: SqliteMemory;
}

/**
 * Opens the store the configuration selects: Neo4j when `neo4j.uri` is set, else the SQLite
 * file `db` (resolved against `cwd`; parent directories are created). The Neo4j module and its
 * driver are loaded only in that case, so SQLite users never load them. The returned store is
 * ready to use (SQLite: migrated; Neo4j: as `Neo4jStore.connect` leaves it).
 */
export async function openStore(config: NewsgraphConfig, options: OpenStoreOptions = {}): Promise<GraphStore> {
  if (config.neo4j.uri) {
    const { Neo4jStore } = await import('./neo4j/neo4j-store.ts');
    return Neo4jStore.connect(config, options.labelPrefix === undefined ? {} : { labelPrefix: options.labelPrefix });
  }
  const file = config.db === ':memory:' ? config.db : resolve(options.cwd ?? process.cwd(), config.db);
  return SqliteStore.open(file, options.sqliteMemory ? { memory: options.sqliteMemory } : {});
}
