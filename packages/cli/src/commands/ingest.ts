import type { Command } from 'commander';
import { createDefaultReaders, createFetcher, ingestInputs, type IngestOutcome } from '@newsgraph/ingest';
import type { CliContext } from '../context.ts';
import { createProgress, printError, printJson, println, safeText } from '../output.ts';

/** "file: reason" already names the input; prefix the input only when the message does not. */
export function failureLine(outcome: IngestOutcome): string {
  const reason = outcome.error ?? 'failed';
  const input = outcome.url ?? outcome.input;
  return reason.startsWith(input) || reason.startsWith(outcome.input) ? reason : `${input}: ${reason}`;
}

export function registerIngestCommand(program: Command, ctx: CliContext): void {
  program
    .command('ingest')
    .description('read articles from files, directories, page URLs or feed URLs into the store')
    .argument('<inputs...>', '.txt/.html files, directories (recursive), http(s) page or RSS/Atom/JSON feed URLs')
    .option('--json', 'print one JSON line per article instead of text')
    .option('--allow-private-network', 'allow URLs on loopback/private addresses (local testing)')
    .option('--concurrency <n>', 'feed items fetched at once', (v) => Number.parseInt(v, 10), 4)
    .addHelpText('after', '\nExit code 1 when some inputs failed; the rest are still stored.')
    .action(async (inputs: string[], options: { json?: boolean; allowPrivateNetwork?: boolean; concurrency: number }) => {
      const config = ctx.config();
      const store = await ctx.ingestStore();
      const http = { ...config.http, allowPrivateNetwork: options.allowPrivateNetwork || config.http.allowPrivateNetwork };
      const fetcher = createFetcher(http);
      const progress = createProgress(ctx, !options.json);
      progress.addTotal(inputs.length);
      const counts = { inserted: 0, updated: 0, unchanged: 0, failed: 0 };
      try {
        for await (const outcome of ingestInputs(inputs, { store, fetcher, readers: createDefaultReaders(), concurrency: options.concurrency, extract: await ctx.ingestExtract() })) {
          counts[outcome.status]++;
          progress.tick(outcome.title ?? outcome.input);
          if (options.json) {
            printJson(ctx, outcome);
          } else if (outcome.status === 'failed') {
            printError(ctx, failureLine(outcome));
          } else {
            println(ctx, `${outcome.status.padEnd(9)} ${outcome.articleId}  ${safeText(outcome.title ?? '')}`);
          }
        }
      } finally {
        progress.stop();
        await fetcher.close();
      }
      if (!options.json) {
        println(ctx, `\n${counts.inserted} new, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.failed} failed`);
      }
      if (counts.failed > 0) ctx.fail(1);
    });
}
