/**
 * A read-only index of town records by string key, laid out compactly: a Map from each key to a
 * record number, and every record's fields in typed arrays or one shared string of names, instead
 * of one object per record. The GeoNames town index holds 140,000 keys; as a Map of GeoCity
 * objects it took about 40 MB of heap in every thread that extracts (a heap snapshot of an
 * extraction thread, docs/crawler.md "Memory"), laid out like this well under half of that.
 * (Keys sorted in one string and found by binary search took less still, but made each lookup
 * ten times slower and the build four times: not worth it.)
 */
import type { GeoCity } from './geonames-places.ts';

/** What a record holds: a GeoNames town (a type-only import, so no module cycle at run time). */
export type TownRecord = GeoCity;

export class TownIndex {
  /** Record number of each key. */
  readonly #keys: Map<string, number>;
  /** Record fields: name = names.slice(nameStart[r], altStart[r]), altName = names.slice(altStart[r], nameStart[r + 1]) (empty = none). */
  readonly #names: string;
  readonly #nameStart: Uint32Array;
  readonly #altStart: Uint32Array;
  readonly #population: Float64Array;
  readonly #lat: Float64Array;
  readonly #lon: Float64Array;
  /** Index into #codes of the record's country and feature code. */
  readonly #country: Uint16Array;
  readonly #feature: Uint16Array;
  readonly #codes: string[];

  /**
   * `entries` gives each record once with its keys; a key given for several records keeps the
   * most populous one (the first of equals), as a Map filled with "replace when more populous"
   * would.
   */
  constructor(entries: Iterable<{ record: TownRecord; keys: readonly string[] }>) {
    const records: TownRecord[] = [];
    this.#keys = new Map();
    for (const { record, keys } of entries) {
      const r = records.push(record) - 1;
      for (const key of keys) {
        const known = this.#keys.get(key);
        if (known === undefined || records[known]!.population < record.population) this.#keys.set(key, r);
      }
    }
    const n = records.length;
    this.#nameStart = new Uint32Array(n + 1);
    this.#altStart = new Uint32Array(n);
    this.#population = new Float64Array(n);
    this.#lat = new Float64Array(n);
    this.#lon = new Float64Array(n);
    this.#country = new Uint16Array(n);
    this.#feature = new Uint16Array(n);
    const codes = new Map<string, number>();
    const code = (value: string): number => {
      let c = codes.get(value);
      if (c === undefined) {
        c = codes.size;
        if (c > 0xffff) throw new Error('town index: more than 65,536 distinct country or feature codes');
        codes.set(value, c);
      }
      return c;
    };
    const names: string[] = [];
    let at = 0;
    for (let k = 0; k < n; k++) {
      const record = records[k]!;
      if (record.altName === '') throw new Error(`town index: ${record.name} has an empty alternate name (empty means none here)`);
      this.#nameStart[k] = at;
      at += record.name.length;
      this.#altStart[k] = at;
      at += record.altName?.length ?? 0;
      names[k] = record.name + (record.altName ?? '');
      this.#population[k] = record.population;
      this.#lat[k] = record.lat;
      this.#lon[k] = record.lon;
      this.#country[k] = code(record.countryIso);
      this.#feature[k] = code(record.featureCode);
    }
    this.#nameStart[n] = at;
    this.#names = names.join('');
    this.#codes = [...codes.keys()];
  }

  get size(): number {
    return this.#keys.size;
  }

  /** The record of `key`, a fresh object each time (callers may keep or change it). */
  get(key: string): TownRecord | undefined {
    const k = this.#keys.get(key);
    return k === undefined ? undefined : this.#record(k);
  }

  #record(k: number): TownRecord {
    const alt = this.#names.slice(this.#altStart[k]!, this.#nameStart[k + 1]!);
    return {
      name: this.#names.slice(this.#nameStart[k]!, this.#altStart[k]!),
      countryIso: this.#codes[this.#country[k]!]!,
      population: this.#population[k]!,
      lat: this.#lat[k]!,
      lon: this.#lon[k]!,
      featureCode: this.#codes[this.#feature[k]!]!,
      altName: alt === '' ? null : alt,
    };
  }
}
