import { fileTypeFromBuffer } from 'file-type';

/** Detected types that are markup, i.e. may well be a page or a feed. */
const MARKUP = /^(text\/|application\/(xml|xhtml\+xml|rss\+xml|atom\+xml|json|ld\+json)$|image\/svg\+xml$)/;
/** How much of the body is looked at. */
const SNIFF_BYTES = 4096;

/**
 * What a body really is when it is not text, judged by its content and never by its
 * Content-Type header (servers label PDFs, images and archives text/html): a description such as
 * "a PDF document (application/pdf)" or "binary data (...)", or null for text. Known formats by
 * their signatures (the file-type library); anything else by its bytes: a NUL or more than 10 %
 * control characters in the first 4 KiB is not text in any charset we decode, except UTF-16,
 * which is recognised by its byte-order mark. Both the crawler (HttpFetcher, for pages) and the
 * one-off ingest path call this before a body becomes an article.
 */
export async function detectBinaryBody(body: Uint8Array): Promise<string | null> {
  if (body.length === 0) return null;
  const head = body.subarray(0, SNIFF_BYTES);
  const type = await fileTypeFromBuffer(head).catch(() => undefined);
  const bytes = byteClasses(head);
  const textByBytes = bytes.nul === 0 && bytes.control / head.length <= 0.1;
  // Some signatures are two or three printable letters (BMP's "BM", MP3's "ID3"), so a story
  // that starts "BMW cash to fuel..." matches one. Formats like those always carry NULs or
  // control bytes in their header, so a signature is believed over text-looking bytes only for
  // formats whose files can be all printable (PDF, PostScript, RTF).
  if (type && !MARKUP.test(type.mime) && (!textByBytes || PRINTABLE_SIGNATURE_EXTS.has(type.ext))) {
    return type.mime === 'application/pdf' ? 'a PDF document (application/pdf)' : `a ${type.ext} file (${type.mime})`;
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return null; // UTF-16 text has NULs
  if (!textByBytes) {
    return `binary data (${bytes.nul} NUL and ${bytes.control} control bytes in the first ${head.length})`;
  }
  return null;
}

/** Formats whose signature and header can be entirely printable ASCII. */
const PRINTABLE_SIGNATURE_EXTS: ReadonlySet<string> = new Set(['pdf', 'ps', 'eps', 'rtf']);

function byteClasses(head: Uint8Array): { nul: number; control: number } {
  let nul = 0;
  let control = 0;
  for (const byte of head) {
    if (byte === 0) nul++;
    // Tab, LF, FF, CR and ESC (ISO-2022-JP escapes) occur in text; other C0 controls do not.
    else if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) control++;
  }
  return { nul, control };
}
