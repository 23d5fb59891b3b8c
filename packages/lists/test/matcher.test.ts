import { describe, expect, it } from 'vitest';
import type { ListEntry } from '@newsgraph/shared';
import { ListMatcher, countryCode, organizationWordRarity, foldName, listingsForEntity, nameTokens, skeleton } from '../src/index.ts';

/** Invented entries. */
const entry = (id: string, name: string, extra: Partial<ListEntry> = {}): ListEntry => ({
  list: 'test',
  id,
  type: 'person',
  name,
  aliases: [],
  programs: [],
  listedOn: null,
  nationalities: [],
  countries: [],
  identifiers: [],
  remarks: null,
  ...extra,
});

const ENTRIES: ListEntry[] = [
  entry('p1', 'ZORBLAT, Antonin Vasilyevich', { nationalities: ['Russia'] }),
  entry('p2', 'AL-QUDRANI, Mohammad Hassan', { aliases: ['ABU QASIM'] }),
  entry('p3', 'HOLLOWAY, Brandt', { nationalities: ['Germany'] }),
  entry('p4', 'HOLLOWAY, Brenda'),
  entry('o1', 'QUUXBANK OJSC', { type: 'organization', countries: ['Russia'] }),
  entry('o2', 'MARSH HOLLOW LOGISTICS FZE', { type: 'organization', aliases: ['MARSH HOLLOW FZCO'] }),
  entry('o3', 'ROSOBORONEKSPORT OAO', { type: 'organization' }),
  entry('o4', 'ALPHA', { type: 'organization' }),
  entry('o5', 'GRAND FENWICK ARMAMENTS', { type: 'organization' }),
  entry('v1', 'NEBULA DAWN', { type: 'vessel' }),
  entry('p5', 'KIM, Song Chol', { nationalities: ['Korea, North'] }),
  entry('o6', 'KORVALD', { type: 'organization' }),
  entry('v2', 'KORVALD', { type: 'vessel', countries: ['Panama'] }),
  entry('o7', 'NORTHERN RESEARCH AND PRODUCTION ASSOCIATION MARLOW', { type: 'organization' }),
  // Five companies that share "international trading": those words tell none of them apart.
  ...['AMBERLY', 'CORVINA', 'DELFORT', 'ESKARA', 'FALKOR'].map((w, i) => entry(`t${i}`, `${w} INTERNATIONAL TRADING LLC`, { type: 'organization' })),
];
const matcher = new ListMatcher(ENTRIES, { threshold: 0.85 });
const ids = (name: string, type: 'Person' | 'Organization' = 'Person', countries?: string[]) => matcher.match({ name, type, countries }).map((m) => m.entry.id);

describe('name normalisation', () => {
  it('folds scripts, accents, case and punctuation', () => {
    expect(foldName('Сбербанк России')).toBe('sberbank rossii');
    expect(foldName("O'Neil-Ḥasan, S.A.")).toBe('oneil hasan sa');
    expect(nameTokens('Marsh Hollow Logistics L.L.C.', 'organization')).toEqual({ tokens: ['marsh', 'hollow', 'logistics'], legalFormRemoved: true });
    expect(nameTokens('Limited Liability Company Quuxbank', 'organization').tokens).toEqual(['quuxbank']);
    // A name that is only a legal form keeps its words; people's names keep every word.
    expect(nameTokens('Holding Company', 'organization').tokens).toEqual(['holding', 'company']);
    expect(nameTokens('Sa Ao', 'person').tokens).toEqual(['sa', 'ao']);
    expect(skeleton('mohammad')).toBe(skeleton('muhammad'));
    expect(skeleton('rosoboronexport')).toBe(skeleton('rosoboroneksport'));
  });

  it('maps the country names lists use to ISO codes', () => {
    expect(['Russia', 'Iran', 'Korea, North', 'Burma', 'Syria', 'ru', 'Atlantis'].map(countryCode)).toEqual(['RU', 'IR', 'KP', 'MM', 'SY', 'RU', null]);
  });
});

