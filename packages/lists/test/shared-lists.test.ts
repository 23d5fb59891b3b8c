import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLD_VARIANTS, ListMatcher, buildMatchingGold, readListFile } from '../src/index.ts';

const SDN = resolve(import.meta.dirname, '../../../../shared/sanctions/ofac_sdn_2024-05-03/sdn.csv');
const UN = resolve(import.meta.dirname, '../../../../shared/sanctions/un_consolidated_2025-11-20/un_consolidated.xml');
const present = existsSync(SDN) && existsSync(UN);
if (!present) console.warn(`shared-lists.test.ts: skipped: ${SDN} and ${UN} are absent (../shared is not beside this checkout)`);

describe.skipIf(!present)('the real lists in ../shared/sanctions', () => {
  it('imports every SDN record and every UN entry, with ids, programs and aliases', async () => {
    const sdn = await readListFile(SDN);
    const un = await readListFile(UN);
    expect(sdn.entries.length).toBe(14965);
    expect(sdn.versionDate).toBe('2024-05-03');
    expect(un.entries.length).toBe(1000);
    expect(un.versionDate).toBe('2025-11-20');
    expect(un.entries.every((e) => /^[A-Z]{2}[ie]\.\d{3}$/.test(e.id))).toBe(true);
    const types = new Map<string, number>();
    for (const e of sdn.entries) types.set(e.type, (types.get(e.type) ?? 0) + 1);
    expect(Object.fromEntries(types)).toEqual({ organization: 6884, person: 6854, vessel: 851, aircraft: 376 });
    // 2,100 records carry a.k.a. / f.k.a. / n.k.a. names in Remarks (grep -c "[afn]\.k\.a\." sdn.csv).
    expect(sdn.entries.filter((e) => e.aliases.length > 0).length).toBe(2100);
    expect(sdn.entries.every((e) => e.programs.length > 0)).toBe(true);
  });

  it('builds a gold with every variant, and the matcher finds the news-order names exact matching misses', async () => {
    const entries = [...(await readListFile(SDN)).entries, ...(await readListFile(UN)).entries];
    const gold = buildMatchingGold(entries, { maxPerVariant: 200 });
    expect([...new Set(gold.queries.map((q) => q.variant))].sort()).toEqual([...GOLD_VARIANTS].sort());
    // Deterministic: the same lists and seed give the same gold.
    expect(buildMatchingGold(entries, { maxPerVariant: 200 })).toEqual(gold);
    const matcher = new ListMatcher(entries, { threshold: 0.85 });
    const share = (variant: string, ok: (q: (typeof gold.queries)[number], found: string[]) => boolean) => {
      const qs = gold.queries.filter((q) => q.variant === variant);
      const hits = qs.filter((q) => ok(q, matcher.match({ name: q.name, type: q.type, countries: q.countries ?? [] }).filter((m) => q.lists.includes(m.entry.list)).map((m) => `${m.entry.list}/${m.entry.id}`)));
      return hits.length / qs.length;
    };
    const findsExpected = (q: (typeof gold.queries)[number], found: string[]) => q.expected.every((k) => found.includes(k));
    const nothingWrong = (q: (typeof gold.queries)[number], found: string[]) => found.every((k) => q.expected.includes(k) || q.acceptable.includes(k));
    expect(share('news-order', findsExpected)).toBeGreaterThan(0.95);
    // The same names with the entry's own country are found, with a contradicting one they are not.
    expect(share('country-confirmed', findsExpected)).toBeGreaterThan(0.95);
    expect(share('country-contradicted', nothingWrong)).toBeGreaterThan(0.95);
    expect(share('distinctive-word-swapped', nothingWrong)).toBeGreaterThan(0.95);
  });
});
