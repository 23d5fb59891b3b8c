import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorMessage, InputError, type Article } from '@newsgraph/shared';
import type { GraphStore, WriteStatus } from '@newsgraph/graph';
import type { ExtractedArticle, ArticleExtractionOptions } from '../interfaces/article.ts';
import type { Fetcher } from '../interfaces/fetcher.ts';
import { canonicalizeUrl } from '../dedupe/canonicalize-url.ts';
import { detectBinaryBody } from '../http/binary-content.ts';
import {
  articleMetadataSchema,
  describeIssues,
  jsonlArticleSchema,
  type ArticleMetadata,
  type ArticleMetadataDefaults,
} from './article-metadata.ts';
import { buildArticle } from './build-article.ts';
import { crawlUrlInline } from './inline-crawl.ts';
import { nonArticleFileReason } from './non-article-files.ts';
import { processArticle, type ExtractFunction } from './process-article.ts';
import { StoreFailureBreaker, StoreFailureStreakError } from './store-failure-breaker.ts';
import { StoreAliasIndex, type ArticleAliasIndex } from './store-alias-index.ts';

/** What one input (or one feed item, JSONL line or file of an input) came to. */
export interface IngestOutcome {
  /** The input as the user gave it, or the file of a directory, or `FILE:LINE` of a JSONL file. */
  input: string;
  /** The article's URL (file:// for local files), when one was reached. */
  url?: string;
  /** `skipped`: a file in a directory that is not an article (README, LICENSE, checksums). */
  status: WriteStatus | 'failed' | 'skipped';
  articleId?: string;
  title?: string;
  /** Why it failed (naming the input) or was skipped. */
  error?: string;
}

/** The readers ingest needs; injected so that this module depends on interfaces only. */
export interface ArticleReaders {
  extractHtml(html: string, url: string, options?: ArticleExtractionOptions): ExtractedArticle;
  extractPlainText(text: string, name: string, options?: { title?: string }): ExtractedArticle;
  decode(bytes: Uint8Array, contentType: string | null): string;
}

export interface IngestDeps {
  store: GraphStore;
  fetcher: Fetcher;
  readers: ArticleReaders;
  extract?: ExtractFunction;
  /** The cross-document alias index (default: the store's, a StoreAliasIndex). */
  aliases?: ArticleAliasIndex;
  /** Feed items fetched at once; the fetcher still applies per-host politeness. */
  concurrency?: number;
  now?: () => Date;
  /** `--outlet` / `--published`: used for articles that say nothing themselves. */
  defaults?: ArticleMetadataDefaults;
  /**
   * Hears how many articles an input holds once that is known (a directory's files, a feed's
   * items, a JSONL file's lines; 1 for a page or a file, or for an input that failed before it
   * could be counted; -1 for a listed file that turned out not to be an article), so that a
   * progress bar's total counts articles, not inputs.
   */
  onPlanned?: (articles: number) => void;
  /** Stops the batch when the store fails several times in a row (default: a new StoreFailureBreaker). */
  breaker?: StoreFailureBreaker;
}

/** An input of `ingestInputs`: a path or URL, or a JSONL file of articles (`ingest --jsonl`). */
export type IngestInput = string | { jsonl: string };

const TEXT_EXTENSIONS = new Set(['.txt', '.text']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);
const HTML_START = /^\s*<(!doctype html|html)\b/i;
/** The sidecar of `story.txt` is `story.meta.json`, in the same directory. */
const SIDECAR_SUFFIX = '.meta.json';

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

export function sidecarPathFor(file: string): string {
  const ext = extname(file);
  return `${ext ? file.slice(0, -ext.length) : file}${SIDECAR_SUFFIX}`;
}

/**
 * The metadata in `file`'s sidecar (`NAME.meta.json`), or null when there is none. A sidecar that
 * is not JSON or breaks the schema is an InputError naming the sidecar and every bad field.
 */
export async function readSidecar(file: string): Promise<ArticleMetadata | null> {
  const path = sidecarPathFor(file);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new InputError(path, errorMessage(error));
  }
  let value: unknown;
  try {
    value = JSON.parse(raw.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new InputError(path, `not JSON (${errorMessage(error)})`);
  }
  const parsed = articleMetadataSchema.safeParse(value);
  if (!parsed.success) throw new InputError(path, describeIssues(parsed.error));
  return parsed.data;
}

/**
 * Reads one local .txt or .html file into extracted article fields: refuses missing, empty,
 * binary and PDF files with an InputError naming the file, decodes the charset, and picks the
 * HTML or the plain-text reader by extension (or, for other extensions, by content). A sidecar's
 * fields win over what the file says.
 */
