import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorMessage, InputError, type Article } from '@newsgraph/shared';
import type { GraphStore, WriteStatus } from '@newsgraph/graph';
import type { ExtractedArticle, ArticleExtractionOptions } from '../interfaces/article.ts';
import type { Fetcher } from '../interfaces/fetcher.ts';
import { canonicalizeUrl } from '../dedupe/canonicalize-url.ts';
import { buildArticle } from './build-article.ts';
import { processArticle, type ExtractFunction } from './process-article.ts';
import { StoreFailureBreaker, StoreFailureStreakError } from './store-failure-breaker.ts';

/** What one input (or one feed item of an input) came to. */
export interface IngestOutcome {
  /** The input as the user gave it. */
  input: string;
  /** The article's URL (file:// for local files), when one was reached. */
  url?: string;
  status: WriteStatus | 'failed';
  articleId?: string;
  title?: string;
  error?: string;
}

/** The readers ingest needs; injected so that this module depends on interfaces only. */
export interface ArticleReaders {
  extractHtml(html: string, url: string, options?: ArticleExtractionOptions): ExtractedArticle;
  extractPlainText(text: string, name: string): ExtractedArticle;
  parseFeed(body: string, url: string): Promise<{ items: Array<{ url: string; title: string | null; publishedAt: string | null }> }>;
  decode(bytes: Uint8Array, contentType: string | null): string;
}

export interface IngestDeps {
  store: GraphStore;
  fetcher: Fetcher;
  readers: ArticleReaders;
  extract?: ExtractFunction;
  /** Feed items fetched at once; the fetcher still applies per-host politeness. */
  concurrency?: number;
  now?: () => Date;
  /** Stops the batch when the store fails several times in a row (default: a new StoreFailureBreaker). */
  breaker?: StoreFailureBreaker;
}

const TEXT_EXTENSIONS = new Set(['.txt', '.text']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);
const FEED_CONTENT = /\b(rss|atom|rdf|xml|feed\+json)\b/i;
const HTML_START = /^\s*<(!doctype html|html)\b/i;
const FEED_START = /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)\b/;

/** True when the bytes look like a binary file rather than text: NUL bytes or mostly control characters. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(full)));
    else if (entry.isFile() && (TEXT_EXTENSIONS.has(extname(entry.name).toLowerCase()) || HTML_EXTENSIONS.has(extname(entry.name).toLowerCase()))) files.push(full);
  }
  return files;
}

/**
 * Reads one local .txt or .html file into extracted article fields: refuses missing, empty and
 * binary files with an InputError naming the file, decodes the charset, and picks the HTML or
 * the plain-text reader by extension (or, for other extensions, by content).
 */
export async function readArticleFile(file: string, readers: ArticleReaders): Promise<{ url: string; extracted: ExtractedArticle }> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(file, error.code === 'ENOENT' ? 'no such file' : errorMessage(error));
  });
  if (bytes.length === 0) throw new InputError(file, 'empty file');
  if (looksBinary(bytes)) throw new InputError(file, 'binary file, not text or HTML');
  const ext = extname(file).toLowerCase();
  const url = pathToFileURL(file).href;
  const content = readers.decode(bytes, HTML_EXTENSIONS.has(ext) ? 'text/html' : 'text/plain');
  const isHtml = HTML_EXTENSIONS.has(ext) || (!TEXT_EXTENSIONS.has(ext) && HTML_START.test(content));
  const extracted = isHtml ? readers.extractHtml(content, url) : readers.extractPlainText(content, file);
  return { url, extracted };
}

async function readLocalArticle(file: string, deps: IngestDeps): Promise<{ url: string; extracted: ExtractedArticle }> {
  const article = await readArticleFile(file, deps.readers);
  if (!article.extracted.text.trim()) throw new InputError(file, 'no article text found');
  return article;
}

async function store(input: string, url: string, article: Article, deps: IngestDeps): Promise<IngestOutcome> {
  const result = await processArticle(article, { store: deps.store, extract: deps.extract });
  deps.breaker?.succeeded();
  return { input, url, status: result.status, articleId: result.articleId, title: article.title };
}

