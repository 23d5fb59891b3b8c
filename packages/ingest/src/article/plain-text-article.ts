import type { ExtractedArticle } from '../interfaces/article.ts';
import { endsSentence, joinParagraphs, normalizeInline, wordCount } from './text-normalization.ts';
import { cutTrailingChrome } from './trailing-chrome.ts';

/** Photo credit lines that scrapers copy from captions: "… REUTERS/Name", "Photo: AFP". */
const CAPTION_CREDIT = /(?:\b(?:REUTERS|AFP|AP|EPA|Getty Images|Bloomberg|dpa|Xinhua)(?:\/[\p{L} .'-]+)?|(?:Photo|Foto|Image|Bild)\s*:\s*[^.]+)\s*$/u;

function isParagraph(line: string): boolean {
  return line.length > 160 || ((endsSentence(line) || /["”]$/.test(line)) && wordCount(line) > 15);
}

/**
 * An article from a plain-text file (a local `.txt`, or text scraped from a page): the first
 * non-empty line is the title (and stays in the body when it is a whole paragraph rather than a
 * headline); the rest, one paragraph per line, is the body with the page
 * chrome that follows the article cut off (headline lists, "Next in …", share prompts,
 * copyright lines). A leading dateline ("WASHINGTON: …") is part of the text and kept.
 * `name` (the file name) is used as the title when the text has no line at all. With
 * `options.title` (given by a sidecar or a JSONL line), every line is body text.
 */
export function extractPlainTextArticle(text: string, name: string, options: { title?: string } = {}): ExtractedArticle {
  const lines = text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => normalizeInline(line))
    .filter((line) => line.length > 0);
  const first = lines[0];
  const title = options.title ?? first ?? name;
  // Scraped text often has no headline line: a first line that is a whole paragraph is also text.
  // A given title that the text repeats as its first line is a headline there, not body text.
  const headline = options.title === undefined ? !isParagraph(first ?? '') : first === normalizeInline(options.title);
  let body = first !== undefined && headline ? lines.slice(1) : lines;
  // A caption copied from the lead photo sits between headline and text: drop it when it names a photo agency.
  if (body.length > 1 && CAPTION_CREDIT.test(body[0] ?? '')) body = body.slice(1);
  body = cutTrailingChrome(body);
  return {
    title,
    text: joinParagraphs(body),
    author: null,
    publishedAt: null,
    outlet: null,
    language: null,
    canonicalUrl: null,
  };
}
