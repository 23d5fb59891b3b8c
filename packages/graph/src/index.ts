export type * from './interfaces/graph-store.ts';
export * from './open-store.ts';
export * from './sqlite/sqlite-store.ts';
export * from './search-keys.ts';
export * from './store-dates.ts';
export * from './bench/synthetic-news-workload.ts';
// Types only: the driver is loaded when a Neo4j store is opened (open-store.ts), not by importing the package.
export type { Neo4jStore, Neo4jStoreOptions, ConnectOptions } from './neo4j/neo4j-store.ts';
export * from './neo4j/migration-report.ts';
export * from './neo4j/neo4j-errors.ts';
export * from './neo4j/graph-model.ts';
export * from './cypher/neo4j-dialect.ts';
export * from './cypher/read-only-guard.ts';
export * from './cypher/parse-cypher-params.ts';
export * from './cypher/run-read-only-cypher.ts';
export * from './export/export-graph.ts';
export type * from './interfaces/list-store.ts';
export * from './lists/sqlite-list-store.ts';
export * from './lists/list-replacement.ts';
