import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ExtractedEntity } from '@newsgraph/shared';
import { analyzeEntities } from '../src/analyze-entities.ts';

const shared = join(dirname(fileURLToPath(import.meta.url)), '../../../../shared');
const goldPath = join(shared, 'eval/seeds-gold.json');
const present = existsSync(goldPath);
if (!present) console.warn(`entities-seeds.test: ${goldPath} is absent; seed checks skipped`);

interface GoldEntity {
  name: string;
  type: string;
  alsoTypes?: string[];
  optional?: boolean;
  mentions: string[];
}
interface GoldDoc {
  file: string;
  entities: GoldEntity[];
  mustNotExtract: Array<{ text: string; type?: string }>;
}

/** Case-folded, trailing possessive and surrounding punctuation removed (eval/README.md). */
function norm(s: string): string {
  return s
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '');
}

function forms(e: ExtractedEntity): Set<string> {
  return new Set([e.name, ...(e.aliases ?? []), ...e.mentions.map((m) => m.text)].map(norm));
}

function matches(e: ExtractedEntity, g: GoldEntity): boolean {
  if (e.type !== g.type && !(g.alsoTypes ?? []).includes(e.type)) return false;
  const f = forms(e);
  return [g.name, ...g.mentions].some((x) => f.has(norm(x)));
}

describe.skipIf(!present)('seed articles (../shared/seeds, scored by the gold entity rules)', () => {
  const gold = present ? (JSON.parse(readFileSync(goldPath, 'utf8')) as { documents: GoldDoc[] }) : { documents: [] };
  const run = (file: string) => analyzeEntities(readFileSync(join(shared, 'seeds', file), 'utf8'));

  it('finds the people, resolves TFFC and ignores trailing chrome in the raw file', () => {
    const [d0, d1, d2] = gold.documents.map((d) => run(d.file));
    const person = (a: typeof d0, name: string) => a?.entities.find((e) => e.type === 'Person' && e.name === name);
    expect(person(d0, 'Antony Blinken')).toBeDefined();
    expect(person(d1, 'Thea Kendler')?.mentions.map((m) => m.text)).toContain('Kendler');
    expect(person(d2, 'Janet Yellen')).toBeDefined();
    const tffc = d0?.mentions.find((m) => m.text === 'TFFC');
    expect(tffc?.entityId).toBe('org:bureau-of-terrorist-financing-and-financial-crimes');
    const names = d1?.entities.flatMap((e) => [...forms(e)]) ?? [];
    for (const chrome of ['qsr brands', 'gula cakery', 'public bank', 'lpi', 'malaysia', 'whatsapp']) expect(names).not.toContain(chrome);
  });

  it('reaches recall >= 0.95 and precision >= 0.90 with no mustNotExtract violations', () => {
    let needed = 0;
    let found = 0;
    let predicted = 0;
    let correct = 0;
    let violations = 0;
    const misses: string[] = [];
    for (const doc of gold.documents) {
      const a = run(doc.file);
      const used = new Set<GoldEntity>();
      for (const e of a.entities) {
        predicted++;
        const g = doc.entities.find((x) => !used.has(x) && matches(e, x)) ?? doc.entities.find((x) => matches(e, x));
        if (g) {
          correct++;
          used.add(g);
        } else misses.push(`extra ${e.type} ${e.name}`);
        for (const bad of doc.mustNotExtract) if (forms(e).has(norm(bad.text)) && (!bad.type || bad.type === e.type)) violations++;
      }
      for (const g of doc.entities) {
        if (g.optional) continue;
        needed++;
        if (a.entities.some((e) => matches(e, g))) found++;
        else misses.push(`missed ${g.type} ${g.name}`);
      }
    }
    if (misses.length) console.info(`seed entity differences: ${misses.join('; ')}`);
    expect(found / needed).toBeGreaterThanOrEqual(0.95);
    expect(correct / predicted).toBeGreaterThanOrEqual(0.9);
    expect(violations).toBe(0);
  });
});
