import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, type ExtractionResult } from '@newsgraph/shared';
import { evaluateGold, readGoldFile, type GoldSummary } from './gold.ts';

/**
 * `newsgraph eval seeds`: `eval gold` on the three seed articles and their hand-made gold.
 *
 * Each seed is run the way the pipeline runs an article: the raw text as scraped (page chrome
 * included) and no outlet (the seeds are relayed reports; who reported them is read from the
 * text's own attributions, as it would be for any relayed article).
 */

export interface SeedsEvalOptions {
  seedsDir: string;
  goldPath: string;
  /** Replaces the extractor (tests, experiments). */
  extractor?: (text: string) => ExtractionResult;
  /** Add a precision/recall row per rule variant (table and `per_rule`). */
  perRule?: boolean;
}

export type SeedsSummary = GoldSummary;

export async function evaluateSeeds(options: SeedsEvalOptions): Promise<{ table: string; summary: SeedsSummary }> {
  const gold = await readGoldFile(options.goldPath);
  let files: string[];
  try {
    files = await readdir(options.seedsDir);
  } catch (error) {
    throw new InputError(options.seedsDir, `cannot read the seeds folder (${(error as Error).message})`);
  }
  for (const doc of gold) if (!files.includes(doc.file)) throw new InputError(join(options.seedsDir, doc.file), 'seed file named by the gold is missing');
  const { table, summary } = await evaluateGold({
    goldPath: options.goldPath,
    textsDir: options.seedsDir,
    ...(options.extractor ? { extractor: options.extractor } : {}),
    perRule: options.perRule === true,
  });
  return { table, summary };
}
