import type { Country } from 'world-countries';

/**
 * ISO 3166-1 facts for placing a Country entity (which carries only its alpha-2 `iso`) on the
 * explorer's world map: the numeric code, which is how the world-atlas outlines name their
 * features (the page takes the outline's centroid), and the package's own reference point as a
 * fallback for countries too small for the 1:110m outline. From the `world-countries` package
 * (data under ODbL 1.0), the same source the extractor's gazetteer uses.
 */
export interface CountryCentre {
  /** ISO 3166-1 numeric, three digits ("643"). */
  numeric: string;
  lat: number;
  lon: number;
}

let byAlpha2: Promise<Map<string, CountryCentre>> | null = null;

/** Loaded on first use: a 1.4 MB table that only the map needs. */
async function table(): Promise<Map<string, CountryCentre>> {
  byAlpha2 ??= import('world-countries').then(({ default: data }) => {
    const out = new Map<string, CountryCentre>();
    // The package is CommonJS: its default export is the array itself.
    for (const c of data as unknown as readonly Country[]) {
      if (!/^[A-Z]{2}$/.test(c.cca2) || !/^\d{3}$/.test(c.ccn3 ?? '')) continue;
      out.set(c.cca2, { numeric: c.ccn3, lat: c.latlng?.[0] ?? 0, lon: c.latlng?.[1] ?? 0 });
    }
    return out;
  });
  return byAlpha2;
}

/** The centre facts of an alpha-2 code (any case), or undefined for codes the package lacks. */
export async function countryCentre(alpha2: string): Promise<CountryCentre | undefined> {
  return (await table()).get(alpha2.toUpperCase());
}
