import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { InputError } from '@newsgraph/shared';
import { decodeBody } from '../http/charset.ts';
import { extractArticle } from './extract-article.ts';
import { normalizeInline } from './text-normalization.ts';

/** One page of the article-text evaluation set (`evaldata.json` maps its URL to this). */
interface EvalPage {
  file: string;
  with: string[];
  without: string[];
}

export interface ArticleTextScores {
  /** Precision: snippets that should be there among all snippets found. */
  p: number;
  /** Recall: `with` snippets found among all `with` snippets. */
  r: number;
  accuracy: number;
  f1: number;
  pages: number;
}

export interface ArticleTextEvaluation {
  table: string;
  summary: ArticleTextScores;
  /** Mean extraction time per page (parse + extract, no I/O, no decoding). */
  msPerPage: number;
  /** Pages whose snippets scored worst, for inspection. */
  worst: Array<{ url: string; file: string; fn: string[]; fp: string[] }>;
}

interface Counts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
  pages: number;
}

function emptyCounts(): Counts {
  return { tp: 0, fn: 0, fp: 0, tn: 0, pages: 0 };
}

function scores(c: Counts): ArticleTextScores {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const total = c.tp + c.fn + c.fp + c.tn;
  const accuracy = total === 0 ? 0 : (c.tp + c.tn) / total;
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  const round = (x: number): number => Math.round(x * 10000) / 10000;
  return { p: round(p), r: round(r), accuracy: round(accuracy), f1: round(f1), pages: c.pages };
}

/**
 * Snippet matching: a snippet is present when, after collapsing every run of whitespace
 * (including no-break spaces and paragraph breaks) to one space and trimming, it is a substring
 * of the extracted text collapsed the same way. Case and punctuation must match exactly. The
 * evaluation's own scorer tests plain substring containment; the collapse only removes the
 * difference between the snippets' stray spaces/NBSPs and our paragraph breaks.
 */
export function containsSnippet(normalizedText: string, snippet: string): boolean {
  const needle = normalizeInline(snippet);
  if (needle.length === 0) return true;
  return normalizedText.includes(needle);
}

function parseEvalData(raw: string, path: string): Array<[string, EvalPage]> {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new InputError(path, `not valid JSON (${(error as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new InputError(path, 'expected an object mapping page URLs to {file, with, without}');
  const pages: Array<[string, EvalPage]> = [];
  for (const [url, value] of Object.entries(data as Record<string, unknown>)) {
    const v = value as Partial<EvalPage>;
    if (typeof v.file !== 'string' || !Array.isArray(v.with) || !Array.isArray(v.without)) {
      throw new InputError(path, `entry ${url} lacks file/with/without`);
    }
    pages.push([url, { file: v.file, with: v.with.map(String), without: v.without.map(String) }]);
  }
  return pages;
}

/** The row a page is counted under: the language the extractor read from the page. */
function bucketOf(language: string | null): string {
  if (language === 'de' || language === 'en' || language === 'fr') return language;
  return language ? 'other' : 'unknown';
}

function formatTable(rows: Array<[string, Counts]>): string {
  const header = ['bucket', 'pages', 'TP', 'FN', 'FP', 'TN', 'P', 'R', 'acc', 'F1'];
  const lines = [header];
  for (const [name, c] of rows) {
    const s = scores(c);
    lines.push([name, String(c.pages), String(c.tp), String(c.fn), String(c.fp), String(c.tn), s.p.toFixed(3), s.r.toFixed(3), s.accuracy.toFixed(3), s.f1.toFixed(3)]);
  }
  const widths = header.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length)));
  return lines.map((l) => l.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ')).join('\n');
}

/**
 * Scores `extractArticle` on an article-text evaluation folder (`evaldata.json` + `html/*.gz`)
 * by the rules of the project's eval README: per snippet TP/FN (`with`) and FP/TN (`without`),
 * precision, recall, accuracy and F1 over all snippets. Rows of the table are by page language.
 */
export async function evaluateArticleText(dir: string, options: { limit?: number } = {}): Promise<ArticleTextEvaluation> {
  const dataPath = join(dir, 'evaldata.json');
  let raw: string;
  try {
    raw = await readFile(dataPath, 'utf8');
  } catch (error) {
    throw new InputError(dataPath, `cannot read the evaluation data (${(error as Error).message})`);
  }
  let pages = parseEvalData(raw, dataPath);
  if (options.limit !== undefined && options.limit >= 0) pages = pages.slice(0, options.limit);

  const total = emptyCounts();
  const buckets = new Map<string, Counts>();
  const worst: ArticleTextEvaluation['worst'] = [];
  let extractMs = 0;
  for (const [url, page] of pages) {
    const htmlPath = join(dir, 'html', `${page.file}.gz`);
    let bytes: Buffer;
    try {
      bytes = gunzipSync(await readFile(htmlPath));
    } catch (error) {
      throw new InputError(htmlPath, `cannot read the page (${(error as Error).message})`);
    }
    const html = decodeBody(bytes).text;
    const started = performance.now();
    const article = extractArticle(html, url);
    extractMs += performance.now() - started;
    const text = normalizeInline(article.text);
    const bucketName = bucketOf(article.language);
    const bucket = buckets.get(bucketName) ?? emptyCounts();
    buckets.set(bucketName, bucket);
    const fn: string[] = [];
    const fp: string[] = [];
    for (const snippet of page.with) {
      if (containsSnippet(text, snippet)) {
        total.tp++;
        bucket.tp++;
      } else {
        total.fn++;
        bucket.fn++;
        fn.push(snippet);
      }
    }
    for (const snippet of page.without) {
      if (containsSnippet(text, snippet)) {
        total.fp++;
        bucket.fp++;
        fp.push(snippet);
      } else {
        total.tn++;
        bucket.tn++;
      }
    }
    total.pages++;
    bucket.pages++;
    if (fn.length + fp.length > 0) worst.push({ url, file: page.file, fn, fp });
  }
  worst.sort((a, b) => b.fn.length + b.fp.length - (a.fn.length + a.fp.length));
  const rows = [...buckets].sort((a, b) => b[1].pages - a[1].pages);
  rows.push(['total', total]);
  const msPerPage = pages.length === 0 ? 0 : Math.round((extractMs / pages.length) * 100) / 100;
  return {
    table: `${formatTable(rows)}\nextractArticle: ${msPerPage} ms/page (parse + metadata + main text, decoding excluded)`,
    summary: scores(total),
    msPerPage,
    worst,
  };
}
