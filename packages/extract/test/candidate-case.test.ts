import { describe, expect, it } from 'vitest';
import { isAllCaps, isCapitalised, newCandidate, type Candidate } from '../src/entities/recognizer/index.ts';
import type { Token } from '../src/text/tokenizer.ts';
import { tokenize } from '../src/text/tokenizer.ts';
import { defaultGazetteer, gazetteerEntry, type GazetteerEntry } from '../src/lexicon/gazetteer.ts';

function word(text: string): Token {
  return { start: 0, end: text.length, text, kind: 'word', spaceBefore: true, newlineBefore: false, blankLineBefore: false };
}

describe('case tests of tokens (ASCII by code, the rest by case mapping)', () => {
  it('isCapitalised: an upper-case first letter, in any script', () => {
    expect(isCapitalised(word('Paris'))).toBe(true);
    expect(isCapitalised(word('paris'))).toBe(false);
    expect(isCapitalised(word('Élysée'))).toBe(true);
    expect(isCapitalised(word('élysée'))).toBe(false);
    expect(isCapitalised(word('Ωmega'))).toBe(true);
    expect(isCapitalised(word('ßtraße'))).toBe(false);
    expect(isCapitalised(word(''))).toBe(false);
    expect(isCapitalised({ ...word('Paris'), kind: 'punct' })).toBe(false);
  });

  it('isAllCaps: two or more letters, none lower case; dots, ampersands and apostrophes allowed', () => {
    expect(isAllCaps(word('NATO'))).toBe(true);
    expect(isAllCaps(word('U.S.'))).toBe(true);
    expect(isAllCaps(word('AT&T'))).toBe(true);
    expect(isAllCaps(word("O'NEILL"))).toBe(true);
    expect(isAllCaps(word('G7'))).toBe(false);
    expect(isAllCaps(word('A'))).toBe(false);
    expect(isAllCaps(word('NAto'))).toBe(false);
    expect(isAllCaps(word('ÉTÉ'))).toBe(true);
    expect(isAllCaps(word('ÉTé'))).toBe(false);
    // ß has no single upper-case form: it counts as lower case.
    expect(isAllCaps(word('STRAßE'))).toBe(false);
  });

  it('isAllCaps reads a surrogate pair as one character', () => {
    // Deseret capital and small letter LONG I (U+10400, U+10428): cased letters outside the BMP.
    expect(isAllCaps(word('\u{10400}\u{10400}'))).toBe(true);
    expect(isAllCaps(word('\u{10400}\u{10428}'))).toBe(false);
    // Mathematical bold capitals have no case mapping: not letters for this test.
    expect(isAllCaps(word('\u{1D400}\u{1D401}'))).toBe(false);
    expect(tokenize('\u{10400}\u{10400} said')[0]?.text).toBe('\u{10400}\u{10400}');
  });
});

describe('newCandidate', () => {
  it('gives every candidate the same fields in the same order', () => {
    const a = newCandidate({ first: 0, last: 1, type: null, source: 'capitalised' }, 3);
    const b = newCandidate({ first: 2, last: 4, type: 'Person', source: 'title-name', role: 'minister', weak: true }, 5);
    expect(Object.keys(a)).toEqual(Object.keys(b));
    expect(b).toMatchObject({ first: 2, last: 4, sentenceIndex: 5, type: 'Person', source: 'title-name', role: 'minister', weak: true });
    expect(a.role).toBeUndefined();
  });

  // `Required<>` makes this fail to typecheck when Candidate gains a field, until the field is
  // listed here; the check then fails if newCandidate drops it.
  it('copies every field of Candidate', () => {
    const entry = gazetteerEntry({ type: 'Place', id: 'place:x', name: 'X', attributes: {}, form: 'name' });
    const full: Required<Candidate> = { first: 1, last: 2, sentenceIndex: 3, type: 'Person', entry, source: 's', weak: true, adjectival: true, role: 'r', affiliation: newCandidate({ first: 0, last: 1, type: null, source: 'a' }, 3), metonymic: true, dateline: true };
    const { sentenceIndex, ...rest } = full;
    expect(newCandidate(rest, sentenceIndex)).toEqual(full);
  });
});

describe('gazetteer entries', () => {
  it('all have one shape, and an entry added under several keys stays one object', () => {
    const g = defaultGazetteer();
    const shape = Object.keys(gazetteerEntry({ type: 'Place', id: 'place:x', name: 'X', attributes: {}, form: 'name' })).join();
    const shapes = new Set<string>();
    for (const list of g.names.values()) for (const e of list) shapes.add(Object.keys(e).join());
    for (const e of g.goods.values()) shapes.add(Object.keys(e).join());
    expect([...shapes]).toEqual([shape]);
    // "Britain" and "United Kingdom" are one country record: one entry object under both keys.
    const a = g.lookup('britain')?.find((e) => e.type === 'Country' && e.form === 'name');
    const b = g.lookup('united kingdom')?.find((e) => e.type === 'Country' && e.form === 'name');
    expect(a).toBeDefined();
    expect(a).toBe(b);
  });

  // As for Candidate: a field added to GazetteerEntry must be listed here and kept by gazetteerEntry
  // (a field it dropped once made vessels goods in any sentence).
  it('gazetteerEntry copies every field of GazetteerEntry', () => {
    const full: Required<GazetteerEntry> = { type: 'Goods', id: 'goods:x', name: 'x', attributes: {}, form: 'goods', capitalOf: 'XX', exactCase: 'X', weak: true, goodsAlways: true, goodsStrict: true, goodsMilitary: true, goodsTraded: true, minor: true };
    expect(gazetteerEntry(full)).toEqual(full);
  });
});
