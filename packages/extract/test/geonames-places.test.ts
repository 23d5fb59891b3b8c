import { describe, expect, it } from 'vitest';
import { CITY_MIN_POPULATION, geoCities, geoNamesLoads, townIn } from '../src/lexicon/geonames-places.ts';

describe('GeoNames indexes', () => {
  it('builds the city list and the town index from one read of the package', () => {
    const cities = geoCities();
    const aiken = townIn('Aiken', 'US', 'SC');
    townIn('Zagazig', 'EG');
    geoCities();
    expect(geoNamesLoads()).toBe(1);
    expect(cities.length).toBeGreaterThan(1000);
    expect(aiken).toMatchObject({ name: 'Aiken', countryIso: 'US' });
  });

  it('keeps the cities of CITY_MIN_POPULATION or more, most populous first', () => {
    const cities = geoCities();
    expect(cities.every((c) => c.population >= CITY_MIN_POPULATION && /^[A-Z]{2}$/.test(c.countryIso))).toBe(true);
    expect(cities.every((c, i) => i === 0 || (cities[i - 1] as { population: number }).population >= c.population)).toBe(true);
  });

  it('finds small towns by name and country (or US state), case-insensitively, the most populous first', () => {
    const small = townIn('aiken', 'US', 'SC');
    expect(small).toBeDefined();
    expect((small as { population: number }).population).toBeLessThan(CITY_MIN_POPULATION * 10);
    expect(townIn('Aiken', 'US', 'ZZ')).toBeUndefined();
    expect(townIn('Nowhere-at-all', 'US')).toBeUndefined();
    // "Springfield" names many US towns: the bare name in the US is the most populous of them.
    const bare = townIn('Springfield', 'US') as { population: number };
    const inIllinois = townIn('Springfield', 'US', 'IL') as { population: number };
    const inOregon = townIn('Springfield', 'US', 'OR') as { population: number };
    expect(bare.population).toBeGreaterThanOrEqual(Math.max(inIllinois.population, inOregon.population));
  });

  it('returns a copy: changing a result does not change the index', () => {
    const first = townIn('Aiken', 'US', 'SC') as { name: string; population: number };
    first.population = -1;
    first.name = 'changed';
    expect(townIn('Aiken', 'US', 'SC')).toMatchObject({ name: 'Aiken' });
    expect((townIn('Aiken', 'US', 'SC') as { population: number }).population).toBeGreaterThan(0);
  });
});
