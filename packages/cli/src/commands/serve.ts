import type { Command } from 'commander';
import { InputError } from '@newsgraph/shared';
import { lazyListAwareCurator } from '../lists/list-aware-curator.ts';
import { createServer, type RunningServer } from '@newsgraph/server';
import type { CliContext } from '../context.ts';
import { println } from '../output.ts';

export interface ServeCommandOptions {
  host?: string;
  port?: number;
  token?: string;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InputError(`--port ${value}`, 'must be a whole number from 0 to 65535');
  return n;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** Resolves when the process is asked to stop (Ctrl-C or a service manager's SIGTERM). */
export function waitForShutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * Starts the API and explorer over the configured store and prints the URL. Flags override
 * `config.server` (NEWSGRAPH_HOST, NEWSGRAPH_PORT, NEWSGRAPH_API_TOKEN, NEWSGRAPH_RATE_LIMIT).
 * The caller decides how long it runs: `newsgraph serve` waits for a signal, `start` and tests
 * close it themselves.
 */
export async function startServe(ctx: CliContext, options: ServeCommandOptions = {}): Promise<RunningServer> {
  const config = ctx.config().server;
  const host = options.host ?? config.host;
  const token = options.token ?? config.token;
  const store = await ctx.store();
  const server = await createServer({
    store,
    curation: lazyListAwareCurator(ctx),
    host,
    port: options.port ?? config.port,
    token,
    rateLimitPerMinute: config.rateLimitPerMinute,
    logger: ctx.logger(),
  });
  println(ctx, `newsgraph explorer: ${server.url}/`);
  println(ctx, `API: ${server.url}/api  (described at ${server.url}/openapi.json)`);
  if (token) {
    println(ctx, 'The API needs the token: open the explorer once with ?token=<token> or enter it with its Token button.');
  } else if (!isLoopback(host)) {
    ctx.stderr.write(`warning: serving on ${host} without a token: anyone who can reach this port can read the graph (set NEWSGRAPH_API_TOKEN)\n`);
  }
  return server;
}

export function registerServeCommand(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('serve the web explorer and the read-only HTTP API (see /openapi.json) until stopped')
    .option('--host <host>', 'interface to bind (default NEWSGRAPH_HOST or 127.0.0.1)')
    .option('--port <port>', 'TCP port, 0 for any free one (default NEWSGRAPH_PORT or 8787)', parsePort)
    .option('--token <token>', 'require "Authorization: Bearer <token>" on /api/* (prefer NEWSGRAPH_API_TOKEN: flags show in ps)')
    .action(async (options: ServeCommandOptions) => {
      const server = await startServe(ctx, options);
      await waitForShutdownSignal();
      await server.close();
    });
}
