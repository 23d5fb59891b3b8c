import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { createDefaultReaders, looksBinary } from '@newsgraph/ingest';
import { errorMessage } from '@newsgraph/shared';
import type { CliContext } from '../context.ts';
import { printError, println } from '../output.ts';

const HTML = new Set(['.html', '.htm', '.xhtml']);

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
          const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
            throw new Error(error.code === 'ENOENT' ? 'no such file' : error.message);
          });
          if (bytes.length === 0) throw new Error('empty file');
          if (looksBinary(bytes)) throw new Error('binary file, not text or HTML');
          const isHtml = HTML.has(extname(file).toLowerCase());
          const content = readers.decode(bytes, isHtml ? 'text/html' : null);
          const html = isHtml || /^\s*<(!doctype html|html)\b/i.test(content);
          const a = html ? readers.extractHtml(content, pathToFileURL(file).href) : readers.extractPlainText(content, file);
          println(ctx, JSON.stringify({ file, title: a.title, text: a.text, publishedAt: a.publishedAt, author: a.author, language: a.language }));
        } catch (error) {
          printError(ctx, `${file}: ${errorMessage(error)}`);
          ctx.fail(1);
        }
      }
    });
}