export async function readArticleFile(
  file: string,
  readers: ArticleReaders,
): Promise<{ url: string; extracted: ExtractedArticle; content: string; sidecar: ArticleMetadata | null }> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(file, error.code === 'ENOENT' ? 'no such file' : errorMessage(error));
  });
  if (bytes.length === 0) throw new InputError(file, 'empty file');
  const binary = await detectBinaryBody(bytes);
  if (binary) throw new InputError(file, `${binary}: a binary file, not text or HTML`);
  const sidecar = await readSidecar(file);
  const ext = extname(file).toLowerCase();
  const url = sidecar?.url ?? pathToFileURL(file).href;
  const content = readers.decode(bytes, HTML_EXTENSIONS.has(ext) ? 'text/html' : 'text/plain');
  const isHtml = HTML_EXTENSIONS.has(ext) || (!TEXT_EXTENSIONS.has(ext) && HTML_START.test(content));
  const extracted = isHtml ? readers.extractHtml(content, url) : readers.extractPlainText(content, file, { title: sidecar?.title });
  return { url, extracted: withMetadata(extracted, sidecar), content, sidecar };
}

function withMetadata(extracted: ExtractedArticle, meta: ArticleMetadata | null): ExtractedArticle {
  if (!meta) return extracted;
  return {
    ...extracted,
    title: meta.title ?? extracted.title,
    outlet: meta.outlet ?? extracted.outlet,
    author: meta.author ?? extracted.author,
    publishedAt: meta.publishedAt ?? extracted.publishedAt,
    language: meta.language ?? extracted.language,
  };
}

/**
 * The Article of local content: identified by its URL when a sidecar or JSONL line gives one
 * (normalised, as the crawler does), else by its file URL; batch defaults fill what is missing.
 */
function localArticle(url: string, extracted: ExtractedArticle, deps: IngestDeps): Article {
  const now = deps.now ?? (() => new Date());
  return buildArticle({
    url,
    extracted: {
      ...extracted,
      outlet: extracted.outlet ?? deps.defaults?.outlet ?? null,
      publishedAt: extracted.publishedAt ?? deps.defaults?.publishedAt ?? null,
    },
    canonicalUrl: /^https?:/i.test(url) ? canonicalizeUrl(url) : url,
    fetchedAt: now().toISOString(),
  });
}

async function store(input: string, article: Article, deps: IngestDeps): Promise<IngestOutcome> {
  const result = await processArticle(article, { store: deps.store, extract: deps.extract, ...(deps.aliases ? { aliases: deps.aliases } : {}) });
  deps.breaker?.succeeded();
  return { input, url: article.url, status: result.status, articleId: result.articleId, title: article.title };
}

async function* ingestLocalFile(file: string, deps: IngestDeps, inDirectory: boolean): AsyncGenerator<IngestOutcome> {
  try {
    const { url, extracted, content } = await readArticleFile(file, deps.readers);
    const skip = inDirectory ? nonArticleFileReason(basename(file), content) : null;
    if (skip) {
      deps.onPlanned?.(-1); // counted as an article when the directory was listed
      yield { input: file, status: 'skipped', error: skip };
      return;
    }
    if (!extracted.text.trim()) throw new InputError(file, 'no article text found');
    yield await store(file, localArticle(url, extracted, deps), deps);
  } catch (error) {
    yield { input: file, status: 'failed', error: errorMessage(error) };
    deps.breaker?.failed(error);
  }
}

/**
 * `ingest --jsonl FILE`: one article per line (`text`, and optional `url`, `title`, `outlet`,
 * `author`, `publishedAt`, `language`, `id`). A bad line yields a failure naming the file and
 * the line, and the rest of the file goes on. A line without `url` is identified by the file
 * and its `id` (else its line number), so reading the same file again finds the same articles.
 */
async function* ingestJsonl(file: string, deps: IngestDeps): AsyncGenerator<IngestOutcome> {
  const path = resolve(file);
  const raw = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputError(file, error.code === 'ENOENT' ? 'no such file' : errorMessage(error));
  });
  const lines = raw.replace(/^\ufeff/, '').split(/\r?\n/);
  const numbered = lines.map((line, i) => ({ line, n: i + 1 })).filter(({ line }) => line.trim().length > 0);
  if (numbered.length === 0) throw new InputError(file, 'no JSON lines in the file');
  deps.onPlanned?.(numbered.length);
  const fileUrl = pathToFileURL(path).href;
  for (const { line, n } of numbered) {
    const where = `${file}:${n}`;
    try {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new InputError(`${file}, line ${n}`, `not JSON (${errorMessage(error)})`);
      }
      const parsed = jsonlArticleSchema.safeParse(value);
      if (!parsed.success) throw new InputError(`${file}, line ${n}`, describeIssues(parsed.error, [...Object.keys(jsonlArticleSchema.shape)]));
      const fields = parsed.data;
      const extracted = withMetadata(deps.readers.extractPlainText(fields.text, where, { title: fields.title }), fields);
      if (!extracted.text.trim()) throw new InputError(`${file}, line ${n}`, 'no article text');
      const url = fields.url ?? `${fileUrl}#${encodeURIComponent(String(fields.id ?? `line-${n}`))}`;
      yield await store(where, localArticle(url, extracted, deps), deps);
    } catch (error) {
      yield { input: where, status: 'failed', error: errorMessage(error) };
      deps.breaker?.failed(error);
    }
  }
}

