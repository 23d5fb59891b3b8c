import type { GraphStore } from '../interfaces/graph-store.ts';

/** What a Neo4j schema migration did, for `newsgraph migrate`. */
export interface MigrationReport {
  /** Server version, e.g. "5.26.0". */
  server: string;
  dialect: 'neo4j-3.5' | 'neo4j-4' | 'neo4j-5';
  /** Statements run, with the schema object's name and whether the server reported creating it (null: not reported). */
  statements: Array<{ name: string; cypher: string; created: boolean | null }>;
  /** Schema objects that already existed and needed no statement (3.5, where existence is checked first). */
  existing: string[];
}

interface MigratesWithReport {
  migrateSchema(): Promise<MigrationReport>;
}

/**
 * Migrates any store; for Neo4j also returns what was done (constraints and indexes created or
 * already there). Other stores return null after `migrate()`.
 */
export async function migrateWithReport(store: GraphStore): Promise<MigrationReport | null> {
  const withReport = store as GraphStore & Partial<MigratesWithReport>;
  if (store.kind === 'neo4j' && typeof withReport.migrateSchema === 'function') return withReport.migrateSchema();
  await store.migrate();
  return null;
}

/** One line per schema object, for printing. */
export function formatMigrationReport(report: MigrationReport): string[] {
  const lines = [`Neo4j ${report.server} (${report.dialect} schema dialect)`];
  for (const s of report.statements) {
    const state = s.created === true ? 'created' : s.created === false ? 'already present' : 'ensured';
    lines.push(`  ${s.name}: ${state}`);
  }
  for (const name of report.existing) lines.push(`  ${name}: already present`);
  return lines;
}
