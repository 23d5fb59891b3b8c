/**
 * Steady-state cost of the relation side: `node scripts/bench-relations.ts [--every K] [--rounds N]`.
 *
 * Reads every K-th document of ../shared/corpora (BBC, Reuters-21578 bodies), runs the entity
 * analysis once (untimed), then `extractRelationsDetailed` over all analyses N times in this one
 * process after a warm-up round: the CPU seconds of each round (process.cpuUsage, all threads)
 * measure the relation rules alone, with the JIT settled and the lexicons loaded. The number of
 * claims is printed as a check that both sides of a comparison did the same work.
 * Last line: JSON {"documents","claims","round_cpu_s":[...],"median_cpu_s"}.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyzeEntities, extractRelationsDetailed, readBbc, readReuters } from '@newsgraph/extract';

const { values } = parseArgs({ options: { every: { type: 'string', default: '2' }, rounds: { type: 'string', default: '5' } } });
const every = Math.max(1, Number(values.every));
const rounds = Math.max(1, Number(values.rounds));
const corpora = join(dirname(fileURLToPath(import.meta.url)), '../../shared/corpora');
if (!existsSync(corpora)) {
  console.warn(`bench relations: ${corpora} is absent; skipped (needs ../shared/corpora)`);
  process.exit(0);
}
const articles = [...(await readBbc(join(corpora, 'bbc'))), ...(await readReuters(join(corpora, 'reuters21578'), Infinity))].filter((_a, i) => i % every === 0);
const analyses = articles.map((a) => analyzeEntities(a.text));

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

let claims = 0;
const roundCpu: number[] = [];
for (let round = 0; round <= rounds; round++) {
  const c0 = cpuSeconds();
  let n = 0;
  for (const analysis of analyses) n += extractRelationsDetailed(analysis).length;
  const cpu = cpuSeconds() - c0;
  claims = n;
  if (round > 0) roundCpu.push(Math.round(cpu * 1000) / 1000); // round 0 warms up
}
const median = [...roundCpu].sort((a, b) => a - b)[Math.floor(roundCpu.length / 2)] as number;
console.log(`relations over ${analyses.length} documents: ${claims} claims; CPU per round ${roundCpu.map((s) => s.toFixed(3)).join(' ')} s; median ${median.toFixed(3)} s`);
console.log(JSON.stringify({ documents: analyses.length, claims, round_cpu_s: roundCpu, median_cpu_s: median }));