describe('ListMatcher', () => {
  it('matches word order, dropped middle names, aliases, initials and transliteration variants, with reasons', () => {
    const putin = matcher.match({ name: 'Antonin Zorblat', type: 'Person' });
    expect(putin.map((m) => m.entry.id)).toEqual(['p1']);
    expect(putin[0]!.features).toMatchObject({ name_similarity: 1, extra_entry_words: 1 });
    expect(ids('Muhammad Hassan al-Qudrani')).toEqual(['p2']);
    expect(ids('Abu Qasim')).toEqual(['p2']);
    expect(matcher.match({ name: 'Abu Qasim', type: 'Person' })[0]!.features).toMatchObject({ name_exact: 1, entry_alias: 1 });
    expect(ids('Antonin V. Zorblat')).toEqual(['p1']);
    // Initials alone weigh less: country evidence decides.
    expect(ids('A. V. Zorblat')).toEqual([]);
    expect(ids('A. V. Zorblat', 'Person', ['RU'])).toEqual(['p1']);
    expect(ids('Antonin Zorblatt')).toEqual(['p1']);
  });

  it('removes legal forms and tolerates the spelling of a long single word', () => {
    expect(ids('Quuxbank PJSC', 'Organization')).toEqual(['o1']);
    expect(matcher.match({ name: 'OJSC Quuxbank', type: 'Organization' })[0]!.features).toMatchObject({ name_exact: 1, legal_form_removed: 1 });
    expect(ids('Marsh Hollow Logistics Limited Liability Company', 'Organization')).toEqual(['o2']);
    expect(ids('Rosoboronexport', 'Organization')).toEqual(['o3']);
  });

  it('never matches a bare surname, a one-word common name, or a name of other words', () => {
    expect(ids('Holloway')).toEqual([]);
    expect(ids('Zorblat')).toEqual([]);
    expect(ids('Alpha', 'Organization')).toEqual([]);
    expect(ids('Quuxbank Capital Markets Holdings Group', 'Organization')).toEqual([]);
    expect(ids('Mohammad Hassan')).toEqual([]);
    expect(ids('Brandt Fenwick')).toEqual([]);
  });

  it('uses type and country as evidence', () => {
    expect(ids('Brandt Holloway', 'Organization')).toEqual([]);
    expect(ids('Grand Fenwick Armaments', 'Person')).toEqual([]);
    const vessel = matcher.match({ name: 'Nebula Dawn', type: 'Organization' });
    expect(vessel.map((m) => [m.entry.id, m.features.type_asset])).toEqual([['v1', -0.1]]);
    const same = matcher.match({ name: 'Brandt Holloway', type: 'Person', countries: ['DE'] })[0]!;
    expect(same.features.country_match).toBe(0.05);
    expect(same.score).toBe(1);
    const other = matcher.match({ name: 'Antonin Zorblat', type: 'Person', countries: ['FR'] });
    expect(other).toEqual([]);
    // A contradicting country outweighs even the exact name at the default threshold: another bearer of the name.
    expect(ids('Antonin Vasilyevich Zorblat', 'Person', ['FR'])).toEqual([]);
    const lenient = new ListMatcher(ENTRIES, { threshold: 0.5 });
    expect(lenient.match({ name: 'Antonin Vasilyevich Zorblat', type: 'Person', countries: ['FR'] })[0]!).toMatchObject({ score: 0.8, features: { country_mismatch: -0.2 } });
    expect(ids('Song Chol Kim', 'Person', ['KP'])).toEqual(['p5']);
  });

  it('takes an organization named like both a listed company and a listed vessel for the company, and a name with a legal form for no vessel', () => {
    expect(ids('Korvald', 'Organization')).toEqual(['o6']);
    expect(ids('Korvald Ltd', 'Organization')).toEqual(['o6']);
    expect(ids('Nebula Dawn Ltd', 'Organization')).toEqual([]);
  });

  it('learns from the lists how distinctive each word is', () => {
    const names = Array.from({ length: 1000 }, (_v, i) => [`firm${i}`, ...(i % 2 === 0 ? ['trading'] : []), ...(i % 50 === 0 ? ['caspian'] : [])]);
    const rarity = organizationWordRarity(names);
    expect(rarity('firm7')).toBe(1);
    expect(rarity('unheard')).toBe(1);
    expect(rarity('caspian')).toBeCloseTo(Math.log(1000 / 20) / Math.log(1000 / 3), 6);
    expect(rarity('trading')).toBe(0.2);
  });

  it('weighs the words many organization names share less, and never matches a name whose distinctive word is another', () => {
    expect(ids('Amberly International Trading', 'Organization')).toEqual(['t0']);
    expect(ids('Gravon International Trading', 'Organization')).toEqual([]);
    expect(ids('Northern Research and Production Association Marlow', 'Organization')).toEqual(['o7']);
    // One word in five unmatched would be tolerated, but it is the distinctive one swapped for another.
    expect(ids('Northern Research and Production Association Tavolin', 'Organization')).toEqual([]);
    const withExtraWord = matcher.match({ name: 'Northern Research Production Association Marlow Plant', type: 'Organization' });
    expect(withExtraWord.map((m) => [m.entry.id, m.features.unmatched_words])).toEqual([['o7', 1]]);
  });

  it('takes a spelling variant only when it starts with the same sound', () => {
    expect(ids('Yong Chol Kim')).toEqual([]);
    expect(ids('Tong Chol Kim')).toEqual([]);
    expect(ids('Antonin Borblat')).toEqual([]);
    // z/s, q/k, j/y are one sound in romanisations.
    expect(ids('Antonin Sorblat')).toEqual(['p1']);
    expect(ids('Antonin Zorblatt')).toEqual(['p1']);
  });

  it('keeps near-named entries apart and prefers the exact one', () => {
    expect(ids('Brenda Holloway')).toEqual(['p4']);
    expect(ids('Brandt Holloway')).toEqual(['p3']);
  });

  it('turns matches into listing links for Person and Organization entities only', () => {
    const links = listingsForEntity({ id: 'org:quuxbank', type: 'Organization', name: 'Quuxbank', aliases: ['Quuxbank OJSC'], attributes: { country: 'RU' } }, matcher);
    expect(links).toEqual([{ entityId: 'org:quuxbank', list: 'test', entryId: 'o1', score: 1, features: { name_exact: 1, legal_form_removed: 1, country_match: 0.05 }, matchedName: 'QUUXBANK OJSC' }]);
    expect(listingsForEntity({ id: 'place:x', type: 'Place', name: 'Quuxbank OJSC', aliases: [], attributes: {} }, matcher)).toEqual([]);
  });

  it('refuses a threshold outside (0, 1]', () => {
    expect(() => new ListMatcher(ENTRIES, { threshold: 0 })).toThrow(/threshold/);
    expect(() => new ListMatcher(ENTRIES, { threshold: 1.5 })).toThrow(/threshold/);
  });
});
