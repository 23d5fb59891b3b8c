/**
 * What a body is, judged by its first bytes rather than by what the server or the file name
 * claims: servers label PDFs, images and archives `text/html`, and a `.txt` can hold anything.
 */
export type SniffedContent = 'text' | 'pdf' | 'binary';

/** How much of the start is looked at: magic numbers sit at offset 0, and 8 KiB shows what the rest is. */
const SAMPLE = 8192;

/** Signatures of binary formats that can start with printable bytes (so the control-character test would miss them). */
const BINARY_MAGIC: readonly string[] = [
  '\x89PNG',
  'GIF87a',
  'GIF89a',
  'PK\x03\x04', // zip, docx, xlsx, epub
  '\x1f\x8b', // gzip
  'BZh',
  '\xfd7zXZ',
  'Rar!',
  "7z\xbc\xaf'\x1c",
  '\xff\xd8\xff', // JPEG
  '\x7fELF',
  'OggS',
  'ID3', // mp3
  'wOFF',
  'wOF2',
];

/**
 * Sniffs a body given as bytes or as already-decoded text. PDF: the `%PDF-` signature (allowed
 * after leading whitespace or a BOM, as readers do). Binary: a known magic number, a NUL, more
 * than 10 % control characters other than tab, line feed, form feed and carriage return, or (in
 * decoded text) more than 10 % U+FFFD, which is what invalid UTF-8 decodes to.
 */
export function sniffContent(body: Uint8Array | string): SniffedContent {
  const sample = typeof body === 'string' ? body.slice(0, SAMPLE) : latin1(body.subarray(0, SAMPLE));
  if (/^(?:\ufeff|\xef\xbb\xbf)?\s*%PDF-/.test(sample)) return 'pdf';
  if (BINARY_MAGIC.some((magic) => sample.startsWith(magic))) return 'binary';
  let control = 0;
  let replacement = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return 'binary';
    if (c < 9 || (c > 13 && c < 32) || c === 11) control++;
    else if (c === 0xfffd) replacement++;
  }
  if (sample.length === 0) return 'text';
  return control / sample.length > 0.1 || replacement / sample.length > 0.1 ? 'binary' : 'text';
}

/** One character per byte, so that signatures compare the same way for bytes and text. */
function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return s;
}
