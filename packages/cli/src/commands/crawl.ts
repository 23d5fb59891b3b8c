import { InvalidArgumentError, type Command } from 'commander';
import { resolve } from 'node:path';
import {
  abortOnSignals,
  crawlStatePathFor,
  CrawlMetrics,
  CrawlQueues,
  createRedisConnection,
  DEFAULT_RETRY_OPTIONS,
  defaultExtractionThreads,
  loadScheduledSources,
  openCrawlMemory,
  pageJobId,
  runCrawl,
  SqliteCrawlState,
  type CrawlSummary,
  type FailedJobInfo,
} from '@newsgraph/ingest';
import { SQLITE_WRITER_MEMORY } from '@newsgraph/graph';
import { ConfigError, type NewsgraphConfig } from '@newsgraph/shared';
import type { CliContext } from '../context.ts';
import { CrawlProgressLine, formatTotals } from '../crawl-progress.ts';
import { formatTable, printError, printJson, println } from '../output.ts';

function requireRedis(config: NewsgraphConfig, command: string): string {
  if (!config.redisUrl) {
    throw new ConfigError('REDIS_URL', `\`newsgraph ${command}\` reads the job queues in Redis; set REDIS_URL`);
  }
  return config.redisUrl;
}

async function withQueues<T>(config: NewsgraphConfig, command: string, fn: (queues: CrawlQueues) => Promise<T>): Promise<T> {
  const redis = createRedisConnection(requireRedis(config, command));
  const queues = new CrawlQueues(redis, { retry: DEFAULT_RETRY_OPTIONS });
  try {
    return await fn(queues);
  } finally {
    await queues.close();
    await redis.quit().catch(() => redis.disconnect());
  }
}

/** Exit code of a `--once` run stopped by SIGINT/SIGTERM before its work was done (128 + SIGINT). */
const INTERRUPTED_EXIT = 130;

/**
 * Without Redis, failed pages live in the SQLite crawl state next to the graph database
 * (crawl-state.db), where every `crawl` run records them; `jobs failed` and `jobs retry` read
 * and revive them there, so both modes have the same commands.
 */
async function withFailedPages<T>(ctx: CliContext, fn: (state: SqliteCrawlState) => Promise<T>): Promise<T> {
  const config = ctx.config();
  const db = config.db === ':memory:' ? ':memory:' : resolve(process.cwd(), config.db);
  const state = new SqliteCrawlState(crawlStatePathFor(db));
  try {
    return await fn(state);
  } finally {
    await state.close();
  }
}

async function listFailedPages(ctx: CliContext, limit: number): Promise<FailedJobInfo[]> {
  return withFailedPages(ctx, async (state) =>
    (await state.listFailedPages(limit)).map((f) => {
      let sourceId: string | null = null;
      try {
        sourceId = (JSON.parse(f.data) as { source?: { id?: string } }).source?.id ?? null;
      } catch {
        // an unreadable row still lists its URL
      }
      return { queue: 'page-fetch', id: pageJobId(f.url), name: 'page', url: f.url, sourceId, attempts: f.attempts, failedReason: f.reason, failedAt: f.failedAt };
    }),
  );
}

function printSummary(ctx: CliContext, summary: CrawlSummary): void {
  println(ctx, formatTotals(summary.totals, summary.scheduledRetries));
  for (const [queue, counts] of Object.entries(summary.jobCounts)) {
    const parts = Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([state, n]) => `${n} ${state}`);
    println(ctx, `${queue}: ${parts.join(', ') || 'empty'}`);
  }
  for (const f of summary.failed) printError(ctx, `${f.queue} ${f.id}: ${f.failedReason}`);
}

interface CrawlCommandOptions {
  once?: boolean;
  sources?: string;
  threads: number;
}

/** Default extraction threads: one per core but the main thread's, at most 4 (defaultExtractionThreads). */
const DEFAULT_THREADS = defaultExtractionThreads();

function parseThreads(value: string): number {
  const n = Number.parseInt(value, 10);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new InvalidArgumentError('a number of threads from 0 to 64');
  return n;
}

async function crawlAction(ctx: CliContext, role: 'crawl' | 'worker', options: CrawlCommandOptions): Promise<void> {
  const config = ctx.config();
  const logger = ctx.logger();
  const sourcesFile = options.sources ?? config.sourcesFile;
  const sources = role === 'crawl' ? await loadScheduledSources(sourcesFile) : [];
  if (role === 'crawl' && sources.length === 0) {
    printError(
      ctx,
      `no sources to crawl in ${sourcesFile}: add a feed with \`newsgraph sources add <url>\`, a sitemap with \`newsgraph sources add --kind sitemap <url>\`, or import an OPML list with \`newsgraph sources import <file>\``,
    );
    ctx.fail(1);
    return;
  }
  // A crawler writes: a small SQLite cache and no mmap keep its memory from growing with the store.
  const store = await ctx.ingestStore({ sqliteMemory: SQLITE_WRITER_MEMORY });
  const metrics = new CrawlMetrics();
  const progress = new CrawlProgressLine(ctx, metrics);
  const { signal, dispose } = abortOnSignals(['SIGINT', 'SIGTERM'], (s) => logger.info({ signal: s }, 'shutting down gracefully'));
  try {
    const summary = await runCrawl({
      metrics,
      config,
      store,
      sources,
      role,
      once: options.once,
      signal,
      logger,
      openMemory: (redis) => openCrawlMemory(config, redis),
      extractionThreads: options.threads,
      onReady: ({ metricsUrl, mode }) => {
        logger.info({ mode, role, sources: sources.length, metrics: metricsUrl ? `${metricsUrl}/metrics` : null }, 'crawler running');
        progress.start();
      },
    });
    progress.stop();
    // A one-shot run reports failed jobs like any batch (exit 1), and an interrupted one says so
    // (exit 130); a long-running crawl stopped by a signal exits 0 — its failures are in the
    // logs, /metrics and `newsgraph jobs failed`.
    if (options.once) {
      printSummary(ctx, summary);
      if (summary.failed.length > 0) ctx.fail(1);
      if (summary.interrupted) {
        printError(ctx, 'interrupted before every source was crawled; unfinished pages are resumed by the next run');
        ctx.fail(INTERRUPTED_EXIT);
      }
    }
  } finally {
    progress.stop();
    dispose();
  }
}

