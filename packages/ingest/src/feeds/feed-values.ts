import { decodeHTMLStrict } from 'entities';

/** Small pure helpers shared by the feed and sitemap parsers. */

/** Tags stripped, entities decoded, whitespace collapsed; null when nothing is left. */
export function plainText(html: string | null, maxChars = Number.POSITIVE_INFINITY): string | null {
  if (!html) return null;
  const text = decodeHTMLStrict(
    html
      .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<[^>]*>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return null;
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

/** ISO 8601 from an RFC 822 / ISO / W3C date string, or null. */
export function toIsoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (!trimmed) return null;
  let ms = Date.parse(trimmed);
  if (Number.isNaN(ms)) {
    // Common RFC 822 variants Date.parse rejects: named zones like "EDT"/"CEST" after a time, or a trailing "(UTC)".
    const cleaned = trimmed.replace(/\s*\([^)]*\)\s*$/, '').replace(/\s+[A-Z]{3,5}$/, ' GMT');
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
