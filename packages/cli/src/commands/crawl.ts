import { availableParallelism } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import {
  abortOnSignals,
  CrawlQueues,
  createRedisConnection,
  DEFAULT_RETRY_OPTIONS,
  loadScheduledSources,
  openCrawlMemory,
  runCrawl,
  type CrawlSummary,
} from '@newsgraph/ingest';
import { ConfigError, type NewsgraphConfig } from '@newsgraph/shared';
import type { CliContext } from '../context.ts';
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

function printSummary(ctx: CliContext, summary: CrawlSummary): void {
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

/** Default extraction threads: one per core (the main thread mostly waits on I/O), at most 4. */
const DEFAULT_THREADS = availableParallelism() > 1 ? Math.min(4, availableParallelism()) : 0;

function parseThreads(value: string): number {
  const n = Number.parseInt(value, 10);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new InvalidArgumentError('a number of threads from 0 to 64');
  return n;
}

async function crawlAction(ctx: CliContext, role: 'crawl' | 'worker', options: CrawlCommandOptions): Promise<void> {
  const config = ctx.config();
  const logger = ctx.logger();
  const sources = role === 'crawl' ? await loadScheduledSources(options.sources ?? config.sourcesFile) : [];
  const store = await ctx.ingestStore();
  const { signal, dispose } = abortOnSignals(['SIGINT', 'SIGTERM'], (s) => logger.info({ signal: s }, 'shutting down gracefully'));
  try {
    const summary = await runCrawl({
      config,
      store,
      sources,
      role,
      once: options.once,
      signal,
      logger,
      openMemory: (redis) => openCrawlMemory(config, redis),
      extractionThreads: options.threads,
      onReady: ({ metricsUrl, mode }) =>
        logger.info({ mode, role, sources: sources.length, metrics: metricsUrl ? `${metricsUrl}/metrics` : null }, 'crawler running'),
    });
    // A one-shot run reports failed jobs like any batch (exit 1); a long-running crawl stopped by
    // a signal exits 0 — its failures are in the logs, /metrics and `newsgraph jobs failed`.
    if (options.once) {
      printSummary(ctx, summary);
      if (summary.failed.length > 0) ctx.fail(1);
    }
  } finally {
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

  const jobs = program.command('jobs').description('inspect and retry failed crawl jobs (Redis mode)');
  jobs
    .command('failed')
    .description('list failed jobs: queue, job id, URL/source, attempts, failure reason')
    .option('--json', 'one JSON document with every failed job')
    .option('--queue <queue>', 'only this queue: feed-poll, page-fetch or article-process')
    .option('--limit <n>', 'at most this many per queue', (v) => Number.parseInt(v, 10), 1000)
    .action(async (options: { json?: boolean; queue?: string; limit: number }) => {
      const failed = await withQueues(ctx.config(), 'jobs failed', (q) => q.listFailed({ queue: options.queue, limit: options.limit }));
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
    .argument('[jobIds...]', 'ids as listed by `newsgraph jobs failed`')
    .option('--all', 'requeue every failed job')
    .option('--queue <queue>', 'only this queue')
    .action(async (ids: string[], options: { all?: boolean; queue?: string }) => {
      if (!options.all && ids.length === 0) {
        printError(ctx, 'give job ids to retry, or --all');
        ctx.fail(2);
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
