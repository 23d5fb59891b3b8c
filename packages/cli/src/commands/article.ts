import type { Command } from 'commander';
import { createDefaultReaders, readArticleFile } from '@newsgraph/ingest';
import { errorMessage } from '@newsgraph/shared';
import type { CliContext } from '../context.ts';
import { printError, println } from '../output.ts';

export function registerArticleCommand(program: Command, ctx: CliContext): void {
  program
    .command('article')
    .description('extract title, main text and metadata from HTML or text files')
    .argument('<files...>')
    .requiredOption('--jsonl', 'one JSON line per file: file, title, text, publishedAt, author, language')
    .action(async (files: string[]) => {
      const readers = createDefaultReaders();
      for (const file of files) {
        try {
          const { extracted: a } = await readArticleFile(file, readers);
          println(ctx, JSON.stringify({ file, title: a.title, text: a.text, publishedAt: a.publishedAt, author: a.author, language: a.language }));
        } catch (error) {
          // readArticleFile's errors already name the file.
          printError(ctx, errorMessage(error));
          ctx.fail(1);
        }
      }
    });
}
