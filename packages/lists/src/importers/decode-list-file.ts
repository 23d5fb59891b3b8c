import iconv from 'iconv-lite';
import { InputError } from '@newsgraph/shared';

/** 1-based line of a byte offset. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Find the first byte where strict decoding fails, by halving.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  // The prefix may end inside an unfinished sequence; the bad sequence starts at its lead byte.
  let start = lo;
  while (start > 0 && lo - start < 3 && (bytes[start - 1]! & 0xc0) === 0x80) start--;
  if (start > 0 && bytes[start - 1]! >= 0xc0) return start - 1;
  return lo;
}

/** Decodes a file that must be UTF-8 (BOM dropped); invalid bytes are an error naming the file and line. */
export function decodeUtf8(file: string, bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new InputError(file, `binary data (a NUL byte on line ${lineOfByte(bytes, bytes.indexOf(0))}): not a list file`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new InputError(file, `line ${lineOfByte(bytes, at)}: not valid UTF-8 (byte 0x${bytes[at]?.toString(16).padStart(2, '0')} at offset ${at}); is the file in another encoding?`);
  }
}

/**
 * Decodes OFAC's legacy CSV files, which are Windows-1252. A file that is valid UTF-8 with
 * non-ASCII characters was re-saved as UTF-8 and is read as such (decoding it as 1252 would
 * garble every accented name). The DOS end-of-file mark (0x1A) OFAC appends is dropped.
 */
export function decodeWindows1252(file: string, bytes: Uint8Array): { text: string; encoding: 'windows-1252' | 'utf-8' } {
  if (bytes.includes(0)) throw new InputError(file, `binary data (a NUL byte on line ${lineOfByte(bytes, bytes.indexOf(0))}): not a list file`);
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0x1a) end--;
  const body = bytes.subarray(0, end);
  const nonAscii = body.some((b) => b > 0x7f);
  if (nonAscii) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
    } catch {
      // not UTF-8: Windows-1252 as documented
    }
  }
  return { text: iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'win1252'), encoding: 'windows-1252' };
}
