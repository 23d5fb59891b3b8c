/**
 * A read-only index of town records by string key, laid out compactly: every key in one string,
 * found through an open-addressing hash table of key numbers (typed arrays), and every record's
 * fields in typed arrays or one shared string of names, instead of one object per record. The
 * GeoNames town index holds 140,000 keys; as a Map of GeoCity objects it took about 40 MB of heap
 * in every thread that extracts (a heap snapshot of an extraction thread, docs/crawler.md
 * "Memory"); with the records laid out like this and the keys still in a Map, 23 MB of heap (16 MB
 * of it the Map and its 140,000 key strings) and 5 MB of typed arrays; with the keys laid out too,
 * 11 MB of heap and 8 MB of typed arrays (with the cities array, measured together). A lookup hashes
 * the key once and compares it with one or two stored keys, as a Map does with a fresh string.
 * (Keys sorted in one string and found by binary search took less still, but made each lookup
 * ten times slower and the build four times: not worth it.)
 */
import type { GeoCity } from './geonames-places.ts';

/** FNV-1a over the UTF-16 code units of `key` (32 bits): spreads similar keys ("x|US", "x|US|SC"). */
function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** What a record holds: a GeoNames town (a type-only import, so no module cycle at run time). */
export type TownRecord = GeoCity;

export class TownIndex {
  /** Every key, one after another: key k = keyChars.slice(keyStart[k], keyStart[k + 1]). */
  readonly #keyChars: string;
  readonly #keyStart: Uint32Array;
  /** Record number of key k. */
  readonly #keyRecord: Uint32Array;
  /** Open addressing, linear probing: key number + 1 at each used slot, 0 at free ones; a power of two at most half full. */
  readonly #slots: Uint32Array;
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
    // Built with a Map (dropped at the end of the constructor), kept in typed arrays.
    const recordOf = new Map<string, number>();
    for (const { record, keys } of entries) {
      const r = records.push(record) - 1;
      for (const key of keys) {
        const known = recordOf.get(key);
        if (known === undefined || records[known]!.population < record.population) recordOf.set(key, r);
      }
    }
    const m = recordOf.size;
    this.#keyStart = new Uint32Array(m + 1);
    this.#keyRecord = new Uint32Array(m);
    let slotCount = 8;
    while (slotCount < m * 2) slotCount *= 2;
    this.#slots = new Uint32Array(slotCount);
    const keyParts: string[] = [];
    let keyAt = 0;
    for (const [key, r] of recordOf) {
      const k = keyParts.push(key) - 1;
      this.#keyStart[k] = keyAt;
      keyAt += key.length;
      this.#keyRecord[k] = r;
      let slot = keyHash(key) & (slotCount - 1);
      while (this.#slots[slot] !== 0) slot = (slot + 1) & (slotCount - 1);
      this.#slots[slot] = k + 1;
    }
    this.#keyStart[m] = keyAt;
    this.#keyChars = keyParts.join('');
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
    return this.#keyRecord.length;
  }

  /** The record of `key`, a fresh object each time (callers may keep or change it). */
  get(key: string): TownRecord | undefined {
    const k = this.#keyNumber(key);
    return k < 0 ? undefined : this.#record(this.#keyRecord[k]!);
  }

  /** The number of `key` among the stored keys, or -1. */
  #keyNumber(key: string): number {
    const mask = this.#slots.length - 1;
    for (let slot = keyHash(key) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.#slots[slot]!;
      if (entry === 0) return -1;
      if (this.#keyEquals(entry - 1, key)) return entry - 1;
    }
  }

  #keyEquals(k: number, key: string): boolean {
    const start = this.#keyStart[k]!;
    if (this.#keyStart[k + 1]! - start !== key.length) return false;
    for (let i = 0; i < key.length; i++) if (this.#keyChars.charCodeAt(start + i) !== key.charCodeAt(i)) return false;
    return true;
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
