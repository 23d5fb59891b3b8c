import { createLogger, loadConfig, type Logger, type NewsgraphConfig } from '@newsgraph/shared';
import type { GraphStore, SqliteMemory } from '@newsgraph/graph';
import type { ExtractOptions } from '@newsgraph/extract';
import type { ExtractionResult } from '@newsgraph/shared';
import type { ListMatching } from './lists/list-matching.ts';

/**
 * What every command gets: configuration loaded and validated once (on first use, so `--help`
 * works with a broken environment), the store opened once and closed at exit, and the
 * output streams (tests pass their own).
 */
export interface CliContext {
  config(): NewsgraphConfig;
  logger(): Logger;
  /**
   * Opens the configured store (migrating its schema) on first call; closed by `close()`.
   * `options` count on that first call only (a crawler's SQLite memory: SQLITE_WRITER_MEMORY).
   */
  store(options?: StoreOpenOptions): Promise<GraphStore>;
  /** The store for writing articles: with lists stored, people and organizations are matched against them as each article is written. */
  ingestStore(options?: StoreOpenOptions): Promise<GraphStore>;
  /** The extractor for ingesting: with lists stored, their names are known names (undefined: the default extractor). */
  ingestExtract(): Promise<((text: string, options?: ExtractOptions) => ExtractionResult) | undefined>;
  /** The matcher and known names over the stored lists, built on first call (null when no list is stored). */
  listMatching(): Promise<ListMatching | null>;
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  /** Sets the process exit code to at least `code` (1 = some inputs failed, 2 = usage/config). */
  fail(code: number): void;
  exitCode(): number;
  close(): Promise<void>;
}

/** How a command wants the store opened (see CliContext.store). */
export interface StoreOpenOptions {
  sqliteMemory?: SqliteMemory;
}

export interface CliContextOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  stdout?: CliContext['stdout'];
  stderr?: CliContext['stderr'];
  stdin?: NodeJS.ReadableStream;
}

export function createCliContext(options: CliContextOptions = {}): CliContext {
  let config: NewsgraphConfig | undefined;
  let logger: Logger | undefined;
  let store: Promise<GraphStore> | undefined;
  let listMatching: Promise<ListMatching | null> | undefined;
  let code = 0;
  const ctx: CliContext = {
    config() {
      config ??= loadConfig({ env: options.env, cwd: options.cwd });
      return config;
    },
    logger() {
      const { logLevel, logFormat } = ctx.config();
      logger ??= createLogger('newsgraph', logLevel, { pretty: logFormat === 'pretty' || (logFormat === 'auto' && ctx.stderr.isTTY === true) });
      return logger;
    },
    store(open = {}) {
      store ??= (async () => {
        // Loaded on first use: commands that never touch the store do not pay for it.
        const { openStore } = await import('@newsgraph/graph');
        const opened = await openStore(ctx.config(), { cwd: options.cwd, ...(open.sqliteMemory ? { sqliteMemory: open.sqliteMemory } : {}) });
        await opened.migrate();
        return opened;
      })();
      return store;
    },
    // Both load the list matcher (and the extractor) on first use only: queries never pay for them.
    async listMatching() {
      const opened = await ctx.store();
      const { loadListMatching } = await import('./lists/list-matching.ts');
      listMatching ??= loadListMatching(opened, ctx.config());
      return listMatching;
    },
    async ingestStore(open = {}) {
      const opened = await ctx.store(open);
      const { withListMatching } = await import('./lists/list-matching.ts');
      const loaded = await ctx.listMatching();
      return loaded ? withListMatching(opened, loaded.matcher) : opened;
    },
    async ingestExtract() {
      const loaded = await ctx.listMatching();
      if (!loaded) return undefined;
      const { extract } = await import('@newsgraph/extract');
      return (text: string, options: ExtractOptions = {}) => extract(text, { ...options, knownNames: loaded.knownNames });
    },
    stdout: options.stdout ?? process.stdout,
    stderr: options.stderr ?? process.stderr,
    stdin: options.stdin ?? process.stdin,
    fail(next) {
      code = Math.max(code, next);
    },
    exitCode() {
      return code;
    },
    async close() {
      if (store) {
        const opened = await store.catch(() => undefined);
        store = undefined;
        await opened?.close();
      }
    },
  };
  return ctx;
}