async function* ingestUrl(input: string, deps: IngestDeps): AsyncGenerator<IngestOutcome> {
  const pages = crawlUrlInline(
    input,
    {
      store: deps.store,
      fetcher: deps.fetcher,
      extractHtml: deps.readers.extractHtml,
      canonicalizeUrl,
      extract: deps.extract,
      ...(deps.aliases ? { aliases: deps.aliases } : {}),
      concurrency: deps.concurrency ?? 4,
      now: deps.now ?? (() => new Date()),
      defaults: deps.defaults,
    },
    deps.onPlanned,
  );
  for await (const page of pages) {
    if ('error' in page) {
      yield { input, url: page.url, status: 'failed', error: errorMessage(page.error) };
      deps.breaker?.failed(page.error);
    } else {
      deps.breaker?.succeeded();
      yield { input, url: page.article.url, status: page.write.status, articleId: page.write.articleId, title: page.article.title };
    }
  }
}

async function* ingestOne(input: IngestInput, deps: IngestDeps): AsyncGenerator<IngestOutcome> {
  if (typeof input !== 'string') {
    yield* ingestJsonl(input.jsonl, deps);
    return;
  }
  if (/^https?:\/\//i.test(input)) {
    yield* ingestUrl(input, deps);
    return;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input) && !/^file:/i.test(input)) {
    throw new InputError(input, 'unsupported URL scheme (only http, https and local files)');
  }
  const path = resolve(input.startsWith('file:') ? new URL(input).pathname : input);
  const info = await stat(path).catch(() => {
    throw new InputError(input, 'no such file or directory');
  });
  if (!info.isDirectory()) {
    deps.onPlanned?.(1);
    yield* ingestLocalFile(path, deps, false);
    return;
  }
  const files = await listFiles(path);
  if (files.length === 0) throw new InputError(input, 'directory holds no .txt or .html files');
  // README, LICENSE…: known by name before anything is read or counted.
  const candidates: string[] = [];
  for (const file of files) {
    const reason = nonArticleFileReason(basename(file));
    if (reason) yield { input: file, status: 'skipped', error: reason };
    else candidates.push(file);
  }
  deps.onPlanned?.(candidates.length);
  for (const file of candidates) yield* ingestLocalFile(file, deps, true);
}

/**
 * Ingests files, directories (recursively: .txt, .html, with `NAME.meta.json` sidecars), JSONL
 * files of articles, page URLs and feed or sitemap URLs (whose items are fetched), yielding one
 * outcome per article. A failing input yields a 'failed' outcome naming the input and the
 * reason, and the batch goes on; nothing already stored changes for it.
 */
export async function* ingestInputs(inputs: IngestInput[], given: IngestDeps): AsyncGenerator<IngestOutcome> {
  // The store's alias index: a surname or acronym meets its full form from this batch or any
  // earlier one (loaded on the first article, so a batch of bad inputs never reads it).
  // One breaker: when the store itself fails several times in a row (server gone, paused, too
  // slow), the batch stops with a StoreFailureStreakError instead of trying every other input.
  const deps: IngestDeps = { ...given, aliases: given.aliases ?? new StoreAliasIndex(given.store), breaker: given.breaker ?? new StoreFailureBreaker() };
  for (const input of inputs) {
    let planned = false;
    const counted: IngestDeps = {
      ...deps,
      onPlanned: (n) => {
        planned = true;
        deps.onPlanned?.(n);
      },
    };
    try {
      yield* ingestOne(input, counted);
    } catch (error) {
      if (error instanceof StoreFailureStreakError) throw error;
      // Failed before it could be counted: it stands for one article in the totals.
      if (!planned) deps.onPlanned?.(1);
      yield { input: typeof input === 'string' ? input : input.jsonl, status: 'failed', error: errorMessage(error) };
      deps.breaker!.failed(error);
    }
  }
}
