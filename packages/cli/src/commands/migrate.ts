import type { Command } from 'commander';
import { storeKind } from '@newsgraph/shared';
import { formatMigrationReport, migrateWithReport, openStore } from '@newsgraph/graph';
import type { CliContext } from '../context.ts';
import { printJson, println } from '../output.ts';

/**
 * `newsgraph migrate`: creates or upgrades the store's schema and prints what it did. On Neo4j
 * that is the constraints and indexes (DDL chosen by server version); SQLite migrates its file.
 */
export function registerMigrateCommand(program: Command, ctx: CliContext): Command {
  return program
    .command('migrate')
    .description('create or upgrade the store schema (Neo4j: constraints and indexes for the server version)')
    .option('--json', 'JSON output')
    .action(async (o: { json?: boolean }) => {
      const config = ctx.config();
      if (storeKind(config) === 'neo4j') {
        // Opened here rather than through ctx.store(), which migrates first and would leave nothing to report.
        const store = await openStore(config);
        try {
          const report = await migrateWithReport(store);
          if (o.json) return printJson(ctx, { store: 'neo4j', ...report });
          if (report) for (const line of formatMigrationReport(report)) println(ctx, line);
        } finally {
          await store.close();
        }
        return;
      }
      await ctx.store();
      if (o.json) return printJson(ctx, { store: 'sqlite', db: config.db, upToDate: true });
      println(ctx, `SQLite ${config.db}: schema up to date`);
    });
}
