import type { AnyNode, Element } from 'domhandler';
import { textUnder } from './depth-limit.ts';
import { normalizeInline } from './text-normalization.ts';

/** Metadata of a page, from JSON-LD, OpenGraph, `<meta>` tags and markup, in that order of trust. */
export interface PageMetadata {
  title: string;
  author: string | null;
  publishedAt: string | null;
  outlet: string | null;
  language: string | null;
  canonicalUrl: string | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ARTICLE_TYPE = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AskPublicNewsArticle|BlogPosting|LiveBlogPosting|SocialMediaPosting|TechArticle|ScholarlyArticle|Report|WebPage)$/;
const MAX_JSON_LD_CHARS = 500_000;

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function types(obj: JsonObject): string[] {
  const t = obj['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

/** All objects in a JSON-LD value, following arrays and `@graph`. */
function flattenJsonLd(value: Json, out: JsonObject[], depth = 0): void {
  if (depth > 6) return;
  if (Array.isArray(value)) {
    for (const v of value) flattenJsonLd(v, out, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  out.push(value);
  const graph = value['@graph'];
  if (graph !== undefined) flattenJsonLd(graph, out, depth + 1);
}

function stringOf(value: Json | undefined): string | null {
  if (typeof value === 'string') {
    const s = normalizeInline(value);
    return s.length > 0 ? s : null;
  }
  if (Array.isArray(value)) {
    for (const v of value) {
      const s = stringOf(v);
      if (s) return s;
    }
  }
  if (isObject(value)) return stringOf(value.name ?? value['@value']);
  return null;
}

function namesOf(value: Json | undefined): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [normalizeInline(value)].filter((s) => s.length > 0 && !/^https?:\/\//.test(s));
  if (Array.isArray(value)) return value.flatMap((v) => namesOf(v));
  if (isObject(value)) return namesOf(value.name);
  return [];
}

/** Everything metadata is read from, gathered in one walk over the document. */
interface PageSignals {
  /** `<meta>` content by lower-cased name/property/itemprop/http-equiv; the first one wins. */
  meta: Map<string, string>;
  jsonLd: string[];
  htmlLang: string | null;
  canonical: string | null;
  title: string | null;
  h1: string | null;
  /** datetime of `<time pubdate>` or `[itemprop=datePublished]`. */
  markedDate: string | null;
  firstTimeDate: string | null;
  markedAuthor: string | null;
  /** Text of the first short element whose class/id says it is a date ("post-date", "datum"). */
  dateLineText: string | null;
}

function isElementNode(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Class/id names of elements that show the publication date. */
const DATE_CLASS = /(?:^|[\s_-])(?:date|datum|time|timestamp|published|posted|pubdate|dateline|entry-date|post-date|meta-date)(?:$|[\s_-])/i;

/** A date written somewhere inside a line of text ("Veröffentlicht am 3. Mai 2024, 10:15"). */
export function findDateIn(text: string): string | null {
  const patterns = [
    /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?/,
    /\b\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\b/,
    /\b\d{1,2}\.?\s+[A-Za-zäÄé]{3,9}\.?\s+\d{4}\b/,
    /\b[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}\b/,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) {
      const iso = toIsoDate(match[0]);
      if (iso) return iso;
    }
  }
  return null;
}

/** A date in the URL path: /2019/08/16/ or /2019-08-16-. */
function dateFromUrl(url: string): string | null {
  const match = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)/.exec(url);
  if (!match) return null;
  return toIsoDate(`${match[1]}-${(match[2] as string).padStart(2, '0')}-${(match[3] as string).padStart(2, '0')}`);
}

function collectSignals(root: AnyNode): PageSignals {
  const signals: PageSignals = {
    meta: new Map(),
    jsonLd: [],
    htmlLang: null,
    canonical: null,
    title: null,
    h1: null,
    markedDate: null,
    firstTimeDate: null,
    markedAuthor: null,
    dateLineText: null,
  };
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isElementNode(node)) {
      if ('children' in node) {
        const children = node.children as AnyNode[];
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as AnyNode);
      }
      continue;
    }
    const a = node.attribs;
    switch (node.name) {
      case 'html':
        signals.htmlLang ??= a.lang ?? a['xml:lang'] ?? null;
        break;
      case 'meta': {
        const content = a.content;
        if (content !== undefined) {
          for (const key of [a.property, a.name, a.itemprop, a['http-equiv']]) {
            if (key && !signals.meta.has(key.toLowerCase())) signals.meta.set(key.toLowerCase(), content);
          }
        }
        break;
      }
      case 'link':
        if (signals.canonical === null && a.href && /(?:^|\s)canonical(?:\s|$)/i.test(a.rel ?? '')) signals.canonical = a.href;
        break;
      case 'script':
        if (/^application\/ld\+json$/i.test((a.type ?? '').trim())) signals.jsonLd.push(textUnder(node));
        continue;
      case 'style':
        continue;
      case 'title':
        signals.title ??= textUnder(node);
        break;
      case 'h1':
        signals.h1 ??= textUnder(node);
        break;
      case 'time':
        if (a.datetime) {
          signals.firstTimeDate ??= a.datetime;
          if ('pubdate' in a) signals.markedDate ??= a.datetime;
        }
        break;
      default:
        break;
    }
    if (a.itemprop === 'datePublished') signals.markedDate ??= a.datetime ?? a.content ?? null;
    if (signals.dateLineText === null && (a.class || a.id) && DATE_CLASS.test(`${a.class ?? ''} ${a.id ?? ''}`)) {
      const text = normalizeInline(textUnder(node));
      if (text.length > 0 && text.length <= 120 && findDateIn(text)) signals.dateLineText = text;
    }
    if (signals.markedAuthor === null && (a.rel === 'author' || a.itemprop === 'author')) {
      const name = normalizeInline(textUnder(node));
      if (name.length > 0 && name.length < 100) signals.markedAuthor = name;
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
  }
  return signals;
}

function parseJsonLd(scripts: readonly string[]): JsonObject[] {
  const objects: JsonObject[] = [];
  for (const raw of scripts) {
    if (raw.length === 0 || raw.length > MAX_JSON_LD_CHARS) continue;
    try {
      flattenJsonLd(JSON.parse(raw.replace(/^\s*<!--|-->\s*$/g, '')) as Json, objects);
    } catch {
      // Broken JSON-LD is common; the other sources still count.
    }
  }
  return objects;
}

function metaReader(signals: PageSignals): (...keys: string[]) => string | null {
  return (...keys) => {
    for (const key of keys) {
      const content = signals.meta.get(key.toLowerCase());
      if (content !== undefined) {
        const value = normalizeInline(content);
        if (value.length > 0) return value;
      }
    }
    return null;
  };
}

const MONTHS: Record<string, number> = {
  jan: 1, januar: 1, january: 1, jänner: 1, feb: 2, februar: 2, february: 2, mär: 3, mar: 3, märz: 3, march: 3,
  apr: 4, april: 4, mai: 5, may: 5, jun: 6, juni: 6, june: 6, jul: 7, juli: 7, july: 7, aug: 8, august: 8,
  sep: 9, sept: 9, september: 9, okt: 10, oct: 10, oktober: 10, october: 10, nov: 11, november: 11,
  dez: 12, dec: 12, dezember: 12, december: 12,
};

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function validDate(y: number, m: number, d: number): boolean {
  return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/**
 * A date string as ISO 8601: a date with time becomes a UTC timestamp (`2024-05-03T10:00:00.000Z`),
 * a bare date stays a date (`2024-05-03`). Understands ISO forms, RFC 2822, `03.05.2024` and
 * `3. Mai 2024` / `May 3, 2024`. Returns null for anything else.
 */
export function toIsoDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = normalizeInline(raw);
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return validDate(+m[1]!, +m[2]!, +m[3]!) ? s : null;
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return validDate(+m[1]!, +m[2]!, +m[3]!) ? `${m[1]}-${m[2]}-${m[3]}` : null;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}/.test(s) || /^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4}/.test(s)) {
    const t = Date.parse(s.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    const d = Number.isNaN(t) ? Date.parse(s) : t;
    if (!Number.isNaN(d)) {
      const iso = new Date(d).toISOString();
      return validDate(+iso.slice(0, 4), 1, 1) ? iso : null;
    }
  }
  m = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b/.exec(s);
  if (m && validDate(+m[3]!, +m[2]!, +m[1]!)) return `${m[3]}-${pad(+m[2]!)}-${pad(+m[1]!)}`;
  m = /^(\d{1,2})\.?\s+([A-Za-zäÄ]+)\.?\s+(\d{4})\b/.exec(s);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (month && validDate(+m[3]!, month, +m[1]!)) return `${m[3]}-${pad(month)}-${pad(+m[1]!)}`;
  }
  m = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(s);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    if (month && validDate(+m[3]!, month, +m[2]!)) return `${m[3]}-${pad(month)}-${pad(+m[2]!)}`;
  }
  return null;
}

function absoluteUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  if (trimmed.length === 0 || /^(?:javascript|data|mailto):/i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.href;
  } catch {
    return null;
  }
}

function languageTag(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const m = /^\s*([a-zA-Z]{2,3})(?:[-_]|\s*$|,)/.exec(raw);
  return m?.[1] ? m[1].toLowerCase() : null;
}

const TITLE_SEPARATOR = /\s+[|–—·»›:•]\s+|\s+-\s+/;

/** Drops a " | Site name" (or "Site name - ") part from a headline. */
export function stripSiteFromTitle(title: string, site: string | null): string {
  const parts = title.split(TITLE_SEPARATOR).map((p) => p.trim()).filter((p) => p.length > 0);
  if (parts.length < 2) return title;
  const siteKey = site ? site.toLowerCase().replace(/^www\./, '') : null;
  const isSite = (p: string): boolean => {
    const key = p.toLowerCase();
    return siteKey !== null && (key === siteKey || siteKey.includes(key) || key.includes(siteKey));
  };
  const last = parts[parts.length - 1] as string;
  const first = parts[0] as string;
  if (isSite(last)) return title.slice(0, title.lastIndexOf(last)).replace(/[\s|–—·»›:•-]+$/, '').trim() || title;
  if (isSite(first)) return title.slice(title.indexOf(first) + first.length).replace(/^[\s|–—·»›:•-]+/, '').trim() || title;
  // No site name known: a short trailing part after a pipe is the site's name by convention.
  const pipe = /\s+\|\s+/.exec(title);
  if (pipe && last.split(/\s+/).length <= 4 && first.length > last.length) return title.slice(0, title.lastIndexOf('|')).trim();
  return title;
}

