import { describe, expect, it } from 'vitest';
import type { ListEntry } from '@newsgraph/shared';
import { ListMatcher, countryCode, foldName, listingsForEntity, nameTokens, skeleton } from '../src/index.ts';

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
    expect(matcher.match({ name: 'Antonin Vasilyevich Zorblat', type: 'Person', countries: ['FR'] })[0]!.features.country_mismatch).toBe(-0.15);
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
