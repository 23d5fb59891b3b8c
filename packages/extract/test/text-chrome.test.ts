import { describe, expect, it } from 'vitest';
import { seededRandom } from '@newsgraph/shared';
import { isTrimmedSpace, trailingChromeStart } from '../src/text/chrome.ts';

/** The cut as written before the marker phrases became data (slice, trim and one regular expression per line): the reference. */
const REFERENCE_MARKERS = /^(follow us\b|next in\b|others also read\b|also read\b|read more\b|related (articles|stories|news|coverage)\b|more from\b|recommended\b|you may also like\b|sign up\b|subscribe\b|advertisement\b|share this\b|most (read|popular)\b|trending\b|top stories\b)/i;
function referenceCut(text: string): number {
  let end = text.length;
  let lines = 0;
  let cut = text.length;
  while (end > 0 && lines < 60) {
    const nl = text.lastIndexOf('\n', end - 1);
    const line = text.slice(nl + 1, end).trim();
    lines++;
    if (line.length > 140) break;
    if (line && REFERENCE_MARKERS.test(line)) cut = nl + 1;
    if (nl < 0) break;
    end = nl;
  }
  return cut;
}

describe('trailing page chrome', () => {
  it('treats as space exactly what String.prototype.trim removes', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      expect(isTrimmedSpace(c), `U+${c.toString(16)}`).toBe(`${ch}x`.trim() === 'x');
    }
  });

  it('cuts at a marker line followed by short lines, whatever spaces surround it', () => {
    const body = 'The minister said the talks would resume on Monday in Vienna.\n';
    expect(trailingChromeStart(`${body}Follow us on social media\nHeadline one\nHeadline two\n`)).toBe(body.length);
    expect(trailingChromeStart(`${body}  \u00a0Related stories\u3000 \n\tHeadline one\r\n`)).toBe(body.length);
    expect(trailingChromeStart(`${body}\u2003MORE FROM BUSINESS\n`)).toBe(body.length);
  });

  it('keeps the text when no marker opens a line, or a long line follows the marker', () => {
    const body = 'The minister said the talks would resume on Monday in Vienna.\n';
    expect(trailingChromeStart(`${body}Headline one\n  \n`)).toBe(body.length + 16);
    expect(trailingChromeStart(`${body}He said: follow us\n`)).toBe(body.length + 19);
    const long = `Follow us\n${'word '.repeat(40)}\nshort line\n`;
    expect(trailingChromeStart(long)).toBe(long.length);
    // A line of 140 characters once trimmed is still short; 141 ends the walk.
    expect(trailingChromeStart(`Follow us\n  ${'x'.repeat(140)}  \n`)).toBe(0);
    const longLine = `Follow us\n${'x'.repeat(141)}\n`;
    expect(trailingChromeStart(longLine)).toBe(longLine.length);
    expect(trailingChromeStart('')).toBe(0);
    expect(trailingChromeStart('   \n \n')).toBe(6);
  });

  it('cuts where the reference does, on marker lines in any case and near misses', () => {
    const phrases = ['follow us', 'next in', 'others also read', 'also read', 'read more', 'related articles', 'related coverage', 'related', 'more from', 'recommended', 'you may also like', 'sign up', 'subscribe', 'advertisement', 'share this', 'most read', 'most popular', 'most', 'trending', 'top stories', 'top', 'ſign up', 'ſubscribe', 'Kelvin'];
    const tails = ['', ' on Twitter', 's', 'd', '-x', ':', '\u00e9', ' ', '\t', '1', "'s"];
    const openers = ['', ' ', '\u00a0', '\u3000', '"', '- ', '1 '];
    const random = seededRandom(7);
    const cases = (p: string) => [p, p.toUpperCase(), p.replace(/\b\w/g, (c) => c.toUpperCase()), [...p].map((c) => (random() < 0.5 ? c.toUpperCase() : c)).join('')];
    let n = 0;
    for (const phrase of phrases) for (const written of cases(phrase)) for (const tail of tails) for (const opener of openers) {
      const text = `Body text of the story.\n${opener}${written}${tail}\nHeadline one\n`;
      expect(trailingChromeStart(text), JSON.stringify(text)).toBe(referenceCut(text));
      n++;
    }
    expect(n).toBeGreaterThan(2000);
  });
});
