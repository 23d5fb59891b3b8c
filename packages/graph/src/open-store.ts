import { resolve } from 'node:path';
import { ConfigError, type NewsgraphConfig } from '@newsgraph/shared';
import type { GraphStore } from './interfaces/graph-store.ts';
import { SqliteStore } from './sqlite/sqlite-store.ts';

export interface OpenStoreOptions {
  /** Directory a relative `config.db` is resolved against (default: the process's cwd). */
  cwd?: string;
}

/**
 * Opens the store the configuration selects: Neo4j when `neo4j.uri` is set, else the SQLite
 * file `db`. The Neo4j module is loaded only in that case, so SQLite users never load the driver.
 * The returned store is migrated.
 */
export async function openStore(config: NewsgraphConfig, options: OpenStoreOptions = {}): Promise<GraphStore> {
  if (config.neo4j.uri) {
    const modulePath = './neo4j/neo4j-store.ts';
    let loaded: { Neo4jStore?: { connect(config: NewsgraphConfig): Promise<GraphStore> } };
    try {
      loaded = (await import(modulePath)) as typeof loaded;
    } catch (error) {
      throw new ConfigError('NEO4J_URI', `the Neo4j store could not be loaded: ${(error as Error).message}`);
    }
    if (!loaded.Neo4jStore) throw new ConfigError('NEO4J_URI', 'the Neo4j store is not available in this build');
    return loaded.Neo4jStore.connect(config);
  }
  const file = config.db === ':memory:' ? config.db : resolve(options.cwd ?? process.cwd(), config.db);
  return SqliteStore.open(file);
}
