import { decodeHTMLStrict } from 'entities';

/**
 * Makes real-world feed XML digestible for a strict parser (sax via xml2js) without ever
 * expanding anything the document defines itself:
 * - the DOCTYPE (and its internal subset, where custom entities live) is removed, so entity
 *   definitions are never read: "billion laughs" and external entities cannot expand;
 * - HTML named entities (&nbsp; &eacute; ...), which feeds use all the time, become numeric
 *   character references; unknown ones and bare '&' are escaped to literal text;
 * - characters XML forbids (C0 controls) are dropped;
 * - the XML declaration is removed (the text is already decoded; its position trips strict parsers).
 * CDATA sections and comments are left untouched. Newlines are preserved so error line numbers
 * still point into the original document.
 */

const XML_PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

function newlinesOf(text: string): string {
  let out = '';
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out += '\n';
  return out;
}

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

const TOKEN = /<!\[CDATA\[|<!--|&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{0,31})?(;)?/g;

function fixEntity(match: string, name: string | undefined, semicolon: string | undefined): string {
  if (!name || !semicolon) return `&amp;${match.slice(1)}`;
  if (name.charCodeAt(0) === 0x23) {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return isXmlChar(code) ? match : '';
  }
  if (XML_PREDEFINED.has(name)) return match;
  const decoded = decodeHTMLStrict(match);
  if (decoded !== match) {
    return Array.from(decoded)
      .map((ch) => `&#${ch.codePointAt(0)};`)
      .join('');
  }
  return `&amp;${name};`;
}

export function sanitizeXml(xml: string): string {
  let text = xml.replace(/^\uFEFF/, '');
  // The XML declaration, wherever leading whitespace pushed it.
  text = text.replace(/^(\s*)<\?xml[^>]{0,500}?\?>/, (_m, lead: string) => newlinesOf(lead));
  // DOCTYPE with an optional internal subset; replaced by its newlines.
  // A DOCTYPE in the prolog (after whitespace, comments and PIs only): "<!DOCTYPE" inside a
  // comment or an item's CDATA is content.
  let pos = 0;
  for (;;) {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
    if (text.startsWith('<!--', pos)) {
      const close = text.indexOf('-->', pos + 4);
      if (close === -1) break;
      pos = close + 3;
    } else if (text.startsWith('<?', pos)) {
      const close = text.indexOf('?>', pos + 2);
      if (close === -1) break;
      pos = close + 2;
    } else break;
  }
  if (/^<!DOCTYPE/i.test(text.slice(pos, pos + 9))) {
    const open = text.indexOf('[', pos);
    const firstClose = text.indexOf('>', pos);
    let end = firstClose;
    if (open !== -1 && (firstClose === -1 || open < firstClose)) {
      const subsetEnd = text.indexOf(']', open);
      end = subsetEnd === -1 ? -1 : text.indexOf('>', subsetEnd);
    }
    if (end !== -1) text = text.slice(0, pos) + newlinesOf(text.slice(pos, end + 1)) + text.slice(end + 1);
  }
  // Forbidden control characters.
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  // Linear scan: CDATA sections and comments are copied verbatim (found with indexOf, so an
  // unclosed one costs one pass, not one pass per occurrence), entities are repaired elsewhere.
  let out = '';
  let copied = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    if (m[0] === '<![CDATA[' || m[0] === '<!--') {
      const close = text.indexOf(m[0] === '<!--' ? '-->' : ']]>', TOKEN.lastIndex);
      if (close === -1) break;
      TOKEN.lastIndex = close + 3;
      continue;
    }
    const fixed = fixEntity(m[0], m[1], m[2]);
    if (fixed === m[0]) continue;
    out += text.slice(copied, m.index) + fixed;
    copied = m.index + m[0].length;
  }
  return out + text.slice(copied);
}

const MARKUP = /<!\[CDATA\[|<!--|<\?|<!|<(\/?)[A-Za-z_]/g;

/** Calls `onTag` for each start tag (closing=false) or end tag, skipping CDATA, comments, PIs; linear time. */
function scanTags(xml: string, onTag: (closing: boolean, nameStart: number, selfClosing: boolean) => boolean): void {
  MARKUP.lastIndex = 0;
  for (let m = MARKUP.exec(xml); m; m = MARKUP.exec(xml)) {
    const token = m[0];
    let closer: string | null = null;
    if (token === '<![CDATA[') closer = ']]>';
    else if (token === '<!--') closer = '-->';
    else if (token === '<?') closer = '?>';
    else if (token === '<!') closer = '>';
    if (closer) {
      const end = xml.indexOf(closer, MARKUP.lastIndex);
      if (end === -1) return;
      MARKUP.lastIndex = end + closer.length;
      continue;
    }
    const end = xml.indexOf('>', MARKUP.lastIndex);
    if (end === -1) return;
    const closing = m[1] === '/';
    const selfClosing = xml.charCodeAt(end - 1) === 0x2f;
    if (!onTag(closing, m.index + (closing ? 2 : 1), selfClosing)) return;
    MARKUP.lastIndex = end + 1;
  }
}

/** Deepest element nesting, skipping CDATA and comments (a guard against pathological inputs). */
export function maxNestingDepth(xml: string, stopAt: number): number {
  let depth = 0;
  let max = 0;
  scanTags(xml, (closing, _start, selfClosing) => {
    if (closing) depth = Math.max(0, depth - 1);
    else if (!selfClosing) {
      depth++;
      if (depth > max) max = depth;
    }
    return max <= stopAt;
  });
  return max;
}

/** Name of the first element (the root), e.g. 'rss', 'feed', 'rdf:RDF', 'html'; null when none. */
export function rootElementName(xml: string): string | null {
  let name: string | null = null;
  scanTags(xml, (closing, start) => {
    if (closing) return true;
    name = /^[A-Za-z_][\w:.-]*/.exec(xml.slice(start, start + 200))?.[0] ?? null;
    return false;
  });
  return name;
}
