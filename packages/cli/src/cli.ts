import { Command, CommanderError } from 'commander';
import { CONFIG_ENV_VARS, ConfigError, errorMessage, InputError } from '@newsgraph/shared';
import { createCliContext, type CliContext, type CliContextOptions } from './context.ts';
import { registerCommands } from './commands/index.ts';

/** The program with the commands `argv` needs registered (all of them without argv). */
export async function buildProgram(ctx: CliContext, argv?: readonly string[]): Promise<Command> {
  const program = new Command('newsgraph')
    .description('newsgraph: news in, a knowledge graph of who did what with whom out, every edge with its evidence')
    .version('0.1.0')
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
    })
    .exitOverride()
    .addHelpText(
      'after',
      `
Store: SQLite at ./data/newsgraph.db (NEWSGRAPH_DB) unless NEO4J_URI is set.
Settings come from the environment or newsgraph.config.yaml: ${CONFIG_ENV_VARS.join(', ')}.`,
    );
  await registerCommands(program, ctx, argv);
  // Every subcommand shares the program's output and error handling.
  const inherit = (cmd: Command) => {
    for (const sub of cmd.commands) {
      sub.exitOverride().configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s) });
      sub.showHelpAfterError('(add --help for usage)');
      inherit(sub);
    }
  };
  inherit(program);
  return program;
}

/**
 * Runs the CLI and returns the exit code: 0 success, 1 some inputs failed or an error,
 * 2 usage or configuration error. Never calls process.exit, so tests can run it in-process.
 */
export async function runCli(argv: string[], options: CliContextOptions = {}): Promise<number> {
  const ctx = createCliContext(options);
  try {
    const program = await buildProgram(ctx, argv);
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed.
      if (error.exitCode !== 0) ctx.fail(2);
    } else if (error instanceof ConfigError) {
      ctx.stderr.write(`error: ${error.message}\n`);
      ctx.fail(2);
    } else if (error instanceof InputError) {
      ctx.stderr.write(`error: ${error.message}\n`);
      ctx.fail(1);
    } else {
      ctx.stderr.write(`error: ${errorMessage(error)}\n`);
      if (process.env.NEWSGRAPH_DEBUG) ctx.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
      ctx.fail(1);
    }
  } finally {
    await ctx.close();
  }
  return ctx.exitCode();
}
