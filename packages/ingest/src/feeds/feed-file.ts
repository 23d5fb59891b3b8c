import { gunzipSync } from 'node:zlib';
import { decodeBody, type DecodedBody } from '../http/charset.ts';
import { FeedParseError } from './feed-parse-error.ts';
import { MAX_FEED_CHARS } from './parse-feed.ts';

/**
 * Decodes the bytes of a feed or sitemap read from disk: gzip files (sitemap.xml.gz, saved
 * compressed feeds) are decompressed with a size cap, then the charset is detected as for a
 * fetched body (BOM, XML declaration, detector).
 */
export function decodeFeedBytes(bytes: Uint8Array, name: string, maxBytes: number = MAX_FEED_CHARS): DecodedBody {
  let data = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      data = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (error) {
      const message = (error as Error).message;
      throw new FeedParseError(name, /buffer|length|range/i.test(message) ? `gzip content larger than ${maxBytes} bytes` : `corrupt gzip data: ${message}`, {
        cause: error,
      });
    }
  }
  return decodeBody(data, null);
}
