import { decodeHTMLStrict } from 'entities';

/** Small pure helpers shared by the feed and sitemap parsers. */

/**
 * Markup removed in one linear pass (regexes like /<[^>]*>/ go quadratic on hostile input such
 * as thousands of unclosed "<"): tags become spaces, CDATA keeps its text, script and style
 * elements are dropped whole.
 */
export function stripMarkup(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let i = 0;
  let nextGt = -1;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (html.startsWith('<![CDATA[', lt)) {
      const end = html.indexOf(']]>', lt + 9);
      out += end < 0 ? html.slice(lt + 9) : html.slice(lt + 9, end);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    const element = /^<(script|style)\b/i.exec(html.slice(lt, lt + 8));
    if (element) {
      const close = lower.indexOf(`</${element[1]!.toLowerCase()}`, lt);
      if (close < 0) break;
      const gt = html.indexOf('>', close);
      out += ' ';
      i = gt < 0 ? html.length : gt + 1;
      continue;
    }
    // The next '>' is cached: positions only move forward, so the whole pass stays linear.
    if (nextGt <= lt) nextGt = html.indexOf('>', lt + 1);
    if (nextGt < 0) {
      out += html.slice(lt);
      break;
    }
    const nextLt = html.indexOf('<', lt + 1);
    if (nextLt >= 0 && nextLt < nextGt) {
      out += '<'; // a lone '<' in text, not a tag
      i = lt + 1;
      continue;
    }
    out += ' ';
    i = nextGt + 1;
  }
  return out;
}

/** Tags stripped, entities decoded, whitespace collapsed; null when nothing is left. */
export function plainText(html: string | null, maxChars = Number.POSITIVE_INFINITY): string | null {
  if (!html) return null;
  const text = decodeHTMLStrict(stripMarkup(html)).replace(/\s+/g, ' ').trim();
  if (!text) return null;
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

/** Offsets of zone abbreviations Date.parse does not know (it knows UT, GMT, Z and the US zones). */
const ZONES: Record<string, string> = {
  UTC: '+0000', WET: '+0000', BST: '+0100', CET: '+0100', WEST: '+0100', MET: '+0100', CEST: '+0200', MEST: '+0200',
  EET: '+0200', SAST: '+0200', EEST: '+0300', MSK: '+0300', IST: '+0530', ICT: '+0700', WIB: '+0700', HKT: '+0800',
  SGT: '+0800', AWST: '+0800', PHT: '+0800', JST: '+0900', KST: '+0900', ACST: '+0930', AEST: '+1000', AEDT: '+1100',
  NZST: '+1200', NZDT: '+1300', BRT: '-0300', ART: '-0300', AST: '-0400', NST: '-0330',
};

/** ISO 8601 from an RFC 822 / ISO / W3C date string, or null. */
export function toIsoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > 100) return null;
  let ms = Date.parse(trimmed);
  if (Number.isNaN(ms)) {
    // RFC 822 variants Date.parse rejects: a trailing "(UTC)" comment, zones like "CEST" or "JST".
    const cleaned = trimmed
      .replace(/\s*\([^)]{0,40}\)$/, '')
      .replace(/\s+([A-Z]{3,4})$/, (_m, zone: string) => ` ${ZONES[zone] ?? '+0000'}`);
    ms = Date.parse(cleaned);
  }
  if (Number.isNaN(ms)) return null;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (year < 1900 || year > 2200) return null;
  return date.toISOString();
}

/** An absolute http(s) URL for `link` against `base`, or null. */
export function resolveHttpUrl(link: string | null | undefined, base: string | null): string | null {
  if (!link) return null;
  const trimmed = link.trim();
  if (!trimmed) return null;
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.href;
  } catch {
    return null;
  }
}
