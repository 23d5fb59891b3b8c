import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { ArticleExtractionOptions, ExtractedArticle } from '../interfaces/article.ts';
import { limitDomDepth } from './depth-limit.ts';
import { defuseTagSoup } from './tag-soup.ts';
import { extractMainContent, paragraphsOf } from './main-content.ts';
import { extractPageMetadata } from './page-metadata.ts';
import { joinParagraphs } from './text-normalization.ts';
import { cutTrailingChrome } from './trailing-chrome.ts';

/** Pages beyond this many characters are cut: the article is near the top, the rest costs time. */
export const MAX_HTML_CHARS = 3_000_000;

/** htmlparser2 through cheerio: several times faster than parse5 and tolerant of broken markup. */
const PARSER_OPTIONS = { xml: { xmlMode: false, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true } };

/** Below this much text the page is read a second time without class-name pruning. */
const MIN_TEXT_BEFORE_RETRY = 400;

/** A configured body selector must yield at least this much text to be trusted over the heuristics. */
const MIN_SELECTOR_TEXT = 100;

/**
 * Main text and metadata of an HTML page. Parses with htmlparser2 (through cheerio), never runs
 * scripts, and returns an empty `text` for a page without an article rather than its navigation.
 * `options.bodySelector` (a source's configured CSS selector) wins when it matches enough text.
 */
export function extractArticle(html: string, url: string, options: ArticleExtractionOptions = {}): ExtractedArticle {
  const input = defuseTagSoup(html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html);
  const $ = parse(input);
  const metadata = extractPageMetadata($.root().get(0) as AnyNode, url);

  let paragraphs: string[] | null = null;
  if (options.bodySelector) {
    let selected: Element[] = [];
    try {
      selected = $(options.bodySelector).toArray().filter((n): n is Element => n.type === 'tag');
    } catch {
      // An invalid selector in a source's configuration falls back to the heuristics.
      selected = [];
    }
    // Nested matches would repeat text: keep only the outermost.
    const outermost = selected.filter((el) => !selected.some((other) => other !== el && contains(other, el)));
    if (outermost.length > 0) {
      const fromSelector = cutTrailingChrome(paragraphsOf(outermost));
      if (fromSelector.join(' ').length >= MIN_SELECTOR_TEXT) paragraphs = fromSelector;
    }
  }
  if (paragraphs === null) {
    paragraphs = extractMainContent(documentRoot($)).paragraphs;
    if (paragraphs.join(' ').length < MIN_TEXT_BEFORE_RETRY) {
      // Class names misled the pruning (a page wrapped in "modal" or "taboola" boxes): read the
      // page again trusting only tags, roles and visibility.
      const lenient = extractMainContent(documentRoot(parse(input)), { byClass: false }).paragraphs;
      if (lenient.join(' ').length > paragraphs.join(' ').length) paragraphs = lenient;
    }
  }
  return { ...metadata, text: joinParagraphs(paragraphs) };
}

function parse(html: string): CheerioAPI {
  let $ = load(html, PARSER_OPTIONS);
  // A fragment or bare text: give it a document, which the scoring walks up to.
  if ($('html').length === 0) $ = load(`<html><body>${html}</body></html>`, PARSER_OPTIONS);
  limitDomDepth($.root().get(0) as AnyNode);
  return $;
}

/** The whole <html> element, not just <body>: htmlparser2 leaves content met inside an unclosed <head> there. */
function documentRoot($: CheerioAPI): Element {
  return ($('html').get(0) as Element | undefined) ?? ($.root().get(0) as unknown as Element);
}

function contains(ancestor: Element, node: Element): boolean {
  let p = node.parent;
  while (p) {
    if (p === ancestor) return true;
    p = p.parent;
  }
  return false;
}
