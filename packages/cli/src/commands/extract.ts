import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { extract, runExtractJsonl } from '@newsgraph/extract';
import { InputError } from '@newsgraph/shared';
import type { CliContext } from '../context.ts';
import { formatTable, printJson, println } from '../output.ts';

export function registerExtractCommand(program: Command, ctx: CliContext): void {
  program
    .command('extract')
    .description('run entity and relation extraction on text, without storing anything')
    .argument('[files...]', 'plain-text files to extract from (readable output)')
    .option('--jsonl', 'read {"id","text"} lines on stdin, write one result line per input, in order')
    .option('--json', 'JSON output for files')
    .addHelpText(
      'after',
      `
--jsonl output line:
  {"id","entities":[{"id","type","name","attributes","mentions":[{"start","end","text"}]}],
   "relations":[{"subject","predicate","object","evidence":{"sentence","start","end","rule","confidence"}}]}
Offsets are UTF-16 code units into the input text; subject and object are entity ids.
A malformed input line yields {"id","error"} in its place and the stream goes on.`,
    )
    .action(async (files: string[], o: { jsonl?: boolean; json?: boolean }) => {
      if (o.jsonl) {
        if (files.length) throw new InputError(files[0]!, '--jsonl reads standard input; do not name files');
        const result = await runExtractJsonl(ctx.stdin, ctx.stdout);
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
        const result = extract(text);
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
