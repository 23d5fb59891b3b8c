import chardet from 'chardet';
import iconv from 'iconv-lite';

/**
 * Charset detection and decoding for fetched bodies and feed files, in this order:
 * byte-order mark, HTTP Content-Type charset (when the bytes agree with it), XML declaration
 * encoding, HTML <meta charset> / http-equiv, a statistical detector (chardet), else UTF-8.
 * Labels are normalised the way browsers do (WHATWG Encoding): latin1/ascii → windows-1252,
 * gb2312/gbk → gb18030, and decoded with iconv-lite.
 */

export type CharsetSource = 'bom' | 'header' | 'xml-declaration' | 'meta' | 'detector' | 'default';

export interface DecodedBody {
  text: string;
  /** Canonical name of the charset used, e.g. 'utf-8', 'windows-1252', 'shift_jis'. */
  charset: string;
  source: CharsetSource;
}

const ALIASES: Record<string, string> = {
  'utf8': 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'utf-16': 'utf-16le',
  'ucs-2': 'utf-16le',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  'iso_8859-1': 'windows-1252',
  'latin1': 'windows-1252',
  'latin-1': 'windows-1252',
  'l1': 'windows-1252',
  'us-ascii': 'windows-1252',
  'ascii': 'windows-1252',
  'cp1252': 'windows-1252',
  'x-cp1252': 'windows-1252',
  'gb2312': 'gb18030',
  'gbk': 'gb18030',
  'x-gbk': 'gb18030',
  'chinese': 'gb18030',
  'csgb2312': 'gb18030',
  'gb_2312-80': 'gb18030',
  'shift-jis': 'shift_jis',
  'sjis': 'shift_jis',
  'x-sjis': 'shift_jis',
  'ms_kanji': 'shift_jis',
  'windows-31j': 'shift_jis',
  'cp932': 'shift_jis',
  'x-euc-jp': 'euc-jp',
  'big5-hkscs': 'big5',
  'x-x-big5': 'big5',
  'cn-big5': 'big5',
  'koi8': 'koi8-r',
  'koi': 'koi8-r',
  'ks_c_5601-1987': 'euc-kr',
  'windows-949': 'euc-kr',
  'tis-620': 'windows-874',
  'iso-8859-11': 'windows-874',
  'iso-8859-9': 'windows-1254',
};

/** Canonical charset name for a label, or null when iconv-lite cannot decode it. */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const clean = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!clean) return null;
  const name = ALIASES[clean] ?? clean;
  // Shift_JIS in the wild is Microsoft's superset (cp932): decode with it, report shift_jis.
  return iconv.encodingExists(name) ? name : null;
}

function iconvName(charset: string): string {
  if (charset === 'shift_jis') return 'cp932';
  return charset;
}

/** The `charset` parameter of a Content-Type header. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return match ? match[2]! : null;
}

function bomCharset(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    if (bytes[2] === 0 && bytes[3] === 0) return { charset: 'utf-32le', length: 4 };
    return { charset: 'utf-16le', length: 2 };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return { charset: 'utf-32be', length: 4 };
  return null;
}

/** UTF-16/32 XML without a BOM: '<' encoded as 3C 00 3F 00, 00 3C 00 3F, 3C 00 00 00 or 00 00 00 3C. */
function utf16WithoutBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0 && bytes[3] === 0x3c) return 'utf-32be';
  if (bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] === 0 && bytes[3] === 0) return 'utf-32le';
  if (bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] === 0x3f && bytes[3] === 0) return 'utf-16le';
  if (bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0 && bytes[3] === 0x3f) return 'utf-16be';
  return null;
}

const XML_DECL = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;
const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;

/** Encoding named in an XML declaration, read from the first bytes as ASCII. */
export function xmlDeclarationCharset(head: string): string | null {
  const match = XML_DECL.exec(head);
  return match ? match[1]! : null;
}

/** Charset from <meta charset> or <meta http-equiv="Content-Type" content="...; charset=...">. */
export function metaCharset(head: string): string | null {
  const match = META_CHARSET.exec(head);
  return match ? match[1]! : null;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decodeWith(bytes: Uint8Array, charset: string): string {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return iconv.decode(buffer, iconvName(charset), { stripBOM: true });
}

/** Statistical guess for bytes that are not valid UTF-8 (null when nothing is confident). */
export function detectCharset(bytes: Uint8Array): string | null {
  const sample = bytes.byteLength > 64 * 1024 ? bytes.subarray(0, 64 * 1024) : bytes;
  const guess = chardet.detect(sample);
  return normalizeCharset(guess);
}

/**
 * Decodes bytes to a string. `contentType` is the HTTP header (null for files). A header charset
 * that the bytes contradict (labelled utf-8 but not valid UTF-8) is ignored in favour of the
 * document's own declaration or the detector: servers mislabel far more often than documents.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null = null): DecodedBody {
  const bom = bomCharset(bytes);
  if (bom) return { text: decodeWith(bytes.subarray(bom.length), bom.charset), charset: bom.charset, source: 'bom' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: decodeWith(bytes, utf16), charset: utf16, source: 'xml-declaration' };

  const validUtf8 = isValidUtf8(bytes);
  const header = normalizeCharset(charsetFromContentType(contentType));
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  if (header && !(header === 'utf-8' && !validUtf8)) {
    // The other common mislabel: a server default of ISO-8859-1 on a UTF-8 document that says
    // so itself. Valid multi-byte UTF-8 almost never occurs by chance in Latin-1 text.
    const selfDeclared = normalizeCharset(xmlDeclarationCharset(head) ?? metaCharset(head));
    if (header === 'windows-1252' && selfDeclared === 'utf-8' && validUtf8 && hasNonAscii(bytes)) {
      return { text: decodeWith(bytes, 'utf-8'), charset: 'utf-8', source: xmlDeclarationCharset(head) ? 'xml-declaration' : 'meta' };
    }
    return { text: decodeWith(bytes, header), charset: header, source: 'header' };
  }
  const declared = normalizeCharset(xmlDeclarationCharset(head));
  if (declared && !(declared === 'utf-8' && !validUtf8)) {
    return { text: decodeWith(bytes, declared), charset: declared, source: 'xml-declaration' };
  }
  const meta = normalizeCharset(metaCharset(head));
  if (meta && !(meta === 'utf-8' && !validUtf8)) {
    return { text: decodeWith(bytes, meta), charset: meta, source: 'meta' };
  }
  if (validUtf8) return { text: decodeWith(bytes, 'utf-8'), charset: 'utf-8', source: 'default' };
  const detected = detectCharset(bytes);
  if (detected && detected !== 'utf-8') return { text: decodeWith(bytes, detected), charset: detected, source: 'detector' };
  // Not UTF-8 and nothing better: windows-1252 maps every byte, so no text is lost to U+FFFD.
  return { text: decodeWith(bytes, 'windows-1252'), charset: 'windows-1252', source: 'default' };
}
