import { describe, expect, it } from 'vitest';
import { KnownNames, extract } from '../src/index.ts';

/** Invented names only. */
const known = new KnownNames(
  [
    { name: 'Grand Fenwick Armaments', type: 'Organization' },
    { name: 'Quuxbank', type: 'Organization' },
    { name: 'MERVILLE, Odile', type: 'Person' },
    { name: 'Ocean', type: 'Organization' },
    { name: 'Zorblat', type: 'Person' },
  ],
  { isCommonWord: (w) => w === 'ocean' },
);

describe('known names from lists', () => {
  it('keeps names of two words or more, or one distinctive word; never a one-word person or a common word', () => {
    expect(known.size).toBe(3);
    expect(known.find('Ocean and Zorblat').length).toBe(0);
  });

  it('finds listed names in running text, capitalized as names are, across no sentence end', () => {
    const text = 'Officials said Quuxbank wired funds. Odile Merville denied it; quuxbank in lower case is not a name. Grand. Fenwick Armaments';
    expect(known.find(text).map((h) => [h.text, h.known.type])).toEqual([
      ['Quuxbank', 'Organization'],
      ['Odile Merville', 'Person'],
    ]);
  });

  it('adds the entities to an extraction and replaces the shorter guesses inside them', () => {
    const text = 'Grand Fenwick Armaments shipped drones to Russia, officials said.';
    const plain = extract(text);
    const withKnown = extract(text, { knownNames: known });
    const org = withKnown.entities.find((e) => e.name === 'Grand Fenwick Armaments');
    expect(org).toMatchObject({ id: 'org:grand-fenwick-armaments', type: 'Organization', mentions: [{ start: 0, end: 23, text: 'Grand Fenwick Armaments' }] });
    expect(withKnown.entities.filter((e) => e.mentions.some((m) => m.start < 23 && m.end <= 23 && e !== org))).toEqual([]);
    expect(withKnown.entities.find((e) => e.name === 'Russia')).toEqual(plain.entities.find((e) => e.name === 'Russia'));
    // Without known names the same text gives no such organization.
    expect(plain.entities.some((e) => e.name === 'Grand Fenwick Armaments')).toBe(false);
  });
});
