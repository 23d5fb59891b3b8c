import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

type Register = (program: Command, ctx: CliContext) => void;

/**
 * Every command module of the CLI, in the order `--help` lists them, with the top-level command
 * names each one registers. A module is imported only when one of its commands runs (or for
 * `--help`): the ingest, extraction and server packages take over a second to load, and a
 * `query` must not pay for them.
 */
export const COMMAND_MODULES: ReadonlyArray<{ names: readonly string[]; load: () => Promise<Register> }> = [
  { names: ['ingest'], load: async () => (await import('./ingest.ts')).registerIngestCommand },
  {
    names: ['query'],
    load: async () => {
      const [{ registerQueryCommand }, { registerCypherCommand }, { registerQueryListsCommands }] = await Promise.all([
        import('./query.ts'),
        import('./cypher.ts'),
        import('./query-lists.ts'),
      ]);
      return (program, ctx) => {
        const query = registerQueryCommand(program, ctx);
        registerCypherCommand(query, ctx);
        registerQueryListsCommands(query, ctx);
      };
    },
  },
  { names: ['curate'], load: async () => (await import('./curate.ts')).registerCurateCommand },
  { names: ['export'], load: async () => (await import('./export.ts')).registerExportCommand },
  { names: ['sources'], load: async () => (await import('./sources.ts')).registerSourcesCommand },
  { names: ['lists'], load: async () => (await import('./lists.ts')).registerListsCommand },
  { names: ['crawl', 'worker', 'jobs'], load: async () => (await import('./crawl.ts')).registerCrawlCommands },
  { names: ['serve'], load: async () => (await import('./serve.ts')).registerServeCommand },
  { names: ['extract'], load: async () => (await import('./extract.ts')).registerExtractCommand },
  { names: ['article'], load: async () => (await import('./article.ts')).registerArticleCommand },
  { names: ['eval'], load: async () => (await import('./eval.ts')).registerEvalCommand },
  { names: ['migrate'], load: async () => (await import('./migrate.ts')).registerMigrateCommand },
  { names: ['demo', 'start'], load: async () => (await import('./demo.ts')).registerDemoCommand },
];

/**
 * The command modules `argv` needs: only the named command's module when argv starts with a
 * command name, none for `--version`, and all of them otherwise (`--help`, `help`, a typo, so
 * that commander can list them or suggest one).
 */
export function commandModulesFor(argv: readonly string[]): typeof COMMAND_MODULES {
  const first = argv[0];
  if (first === '-V' || first === '--version') return [];
  const named = COMMAND_MODULES.filter((m) => first !== undefined && m.names.includes(first));
  return named.length > 0 ? named : COMMAND_MODULES;
}

/** Registers the commands `argv` needs (see commandModulesFor); all of them without argv. */
export async function registerCommands(program: Command, ctx: CliContext, argv?: readonly string[]): Promise<void> {
  const modules = argv ? commandModulesFor(argv) : COMMAND_MODULES;
  const registers = await Promise.all(modules.map((m) => m.load()));
  for (const register of registers) register(program, ctx);
}
