import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { registerArticleCommand } from './article.ts';
import { registerCrawlCommands } from './crawl.ts';
import { registerCypherCommand } from './cypher.ts';
import { registerDemoCommand } from './demo.ts';
import { registerEvalCommand } from './eval.ts';
import { registerExportCommand } from './export.ts';
import { registerExtractCommand } from './extract.ts';
import { registerIngestCommand } from './ingest.ts';
import { registerListsCommand } from './lists.ts';
import { registerMigrateCommand } from './migrate.ts';
import { registerQueryCommand } from './query.ts';
import { registerQueryListsCommands } from './query-lists.ts';
import { registerServeCommand } from './serve.ts';
import { registerSourcesCommand } from './sources.ts';

/** Every command of the CLI, in the order `--help` lists them. */
export function registerCommands(program: Command, ctx: CliContext): void {
  registerIngestCommand(program, ctx);
  const query = registerQueryCommand(program, ctx);
  registerCypherCommand(query, ctx);
  registerQueryListsCommands(query, ctx);
  registerExportCommand(program, ctx);
  registerSourcesCommand(program, ctx);
  registerListsCommand(program, ctx);
  registerCrawlCommands(program, ctx);
  registerServeCommand(program, ctx);
  registerExtractCommand(program, ctx);
  registerArticleCommand(program, ctx);
  registerEvalCommand(program, ctx);
  registerMigrateCommand(program, ctx);
  registerDemoCommand(program, ctx);
}