/**
 * `newsgraph crawl [--once] [--sources FILE]`, `newsgraph worker`,
 * `newsgraph jobs failed [--json] [--queue Q]`, `newsgraph jobs retry [--all | <jobId>...]`.
 */
export function registerCrawlCommands(program: Command, ctx: CliContext): void {
  program
    .command('crawl')
    .description('crawl the configured sources: job schedulers + workers on Redis (REDIS_URL), else in-process')
    .option('--once', 'poll every source once, finish all resulting work, then exit')
    .option('--sources <file>', 'sources file (default: NEWSGRAPH_SOURCES or ./sources.yaml)')
    .option('--threads <n>', 'worker threads for text and entity extraction (0: main thread)', parseThreads, DEFAULT_THREADS)
    .addHelpText(
      'after',
      `
Serves /healthz and /metrics on NEWSGRAPH_METRICS_HOST:NEWSGRAPH_METRICS_PORT (default 127.0.0.1:9464).
SIGINT/SIGTERM stop gracefully: in-flight jobs finish, then exit 0.`,
    )
    .action((options: CrawlCommandOptions) => crawlAction(ctx, 'crawl', options));

  program
    .command('worker')
    .description('run crawl workers only (needs REDIS_URL); start as many as you like, on any machine')
    .option('--threads <n>', 'worker threads for text and entity extraction (0: main thread)', parseThreads, DEFAULT_THREADS)
    .action((options: CrawlCommandOptions) => crawlAction(ctx, 'worker', options));

  const jobs = program.command('jobs').description('inspect and retry failed crawl jobs (in Redis, or without it the failed pages in crawl-state.db)');
  jobs
    .command('failed')
    .description('list failed jobs: queue, job id, URL/source, attempts, failure reason')
    .option('--json', 'one JSON document with every failed job')
    .option('--queue <queue>', 'only this queue: feed-poll, page-fetch or article-process')
    .option('--limit <n>', 'at most this many per queue', (v) => Number.parseInt(v, 10), 1000)
    .action(async (options: { json?: boolean; queue?: string; limit: number }) => {
      const config = ctx.config();
      const failed = config.redisUrl
        ? await withQueues(config, 'jobs failed', (q) => q.listFailed({ queue: options.queue, limit: options.limit }))
        : options.queue && options.queue !== 'page-fetch' && options.queue !== 'page'
          ? [] // in-process feed polls and processing jobs are repeated by the next run, not kept
          : await listFailedPages(ctx, options.limit);
      if (options.json) {
        printJson(ctx, failed);
        return;
      }
      if (failed.length === 0) {
        println(ctx, 'no failed jobs');
        return;
      }
      println(
        ctx,
        formatTable(
          ['QUEUE', 'JOB', 'URL/SOURCE', 'ATTEMPTS', 'REASON'],
          failed.map((f) => [f.queue, f.id, f.url ?? f.sourceId, f.attempts, f.failedReason]),
          80,
        ),
      );
    });
  jobs
    .command('retry')
    .description('requeue failed jobs: the given job ids, or --all')
    .argument('[jobIds...]', 'ids (or, without Redis, page URLs) as listed by `newsgraph jobs failed`')
    .option('--all', 'requeue every failed job')
    .option('--queue <queue>', 'only this queue')
    .action(async (ids: string[], options: { all?: boolean; queue?: string }) => {
      if (!options.all && ids.length === 0) {
        printError(ctx, 'give job ids to retry, or --all');
        ctx.fail(2);
        return;
      }
      if (!ctx.config().redisUrl) {
        await withFailedPages(ctx, async (state) => {
          let urls: string[] | undefined;
          const missing: string[] = [];
          if (!options.all) {
            const byId = new Map((await state.listFailedPages(Number.MAX_SAFE_INTEGER)).map((f) => [pageJobId(f.url), f.url]));
            urls = [];
            for (const id of ids) {
              const url = byId.get(id) ?? ([...byId.values()].includes(id) ? id : undefined);
              if (url) urls.push(url);
              else missing.push(id);
            }
          }
          const revived = await state.reviveFailedPages(urls);
          println(ctx, `requeued ${revived.length} failed page${revived.length === 1 ? '' : 's'}; the next \`newsgraph crawl\` (or the running one, at its next poll) fetches them`);
          for (const id of missing) printError(ctx, `${id}: no failed page with this id or URL`);
          if (missing.length) ctx.fail(1);
        });
        return;
      }
      await withQueues(ctx.config(), 'jobs retry', async (q) => {
        if (options.all) {
          const n = await q.retryAll({ queue: options.queue });
          println(ctx, `requeued ${n} failed job${n === 1 ? '' : 's'}`);
          return;
        }
        const { retried, missing } = await q.retry(ids, { queue: options.queue });
        if (retried.length) println(ctx, `requeued ${retried.join(', ')}`);
        for (const id of missing) printError(ctx, `${id}: no failed job with this id`);
        if (missing.length) ctx.fail(1);
      });
    });
}