async function ingestUrl(input: string, deps: IngestDeps): Promise<IngestOutcome[]> {
  const now = deps.now ?? (() => new Date());
  const response = await deps.fetcher.fetch({ url: input, kind: 'page' });
  const contentType = response.contentType ?? '';
  const isFeed = (FEED_CONTENT.test(contentType) && !/html/i.test(contentType)) || FEED_START.test(response.body.slice(0, 2048));
  if (isFeed) return ingestFeed(input, response.url, response.body, deps);
  if (!/html/i.test(contentType) && !HTML_START.test(response.body.slice(0, 512))) {
    throw new InputError(input, `not an HTML page or a feed (content-type: ${contentType || 'none'})`);
  }
  const extracted = deps.readers.extractHtml(response.body, response.url);
  if (!extracted.text.trim()) throw new InputError(input, 'no article text found on the page');
  const article = buildArticle({ url: response.url, extracted, fetchedAt: now().toISOString() });
  return [await store(input, response.url, article, deps)];
}

async function ingestFeed(input: string, feedUrl: string, body: string, deps: IngestDeps): Promise<IngestOutcome[]> {
  const now = deps.now ?? (() => new Date());
  const feed = await deps.readers.parseFeed(body, feedUrl);
  const outcomes: IngestOutcome[] = new Array(feed.items.length);
  let next = 0;
  const worker = async () => {
    while (next < feed.items.length) {
      const index = next++;
      const item = feed.items[index]!;
      try {
        // Tracking parameters and AMP/mobile variants are dropped before fetching, as the crawler does.
        const response = await deps.fetcher.fetch({ url: canonicalizeUrl(item.url), kind: 'page' });
        const extracted = deps.readers.extractHtml(response.body, response.url);
        if (!extracted.text.trim()) throw new InputError(item.url, 'no article text found on the page');
        const article = buildArticle({
          url: response.url,
          extracted,
          fetchedAt: now().toISOString(),
          feedTitle: item.title,
          feedPublishedAt: item.publishedAt,
        });
        outcomes[index] = await store(input, response.url, article, deps);
      } catch (error) {
        outcomes[index] = { input, url: item.url, status: 'failed', error: errorMessage(error) };
        deps.breaker?.failed(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? 4) }, worker));
  return outcomes;
}

/**
 * Ingests files, directories (recursively: .txt, .html), page URLs and feed URLs (whose items
 * are fetched), yielding one outcome per article. A failing input yields a 'failed' outcome
 * naming the input and the reason, and the batch goes on; nothing already stored changes for it.
 * When the store itself fails several times in a row (server gone, paused, too slow), it throws
 * a StoreFailureStreakError instead of trying every remaining input.
 */
export async function* ingestInputs(inputs: string[], given: IngestDeps): AsyncGenerator<IngestOutcome> {
  const deps: IngestDeps = { ...given, breaker: given.breaker ?? new StoreFailureBreaker() };
  const now = deps.now ?? (() => new Date());
  for (const input of inputs) {
    try {
      if (/^https?:\/\//i.test(input)) {
        yield* await ingestUrl(input, deps);
        continue;
      }
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input) && !/^file:/i.test(input)) {
        throw new InputError(input, 'unsupported URL scheme (only http, https and local files)');
      }
      const path = resolve(input.startsWith('file:') ? new URL(input).pathname : input);
      const info = await stat(path).catch(() => {
        throw new InputError(input, 'no such file or directory');
      });
      const files = info.isDirectory() ? await listFiles(path) : [path];
      if (info.isDirectory() && files.length === 0) throw new InputError(input, 'directory holds no .txt or .html files');
      for (const file of files) {
        try {
          const { url, extracted } = await readLocalArticle(file, deps);
          const article = buildArticle({ url, extracted, fetchedAt: now().toISOString() });
          yield await store(input, url, article, deps);
        } catch (error) {
          yield { input: file, status: 'failed', error: errorMessage(error) };
          deps.breaker!.failed(error);
        }
      }
    } catch (error) {
      if (error instanceof StoreFailureStreakError) throw error;
      yield { input, status: 'failed', error: errorMessage(error) };
      deps.breaker!.failed(error);
    }
  }
}
