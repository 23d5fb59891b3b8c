import { describe, expect, it } from 'vitest';
import { TownIndex, type TownRecord } from '../src/lexicon/town-index.ts';
import { townIn } from '../src/lexicon/geonames-places.ts';

const town = (name: string, countryIso: string, population: number, extra: Partial<TownRecord> = {}): TownRecord => ({
  name,
  countryIso,
  population,
  lat: 10.5,
  lon: -20.25,
  featureCode: 'PPL',
  altName: null,
  ...extra,
});

describe('TownIndex', () => {
  it('returns the record of a key with every field as given', () => {
    const kyiv = town('Kyiv', 'UA', 2_797_553, { lat: 50.45466, lon: 30.5238, featureCode: 'PPLC', altName: 'Kiev' });
    const index = new TownIndex([{ record: kyiv, keys: ['kyiv|UA', 'kiev|UA'] }]);
    expect(index.get('kyiv|UA')).toEqual(kyiv);
    expect(index.get('kiev|UA')).toEqual(kyiv);
    expect(index.get('kyiv|RU')).toBeUndefined();
    expect(index.size).toBe(2);
  });

  it('keeps the most populous record of a shared key, and the first of equals', () => {
    const index = new TownIndex([
      { record: town('Springfield', 'US', 30_000, { featureCode: 'A' }), keys: ['springfield|US', 'springfield|US|OH'] },
      { record: town('Springfield', 'US', 169_000, { featureCode: 'B' }), keys: ['springfield|US', 'springfield|US|MO'] },
      { record: town('Springfield', 'US', 169_000, { featureCode: 'C' }), keys: ['springfield|US', 'springfield|US|IL'] },
    ]);
    expect(index.get('springfield|US')?.featureCode).toBe('B');
    expect(index.get('springfield|US|OH')?.featureCode).toBe('A');
    expect(index.get('springfield|US|IL')?.featureCode).toBe('C');
  });

  it('keeps names outside Latin-1 and a missing alternate name apart', () => {
    const index = new TownIndex([
      { record: town('Zagazig', 'EG', 285_097), keys: ['zagazig|EG'] },
      { record: town('Đà Nẵng', 'VN', 752_493, { altName: 'Da Nang' }), keys: ['đà nẵng|VN', 'da nang|VN'] },
      { record: town('İzmir', 'TR', 2_500_603), keys: ['i̇zmir|TR'] },
    ]);
    expect(index.get('zagazig|EG')?.altName).toBeNull();
    expect(index.get('da nang|VN')).toMatchObject({ name: 'Đà Nẵng', altName: 'Da Nang', population: 752_493 });
    expect(index.get('i̇zmir|TR')?.name).toBe('İzmir');
  });

  it('hands out a fresh object each time', () => {
    const index = new TownIndex([{ record: town('Aiken', 'US', 30_604), keys: ['aiken|US'] }]);
    const first = index.get('aiken|US')!;
    first.name = 'changed';
    expect(index.get('aiken|US')?.name).toBe('Aiken');
  });

  it('answers as a Map of its keys would, for many keys that share prefixes and for absent ones', () => {
    // The keys live in a hash table of its own (typed arrays): every key found, nothing else.
    const entries: Array<{ record: TownRecord; keys: string[] }> = [];
    const reference = new Map<string, TownRecord>();
    for (let i = 0; i < 20_000; i++) {
      const name = `Town${i % 5000}${i % 7 === 0 ? 'é' : ''}`;
      const country = ['US', 'FR', 'EG', 'VN'][i % 4]!;
      const record = town(name, country, (i * 7919) % 100_000);
      const keys = [`${name.toLowerCase()}|${country}`, ...(country === 'US' ? [`${name.toLowerCase()}|US|S${i % 50}`] : [])];
      entries.push({ record, keys });
      for (const key of keys) {
        const known = reference.get(key);
        if (!known || known.population < record.population) reference.set(key, record);
      }
    }
    const index = new TownIndex(entries);
    expect(index.size).toBe(reference.size);
    for (const [key, record] of reference) expect(index.get(key)).toEqual(record);
    for (const absent of ['', 'town1|', 'town1|U', 'town1|US|', 'town1|US|S', 'town1|USX', 'town99999|US', 'Town1|US']) {
      expect(index.get(absent), absent).toBe(reference.get(absent));
    }
  });

  it('refuses an empty alternate name, which it could not tell from none', () => {
    expect(() => new TownIndex([{ record: town('X', 'US', 1, { altName: '' }), keys: ['x|US'] }])).toThrow(/empty alternate name/);
  });
});

describe('townIn over GeoNames', () => {
  it('finds a town by name and country, and a US town by its state', () => {
    expect(townIn('Zagazig', 'EG')).toMatchObject({ name: 'Zagazig', countryIso: 'EG', featureCode: 'PPLA' });
    expect(townIn('Aiken', 'US', 'SC')).toMatchObject({ name: 'Aiken', countryIso: 'US' });
    expect(townIn('Paris', 'FR')?.featureCode).toBe('PPLC');
    expect(townIn('Nowhere-at-all', 'US')).toBeUndefined();
  });
});
