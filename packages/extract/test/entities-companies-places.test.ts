import { describe, expect, it } from 'vitest';
import { analyzeEntities } from '../src/analyze-entities.ts';
import { organizationKindFor } from '../src/entities/organization-kind.ts';

/** Entities of a text as "type name" strings, with the id for lookups. */
function entities(text: string) {
  return analyzeEntities(text).entities;
}

function byName(text: string, name: string) {
  return entities(text).find((e) => e.name === name);
}

describe('company names with corporate head words', () => {
  it('reads a capitalised span ending in a corporate head as one Company, never as persons', () => {
    const text = 'Regulators fined Juniper Hollow Maritime and Tessel Brook Logistics on Friday, and Corvin Vale Tankers appealed.';
    for (const name of ['Juniper Hollow Maritime', 'Tessel Brook Logistics', 'Corvin Vale Tankers']) {
      const e = byName(text, name);
      expect(e?.type, name).toBe('Organization');
      expect(e?.attributes.kind, name).toBe('Company');
    }
    expect(entities(text).some((e) => e.type === 'Person')).toBe(false);
  });

  it('does not read a title word inside a company name as a role', () => {
    const text = 'Police raided Amber Stone General Trading, a Sharjah firm, last week.';
    const e = byName(text, 'Amber Stone General Trading');
    expect(e?.type).toBe('Organization');
    expect(entities(text).filter((x) => x.type === 'Person')).toEqual([]);
    expect(entities(text).some((x) => x.attributes.role === 'General')).toBe(false);
  });

  it('types a name whose first word is a common first name as a company when a head word ends it', () => {
    const e = byName('The order named Marina Pike Shipping as the operator.', 'Marina Pike Shipping');
    expect(e?.type).toBe('Organization');
  });

  it('reads legal-form suffixes (GmbH, JSC, FZE, Pte) and makes bank heads banks', () => {
    const text = 'Invoices went from Keller Brandt GmbH to Ostrava Lite JSC through Gulfline Tools FZE and Merid Orbit Pte, paid via Halden Sound Bank.';
    for (const name of ['Keller Brandt GmbH', 'Ostrava Lite JSC', 'Gulfline Tools FZE', 'Merid Orbit Pte']) expect(byName(text, name)?.type, name).toBe('Organization');
    expect(byName(text, 'Halden Sound Bank')?.attributes.kind).toBe('Bank');
  });

  it('keeps "of the <country>" inside an organization name and records the country', () => {
    const e = byName('She met the governor of the Central Bank of the Philippines on Monday.', 'Central Bank of the Philippines');
    expect(e?.type).toBe('Organization');
    expect(e?.attributes.country).toBe('PH');
  });

  it('reads a demonym before a goods-like head as the country, not a company', () => {
    const a = analyzeEntities('Tariffs on Chinese Imports rose again.');
    expect(a.entities.some((e) => e.type === 'Organization')).toBe(false);
    expect(a.entities.some((e) => e.id === 'country:CN')).toBe(true);
  });

  it('decides the kind by the head word first', () => {
    expect(organizationKindFor('Union Star Trading')).toBe('Company');
    expect(organizationKindFor('Harbor Office Supply')).toBe('Company');
    expect(organizationKindFor('Bank of Somewhere')).toBe('Bank');
    expect(organizationKindFor('Ministry of Energy')).toBe('GovernmentAgency');
    expect(organizationKindFor('Riverside Chess Association')).toBe('Association');
  });
});

