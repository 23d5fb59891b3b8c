import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateGold } from '../src/eval/gold.ts';

/**
 * The fresh sanctions set (eval/dev-entities-fresh: eight stories of our own, written before the
 * entity work of branch `ents` and never developed on). Floors a little under the figures after
 * that work (entities P 0.949 R 0.956; per type Goods R 0.953, Organization R 0.960) and well above
 * the branch point's (entities P 0.911 R 0.874; Goods R 0.674, Organization R 0.900): losing the
 * recognition of foreign company names, designators or CHPL goods fails here.
 */

const dir = fileURLToPath(new URL('../../../eval/dev-entities-fresh/', import.meta.url));

describe('the fresh sanctions set (eval/dev-entities-fresh)', () => {
  it('scores every text it ships, above its floors', async () => {
    const { summary, rows } = await evaluateGold({ goldPath: `${dir}gold.json`, textsDir: `${dir}texts` });
    const texts = readdirSync(`${dir}texts`).filter((f) => f.endsWith('.txt'));
    expect(summary.documents).toBe(texts.length);
    expect(rows.every((r) => r.entities.goldRequired > 0)).toBe(true);
    expect(summary.entities.violations).toBe(0);
    expect(summary.entities.p).toBeGreaterThanOrEqual(0.93);
    expect(summary.entities.r).toBeGreaterThanOrEqual(0.94);
    const byType = summary.entitiesByType;
    expect(byType['Goods']?.r).toBeGreaterThanOrEqual(0.92);
    expect(byType['Organization']?.r).toBeGreaterThanOrEqual(0.94);
    expect(summary.relations.p).toBeGreaterThanOrEqual(0.74);
  });
});
