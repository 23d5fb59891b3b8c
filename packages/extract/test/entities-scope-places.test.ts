import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.ts';

// Sentences written for this test.
describe('country scope and place coordinates', () => {
  it('keeps a US body the US one when a US place is in sight, even where another country is named more', () => {
    const text =
      'WASHINGTON — Federal officials on Friday blocked two tanker owners accused of moving Russian crude. ' +
      'Treasury Secretary Janet Yellen said Russia would find the trade harder. Russia called the step hostile.';
    const ids = extract(text).entities.map((e) => e.id);
    expect(ids).toContain('org:us-department-of-the-treasury');
    expect(ids.some((id) => id.startsWith('org:treasury-'))).toBe(false);
  });

  it('still scopes a generic body to the country an article is about when none of the body’s own is in sight', () => {
    const text = 'The Finance Ministry of Japan said on Monday that exports rose. Japan expects more growth, and Japan will publish figures in May.';
    const ministry = extract(text).entities.find((e) => e.type === 'Organization');
    expect(ministry?.id).toMatch(/japan/);
  });

  it('places a capital at the capital, not at a smaller town of the same bare name', () => {
    const washington = extract('Officials met in Washington on Monday.').entities.find((e) => e.id === 'place:washington');
    expect(washington?.attributes).toMatchObject({ countryIso: 'US' });
    // Washington, D.C. is near 38.9 N 77.0 W; the Utah town of the same name is near 37.1 N 113.5 W.
    expect(Number(washington?.attributes.lat)).toBeCloseTo(38.9, 0);
    expect(Number(washington?.attributes.lon)).toBeCloseTo(-77.0, 0);
  });
});