function hostOutlet(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** Reads title, author, date, outlet, language and canonical URL from a parsed page. */
export function extractPageMetadata(root: AnyNode, url: string): PageMetadata {
  const signals = collectSignals(root);
  const meta = metaReader(signals);
  const objects = parseJsonLd(signals.jsonLd);
  const article = objects.find((o) => types(o).some((t) => ARTICLE_TYPE.test(t) && t !== 'WebPage'));
  const webPage = objects.find((o) => types(o).includes('WebPage'));
  const webSite = objects.find((o) => types(o).includes('WebSite'));
  const primary = article ?? webPage;

  const outlet =
    meta('og:site_name') ??
    (primary && isObject(primary.publisher) ? stringOf(primary.publisher.name) : null) ??
    (primary ? stringOf(primary.publisher) : null) ??
    (webSite ? stringOf(webSite.name) : null) ??
    meta('application-name', 'publisher', 'dc.publisher', 'dcterms.publisher') ??
    null;

  const rawTitle =
    meta('og:title') ??
    (article ? stringOf(article.headline) ?? stringOf(article.name) : null) ??
    meta('parsely-title', 'twitter:title', 'dc.title', 'dcterms.title', 'headline') ??
    (normalizeInline(signals.h1 ?? '') || null) ??
    normalizeInline(signals.title ?? '');
  // "Headline › Site" or "Section | Headline": the page's own <h1> says which part is the headline.
  const h1 = normalizeInline(signals.h1 ?? '');
  const title = h1.length >= 10 && rawTitle !== h1 && rawTitle.includes(h1) ? h1 : stripSiteFromTitle(rawTitle, outlet ?? hostOutlet(url));

  const authors = article ? namesOf(article.author ?? article.creator) : [];
  let author: string | null = authors.length > 0 ? [...new Set(authors)].join(', ') : null;
  if (!author) {
    const articleAuthor = meta('article:author');
    author =
      meta('author', 'parsely-author', 'dc.creator', 'dcterms.creator', 'sailthru.author', 'byl') ??
      (articleAuthor && !/^https?:\/\//.test(articleAuthor) ? articleAuthor : null) ??
      signals.markedAuthor;
  }
  if (author) author = author.replace(/^(?:by|von)\s+/i, '').trim() || null;

  const publishedAt =
    toIsoDate(article ? stringOf(article.datePublished) ?? stringOf(article.dateCreated) : null) ??
    toIsoDate(meta('article:published_time')) ??
    toIsoDate(meta('datePublished')) ??
    toIsoDate(
      meta('parsely-pub-date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.date', 'dcterms.created', 'sailthru.date', 'article.published', 'og:published_time', 'citation_publication_date'),
    ) ??
    toIsoDate(signals.markedDate) ??
    toIsoDate(signals.firstTimeDate) ??
    (signals.dateLineText ? findDateIn(signals.dateLineText) : null) ??
    dateFromUrl(url) ??
    (primary ? toIsoDate(stringOf(primary.dateModified)) : null);

  const language =
    languageTag(signals.htmlLang) ??
    languageTag(article ? stringOf(article.inLanguage) : null) ??
    languageTag(meta('og:locale', 'language', 'dc.language', 'content-language')) ??
    null;

  const mainEntity = article?.mainEntityOfPage;
  const canonicalUrl =
    absoluteUrl(signals.canonical, url) ??
    absoluteUrl(meta('og:url'), url) ??
    absoluteUrl(isObject(mainEntity) ? stringOf(mainEntity['@id']) : stringOf(mainEntity), url) ??
    absoluteUrl(article ? stringOf(article.url) : null, url);

  return { title, author, publishedAt, outlet, language, canonicalUrl };
}
