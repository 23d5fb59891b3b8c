import { describe, expect, it } from 'vitest';
import { isTrimmedSpace, trailingChromeStart } from '../src/text/chrome.ts';

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
});
