import type { ExtractedArticle } from '../interfaces/article.ts';
import { joinParagraphs, normalizeInline } from './text-normalization.ts';
import { cutTrailingChrome } from './trailing-chrome.ts';

/** Photo credit lines that scrapers copy from captions: "… REUTERS/Name", "Photo: AFP". */
const CAPTION_CREDIT = /(?:\b(?:REUTERS|AFP|AP|EPA|Getty Images|Bloomberg|dpa|Xinhua)(?:\/[\p{L} .'-]+)?|(?:Photo|Foto|Image|Bild)\s*:\s*[^.]+)\s*$/u;

function isParagraph(line: string): boolean {
  return line.length > 160 || (/[.!?…"”]$/.test(line) && line.split(' ').length > 15);
}

/**
 * An article from a plain-text file (a local `.txt`, or text scraped from a page): the first
 * non-empty line is the title (and stays in the body when it is a whole paragraph rather than a
 * headline); the rest, one paragraph per line, is the body with the page
 * chrome that follows the article cut off (headline lists, "Next in …", share prompts,
 * copyright lines). A leading dateline ("WASHINGTON: …") is part of the text and kept.
 * `name` (the file name) is used as the title when the text has no line at all.
 */
export function extractPlainTextArticle(text: string, name: string): ExtractedArticle {
  const lines = text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => normalizeInline(line))
    .filter((line) => line.length > 0);
  const first = lines[0];
  const title = first ?? name;
  // Scraped text often has no headline line: a first line that is a whole paragraph is also text.
  let body = first !== undefined && isParagraph(first) ? lines : lines.slice(1);
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
