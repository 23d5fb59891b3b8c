import { describe, expect, it } from 'vitest';
import { deferTownIndex, geoCities, geoNamesLoads, townIn } from '../src/lexicon/geonames-places.ts';

// A file of its own: deferTownIndex changes the module's state for the rest of the process.
describe('GeoNames with the town index deferred', () => {
  it('reads only the cities at first, and the towns at the first townIn', () => {
    deferTownIndex();
    const cities = geoCities();
    expect(geoNamesLoads()).toBe(1);
    expect(cities.length).toBeGreaterThan(1000);
    expect(townIn('Aiken', 'US', 'SC')).toMatchObject({ name: 'Aiken', countryIso: 'US' });
    expect(geoNamesLoads()).toBe(2);
    // Built once: later lookups and the cities reuse what was read.
    expect(townIn('Zagazig', 'EG')).toMatchObject({ countryIso: 'EG' });
    expect(geoCities()).toBe(cities);
    expect(geoNamesLoads()).toBe(2);
  });
});
