import type { Command } from 'commander';
import { InputError } from '@newsgraph/shared';
import type { IngestInput, IngestOutcome } from '@newsgraph/ingest';
import type { CliContext } from '../context.ts';
import { createProgress, printJson, println, safeText } from '../output.ts';

/** "file: reason" already names the input; prefix the input only when the message does not. */
export function failureLine(outcome: IngestOutcome): string {
  const reason = outcome.error ?? 'failed';
  const input = outcome.url ?? outcome.input;
  return reason.startsWith(input) || reason.startsWith(outcome.input) ? reason : `${input}: ${reason}`;
}

interface IngestCommandOptions {
  json?: boolean;
  verbose?: boolean;
  jsonl?: string[];
  outlet?: string;
  published?: string;
  allowPrivateNetwork?: boolean;
  concurrency: number;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerIngestCommand(program: Command, ctx: CliContext): void {
  program
    .command('ingest')
    .description('read articles from files, directories, JSONL files, page URLs or feed/sitemap URLs into the store')
    .argument('[inputs...]', '.txt/.html files (with optional NAME.meta.json sidecars), directories (recursive), http(s) page, RSS/Atom/JSON feed or sitemap URLs')
    .option('--jsonl <file>', 'a file of JSON lines {"text", "url"?, "title"?, "outlet"?, "author"?, "publishedAt"?, "language"?, "id"?} (repeatable)', collect)
    .option('--outlet <name>', 'outlet for articles that do not name one (sidecar, JSONL line or page metadata win)')
    .option('--published <date>', 'publication date (2024-02-24 or an ISO timestamp) for articles that have none')
    .option('--verbose', 'one line per article (default: a progress bar in a terminal, then the summary)')
    .option('--json', 'print one JSON line per article instead of text')
    .option('--allow-private-network', 'allow URLs on loopback/private addresses (local testing)')
    .option('--concurrency <n>', 'feed items fetched at once', (v) => Number.parseInt(v, 10), 4)
    .addHelpText(
      'after',
      `
Sidecar: story.meta.json beside story.txt or story.html holds {"url","title","outlet","author","publishedAt","language"} (all optional).
In a directory, README, LICENSE, CHANGELOG and checksum files are skipped with a notice.
Exit code 1 when some inputs failed; the rest are still stored.`,
    )
    .action(async (paths: string[], options: IngestCommandOptions) => {
      // Loaded here, not at start-up: the ingest package (extraction, parsers, HTTP) is heavy.
      const { createDefaultReaders, createFetcher, ingestInputs, articleMetadataSchema, describeIssues } = await import('@newsgraph/ingest');
      const inputs: IngestInput[] = [...paths, ...(options.jsonl ?? []).map((jsonl) => ({ jsonl }))];
      if (inputs.length === 0) throw new InputError('ingest', 'name files, directories or URLs to read, or --jsonl FILE');
      const defaults = articleMetadataSchema.pick({ outlet: true, publishedAt: true }).safeParse({ outlet: options.outlet, publishedAt: options.published });
      if (!defaults.success) {
        throw new InputError(defaults.error.issues[0]?.path[0] === 'outlet' ? `--outlet ${options.outlet}` : `--published ${options.published}`, describeIssues(defaults.error));
      }
      const config = ctx.config();
      const store = await ctx.ingestStore();
      const http = { ...config.http, allowPrivateNetwork: options.allowPrivateNetwork || config.http.allowPrivateNetwork };
      const fetcher = createFetcher(http);
      const progress = createProgress(ctx, !options.json);
      const counts = { inserted: 0, updated: 0, unchanged: 0, failed: 0, skipped: 0 };
      try {
        const outcomes = ingestInputs(inputs, {
          store,
          fetcher,
          readers: createDefaultReaders(),
          concurrency: options.concurrency,
          extract: await ctx.ingestExtract(),
          defaults: defaults.data,
          onPlanned: (n) => progress.addTotal(n),
        });
        for await (const outcome of outcomes) {
          counts[outcome.status]++;
          if (outcome.status === 'skipped') {
            // Not an article: no tick (it was never counted), a notice instead.
            if (!options.json) progress.log(`notice: ${outcome.input}: ${outcome.error ?? 'skipped'}`);
            else printJson(ctx, outcome);
            continue;
          }
          progress.tick();
          if (options.json) {
            printJson(ctx, outcome);
          } else if (outcome.status === 'failed') {
            progress.log(`error: ${failureLine(outcome)}`);
          } else if (options.verbose) {
            progress.log(`${outcome.status.padEnd(9)} ${outcome.articleId}  ${safeText(outcome.title ?? '')}`, 'stdout');
          }
        }
      } finally {
        progress.stop();
        await fetcher.close();
      }
      if (!options.json) {
        const skipped = counts.skipped ? `, ${counts.skipped} skipped (not articles)` : '';
        println(ctx, `${options.verbose ? '\n' : ''}${counts.inserted} new, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.failed} failed${skipped}`);
      }
      if (counts.failed > 0) ctx.fail(1);
    });
}
