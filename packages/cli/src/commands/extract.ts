import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { extract, runExtractJsonl, type JsonlOptions } from '@newsgraph/extract';
import { storeLists } from '@newsgraph/graph';
import { ListMatcher, listingsForEntity } from '@newsgraph/lists';
import { knownNamesOf } from '../lists/list-matching.ts';
import { InputError } from '@newsgraph/shared';
import type { CliContext } from '../context.ts';
import { formatTable, printJson, println } from '../output.ts';

/** --lists: the stored lists' names become known names, and each entity gets its listings. */
async function listOptions(ctx: CliContext): Promise<JsonlOptions> {
  const store = await ctx.store();
  const entries = await storeLists(store).listEntries();
  if (entries.length === 0) throw new InputError('--lists', 'no lists are stored (newsgraph lists import FILE)');
  const matcher = new ListMatcher(entries, { threshold: ctx.config().lists.matchThreshold });
  const knownNames = knownNamesOf(entries);
  return {
    extractor: (text, options) => extract(text, { ...options, knownNames }),
    entityFields: (entity) => ({
      listings: listingsForEntity({ ...entity, aliases: entity.aliases ?? [] }, matcher).map((l) => ({ list: l.list, id: l.entryId, score: l.score, features: l.features })),
    }),
  };
}

export function registerExtractCommand(program: Command, ctx: CliContext): void {
  program
    .command('extract')
    .description('run entity and relation extraction on text, without storing anything')
    .argument('[files...]', 'plain-text files to extract from (readable output)')
    .option('--jsonl', 'read {"id","text"} lines on stdin, write one result line per input, in order')
    .option('--json', 'JSON output for files')
    .option('--lists', 'match people and organizations against the lists in the store ("listings" on each entity) and find listed names no pattern finds')
    .addHelpText(
      'after',
      `
--jsonl output line:
  {"id","entities":[{"id","type","name","attributes","mentions":[{"start","end","text"}]}],
   "relations":[{"subject","predicate","object","evidence":{"sentence","start","end","rule","confidence"}}]}
Offsets are UTF-16 code units into the input text; subject and object are entity ids.
With --lists each entity also has "listings":[{"list","id","score","features"}].
A malformed input line yields {"id","error"} in its place and the stream goes on.`,
    )
    .action(async (files: string[], o: { jsonl?: boolean; json?: boolean; lists?: boolean }) => {
      const withLists = o.lists ? await listOptions(ctx) : {};
      if (o.jsonl) {
        if (files.length) throw new InputError(files[0]!, '--jsonl reads standard input; do not name files');
        const result = await runExtractJsonl(ctx.stdin, ctx.stdout, withLists);
        if (result.errors > 0) ctx.fail(1);
        return;
      }
      if (!files.length) throw new InputError('extract', 'name files to read, or use --jsonl with lines on stdin');
      for (const file of files) {
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch (error) {
          throw new InputError(file, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error));
        }
        const result = withLists.extractor ? withLists.extractor(text, {}) : extract(text);
        if (o.json) {
          printJson(ctx, { file, ...result });
          continue;
        }
        const names = new Map(result.entities.map((e) => [e.id, e.name]));
        println(ctx, `== ${file}`);
        println(ctx, formatTable(['type', 'name', 'mentions', 'attributes'], result.entities.map((e) => [e.type, e.name, e.mentions.length, JSON.stringify(e.attributes)]), 80));
        println(ctx);
        println(ctx, formatTable(['subject', 'predicate', 'object', 'rule', 'sentence'], result.relations.map((r) => [names.get(r.subject), r.predicate, names.get(r.object), r.evidence.rule, r.evidence.sentence]), 70));
        println(ctx);
      }
    });
}
