/**
 * Characters XML 1.0 does not allow at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF).
 * Escaping cannot represent them, so they are dropped.
 */
const XML_ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripXmlIllegal(text: string): string {
  return text.replace(XML_ILLEGAL, '');
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Attribute values normalise raw newlines and tabs to spaces: keep them as character references.
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};

/** Text safe inside an XML element or a double- or single-quoted attribute (one pass per string). */
export function xmlEscape(text: string): string {
  return stripXmlIllegal(text).replace(/[&<>"'\r\n\t]/g, (ch) => XML_ENTITIES[ch]!);
}

/** One RFC 4180 field: quoted when it holds a comma, quote, CR, LF or edge spaces; quotes doubled. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (/[",\r\n]/.test(text) || text !== text.trim()) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function csvRow(values: Array<string | number | boolean | null | undefined>): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
