import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { addSource, addSources, formatDurationMinutes, importOpml, loadSources, privateAddressReason, removeSource, type SourceInput } from '@newsgraph/ingest';
import { errorMessage, InputError } from '@newsgraph/shared';
import type { CliContext } from '../context.ts';
import { formatTable, printError, printJson, println } from '../output.ts';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Runs a subcommand body: input errors become one `error:` line each and exit code 1. */
async function guarded(ctx: CliContext, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    for (const line of errorMessage(error).split('\n')) printError(ctx, line);
    ctx.fail(error instanceof InputError ? 1 : 2);
  }
}

/**
 * `newsgraph sources add|list|remove|import`: manage the sources file (config.sourcesFile,
 * NEWSGRAPH_SOURCES, default ./sources.yaml). Edits are atomic and keep the file's comments.
 */
export function registerSourcesCommand(program: Command, ctx: CliContext): void {
  const sources = program
    .command('sources')
    .description('manage the feeds and sitemaps the crawler polls (the sources file, default ./sources.yaml)')
    .option('--file <path>', 'sources file (default: NEWSGRAPH_SOURCES or ./sources.yaml)');
  const file = () => (sources.opts().file as string | undefined) ?? ctx.config().sourcesFile;

  sources
    .command('add')
    .description('add a feed or sitemap')
    .argument('<url>', 'feed or sitemap URL (http or https)')
    .addOption(new Option('--kind <kind>', 'what the URL is').choices(['feed', 'sitemap']).default('feed'))
    .option('--interval <duration>', 'polling interval, e.g. 15m, 1h, 1h30m (default 30m)')
    .option('--selector <css>', 'CSS selector of the article body on this source\'s pages')
    .option('--tag <tag>', 'tag for the source (repeatable)', collect, [])
    .option('--id <id>', 'source id (default: derived from the URL)')
    .action(async (url: string, opts: { kind: 'feed' | 'sitemap'; interval?: string; selector?: string; tag: string[]; id?: string }) => {
      await guarded(ctx, async () => {
        const input: SourceInput = { url, kind: opts.kind, tags: opts.tag };
        if (opts.interval !== undefined) input.interval = opts.interval;
        if (opts.selector !== undefined) input.selectors = { body: opts.selector };
        if (opts.id !== undefined) input.id = opts.id;
        const added = await addSource(file(), input);
        println(ctx, `added ${added.id} ${added.url} (${added.kind}, every ${formatDurationMinutes(added.intervalMinutes)}) to ${file()}`);
        if (!ctx.config().http.allowPrivateNetwork) {
          const reason = await privateAddressReason(added.url);
          if (reason) {
            ctx.stderr.write(`warning: ${added.url} is not a public address (${reason}); the crawler refuses it unless NEWSGRAPH_ALLOW_PRIVATE_NETWORK=true\n`);
          }
        }
      });
    });

  sources
    .command('list')
    .description('list the configured sources')
    .option('--json', 'print the sources as one JSON array')
    .action(async (opts: { json?: boolean }) => {
      await guarded(ctx, async () => {
        const list = await loadSources(file());
        if (opts.json) {
          printJson(ctx, list);
          return;
        }
        if (list.length === 0) {
          println(ctx, `no sources in ${file()}; add one with \`newsgraph sources add <url>\``);
          return;
        }
        println(
          ctx,
          formatTable(
            ['id', 'kind', 'interval', 'enabled', 'tags', 'url'],
            list.map((s) => [s.id, s.kind, formatDurationMinutes(s.intervalMinutes), s.enabled ? 'yes' : 'no', s.tags.join(','), s.url]),
            80,
          ),
        );
      });
    });

  sources
    .command('remove')
    .description('remove a source by id or URL')
    .argument('<id-or-url>')
    .action(async (idOrUrl: string) => {
      await guarded(ctx, async () => {
        const removed = await removeSource(file(), idOrUrl);
        println(ctx, `removed ${removed.id} ${removed.url} from ${file()}`);
      });
    });

  sources
    .command('import')
    .description('add every feed of an OPML subscription list (folder names become tags)')
    .argument('<file.opml>')
    .action(async (opmlFile: string) => {
      await guarded(ctx, async () => {
        const text = await readFile(opmlFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
          throw new InputError(opmlFile, error.code === 'ENOENT' ? 'no such file' : error.message);
        });
        const parsed = importOpml(text, opmlFile);
        const result = await addSources(file(), parsed.sources);
        // A feed listed twice in the OPML is not a problem; a bad xmlUrl is.
        const unusable = parsed.skipped.filter((s) => s.reason !== 'listed twice');
        for (const s of unusable) printError(ctx, `${opmlFile}: outline "${s.outline}": ${s.reason}`);
        const invalid = result.skipped.filter((s) => !/already present/.test(s.reason));
        for (const s of invalid) printError(ctx, `${opmlFile}: ${s.url}: ${s.reason}`);
        const present = result.skipped.length - invalid.length + (parsed.skipped.length - unusable.length);
        println(ctx, `imported ${result.added.length} sources from ${opmlFile} into ${file()} (${present} already present, ${unusable.length + invalid.length} unusable)`);
        if (unusable.length + invalid.length > 0) ctx.fail(1);
      });
    });
}
