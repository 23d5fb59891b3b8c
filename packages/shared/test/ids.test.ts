import { describe, expect, it } from 'vitest';
import { entityIdFor, slugify } from '../src/index.ts';

/** The Unicode-aware slug steps, applied to every name (slugify skips them for ASCII names). */
function unicodeSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

describe('slugify', () => {
  it('gives ASCII names the slug of the Unicode-aware steps', () => {
    const ascii = Array.from({ length: 128 }, (_v, c) => String.fromCharCode(c)).join('');
    const names = ['Janet Yellen', "O'Neill", 'AT&T Inc.', '  U.S. Treasury  ', 'Shahed-136', 'Rock`n Roll', '--A--B--', ascii, ascii.split('').reverse().join(''), 'Tab\there', ''];
    for (const name of names) expect(slugify(name), JSON.stringify(name)).toBe(unicodeSlug(name));
  });

  it('folds accents and keeps other scripts', () => {
    expect(slugify('Zoë Saldaña')).toBe('zoe-saldana');
    expect(slugify('Ghé Ôn’s')).toBe('ghe-ons');
    expect(slugify('Москва')).toBe('москва');
    expect(entityIdFor('Person', 'Éric Zemmour')).toBe('person:eric-zemmour');
  });
});