describe('treasuries of several countries', () => {
  const treasuryIds = (text: string) =>
    analyzeEntities(text)
      .mentions.filter((m) => /treasury/i.test(m.text))
      .map((m) => m.entityId);

  it('keeps a bare "the Treasury" as the US Treasury when no other treasury is named', () => {
    expect(treasuryIds('The Treasury said on Monday that it would fine two exporters.')).toEqual(['org:us-department-of-the-treasury']);
  });

  it('maps UK, British and HM Treasury to HM Treasury, and a later bare mention with them', () => {
    expect(treasuryIds('The UK Treasury published new guidance. The Treasury said banks must comply.')).toEqual(['org:hm-treasury', 'org:hm-treasury']);
    expect(treasuryIds('HM Treasury froze the assets.')).toEqual(['org:hm-treasury']);
    expect(treasuryIds('A British Treasury spokesman declined to comment.')).toContain('org:hm-treasury');
  });

  it('keeps the two apart when both are named', () => {
    expect(treasuryIds('The British Treasury and the US Treasury issued a joint notice.')).toEqual(['org:hm-treasury', 'org:us-department-of-the-treasury']);
  });

  it("gives another country's treasury its own entity", () => {
    const a = analyzeEntities("Australia's Treasury released forecasts. The Treasury expects slower growth.");
    const ids = a.mentions.filter((m) => /treasury/i.test(m.text)).map((m) => m.entityId);
    expect(ids).toEqual(['org:treasury-of-australia', 'org:treasury-of-australia']);
    expect(a.entities.find((e) => e.id === 'org:treasury-of-australia')?.attributes.country).toBe('AU');
  });
});

describe('US states', () => {
  it('reads AP abbreviations after a city as US states, not organizations', () => {
    const a = analyzeEntities('The supplier moved from Dayton, Ohio, to Tacoma, Wash., and opened an office in Boise, Ida., and Trenton, N.J., in May.');
    const places = a.entities.filter((e) => e.type === 'Place' && e.attributes.kind === 'province').map((e) => e.name);
    expect(places).toEqual(expect.arrayContaining(['Ohio', 'Washington State', 'New Jersey']));
    for (const e of a.entities.filter((x) => x.attributes.kind === 'province')) expect(e.attributes.country).toBe('US');
    expect(a.entities.some((e) => e.type === 'Organization')).toBe(false);
  });

  it('reads a party-state tag and full state names', () => {
    const a = analyzeEntities('Sen. Dana Whitlock, R-Tenn., said Kentucky and Oregon backed the bill.');
    const names = a.entities.filter((e) => e.type === 'Place').map((e) => `${e.name}/${e.attributes.country}`);
    expect(names).toEqual(expect.arrayContaining(['Tennessee/US', 'Kentucky/US', 'Oregon/US']));
  });

  it('leaves honorifics and ordinary words alone', () => {
    const a = analyzeEntities('Miss. Ellery spoke after Mass on Sunday.');
    expect(a.entities.some((e) => e.name === 'Mississippi' || e.name === 'Massachusetts')).toBe(false);
  });
});

describe('a capital as its government', () => {
  const washington = (text: string) => analyzeEntities(text).mentions.find((m) => m.text === 'Washington')?.entityId;

  it('reads the capital acting as the country, past adverbs and a time phrase', () => {
    expect(washington('Washington sanctioned two refiners.')).toBe('country:US');
    expect(washington('Washington on Thursday banned the sale of the parts.')).toBe('country:US');
    expect(washington('Washington has also restricted exports of lasers.')).toBe('country:US');
    expect(washington('Washington repeatedly accused the company of lying.')).toBe('country:US');
  });

  it('keeps the city after a place preposition or a visit', () => {
    expect(washington('Officials in Washington said the talks failed.')).toBe('place:washington');
    expect(washington('The delegation visited Washington in March.')).toBe('place:washington');
  });

  it('reads coordinated acting capitals and the target of measures as governments', () => {
    const a = analyzeEntities('Washington and Ottawa imposed sanctions on Minsk.');
    expect(a.mentions.map((m) => m.entityId)).toEqual(['country:US', 'country:CA', 'country:BY']);
    const b = analyzeEntities('He flew to Paris and Berlin said nothing.');
    expect(b.mentions.find((m) => m.text === 'Paris')?.entityId).toBe('place:paris');
  });

  it('reads the addressed capital as the government', () => {
    expect(analyzeEntities('The minister urged Ankara to act.').mentions.find((m) => m.text === 'Ankara')?.entityId).toBe('country:TR');
  });
});
