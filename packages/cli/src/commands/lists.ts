import { basename, dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError, LIST_NAME_PATTERN, type Listing } from '@newsgraph/shared';
import { storeLists } from '@newsgraph/graph';
import { readListFile, ListMatcher } from '@newsgraph/lists';
import type { CliContext } from '../context.ts';
import { formatTable, printError, printJson, println, safeText } from '../output.ts';
import { refreshListings } from '../lists/list-matching.ts';

/** Warnings printed per file; the rest are counted. */
const MAX_WARNINGS_SHOWN = 20;

/** One line of reasons: "name_exact, word_order, country_match +0.05". */
export function formatFeatures(features: Listing['features']): string {
  return Object.entries(features)
    .map(([k, v]) => (v === 1 ? k : `${k} ${v > 0 && !['name_similarity', 'entry_name_coverage'].includes(k) ? '+' : ''}${v}`))
    .join(', ');
}

/** OFAC's alt.csv and add.csv named on the command line go with the sdn.csv in their folder, not as lists of their own. */
function groupFiles(files: string[]): Array<{ file: string; companions?: { alt: string | null; add: string | null } }> {
  const companion = (f: string) => /^(cons_)?(alt|add)\.csv$/i.test(basename(f));
  const main = files.filter((f) => !companion(f));
  return main.map((file) => {
    const mates = files.filter((f) => companion(f) && dirname(resolve(f)) === dirname(resolve(file)));
    if (!mates.length) return { file };
    return {
      file,
      companions: { alt: mates.find((f) => /alt\.csv$/i.test(f)) ?? null, add: mates.find((f) => /add\.csv$/i.test(f)) ?? null },
    };
  });
}

export function registerListsCommand(program: Command, ctx: CliContext): void {
  const lists = program.command('lists').description('sanctions and watch lists: import, list, remove (see docs/sanctions.md)');

  lists
    .command('import')
    .description('import list files (OFAC SDN CSV/XML, UN consolidated XML, FtM JSON lines, OpenSanctions targets.simple.csv); a newer version replaces the stored one')
    .argument('<files...>', 'list files; OFAC alt.csv/add.csv beside sdn.csv are read with it')
    .option('--list <name>', 'the list name (default: ofac-sdn, un-sc, or from the file name); only with one file')
    .option('--allow-shrink', 'import even when the new version removes more than half of the stored entries')
    .option('--json', 'one JSON line per list')
    .action(async (files: string[], o: { list?: string; allowShrink?: boolean; json?: boolean }) => {
      const groups = groupFiles(files);
      if (o.list !== undefined && groups.length > 1) throw new InputError(`--list ${o.list}`, 'names one list; import one file at a time with it');
      if (o.list !== undefined && !LIST_NAME_PATTERN.test(o.list)) throw new InputError(`--list ${o.list}`, 'a list name is 1-64 lower-case letters, digits, ".", "_" or "-"');
      const store = await ctx.store();
      const listStore = storeLists(store);
      const imported: string[] = [];
      for (const group of groups) {
        let read;
        try {
          read = await readListFile(group.file, { list: o.list, companions: group.companions });
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          printError(ctx, error.message);
          ctx.fail(1);
          continue;
        }
        for (const w of read.warnings.slice(0, MAX_WARNINGS_SHOWN)) printError(ctx, `warning: ${w}`);
        if (read.warnings.length > MAX_WARNINGS_SHOWN) printError(ctx, `warning: ${read.warnings.length - MAX_WARNINGS_SHOWN} more warnings for ${group.file}`);
        try {
          const version = await listStore.replaceList({
            list: read.list,
            format: read.format,
            versionDate: read.versionDate,
            source: read.source,
            entries: read.entries,
            maxRemovedShare: o.allowShrink ? 1 : undefined,
          });
          imported.push(read.list);
          const line = { list: read.list, format: read.format, versionDate: version.versionDate, entries: version.entryCount, added: version.added.length, removed: version.removed.length, warnings: read.warnings.length };
          if (o.json) printJson(ctx, line);
          else println(ctx, `${read.list}: ${version.entryCount} entries (${read.format}, version ${version.versionDate ?? '?'}): ${version.added.length} added, ${version.removed.length} removed, ${read.warnings.length} warnings`);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          printError(ctx, `${group.file}: ${error.message}`);
          ctx.fail(1);
        }
      }
      if (!imported.length) return;
      // Matching after each import: every stored person and organization against the new versions.
      const matcher = new ListMatcher(await listStore.listEntries(), { threshold: ctx.config().lists.matchThreshold });
      const { entities, links } = await refreshListings(store, matcher, imported);
      if (!o.json) println(ctx, `matched ${entities} people and organizations: ${links} listings`);
    });

  lists
    .command('list')
    .description('the stored lists with their version and import history')
    .option('--json', 'JSON output')
    .action(async (o: { json?: boolean }) => {
      const stored = await storeLists(await ctx.store()).lists();
      if (o.json) return printJson(ctx, stored);
      if (!stored.length) return println(ctx, 'no lists stored (newsgraph lists import FILE)');
      println(ctx, formatTable(['list', 'format', 'version', 'entries', 'imported', 'last change', 'source'], stored.map((l) => [
        l.name,
        l.format,
        l.versionDate,
        l.entryCount,
        l.importedAt.slice(0, 16),
        l.versions[0] ? `+${l.versions[0].added.length} -${l.versions[0].removed.length}` : '',
        l.source,
      ])));
    });

  lists
    .command('remove')
    .description('remove a list, its entries and their listings')
    .argument('<name>')
    .action(async (name: string) => {
      const removed = await storeLists(await ctx.store()).removeList(name);
      if (!removed) throw new InputError(name, 'no such list (see newsgraph lists list)');
      println(ctx, `removed ${safeText(name)}`);
    });
}

/** Listing lines under an entity: list/id, score, the entry's name, programs and the reasons. */
export function printListings(ctx: CliContext, listings: readonly Listing[], indent = ''): void {
  for (const l of listings) {
    println(ctx, `${indent}${l.list}/${l.entryId}  score ${l.score.toFixed(3)}  ${safeText(l.entry.name)} [${l.entry.type}]${l.entry.programs.length ? `  programs: ${safeText(l.entry.programs.join(', '))}` : ''}`);
    println(ctx, `${indent}  matched "${safeText(l.matchedName)}": ${formatFeatures(l.features)}`);
  }
}
