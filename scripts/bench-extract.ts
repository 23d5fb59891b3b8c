/**
 * Extraction benchmark: `pnpm bench:extract [--limit-mb N] [--baseline-mb N]`.
 *
 * Runs the full extractor (`extract` from @newsgraph/extract when exported, else the entity half
 * `analyzeEntities`) over ../shared/corpora (BBC .txt files, Latin-1; Reuters-21578 <BODY> texts)
 * and plain compromise (`.people()`, `.organizations()`, `.places()`) in the same run. Compromise
 * is ~10x slower, so it runs on an evenly spaced sample of the same documents (size printed).
 * Single-threaded; MB/s per core is bytes over this process's CPU time (user + system), which
 * stays meaningful when other work shares the machine; wall-clock MB/s is printed too. Last line: JSON {"mb_per_s","baseline_mb_per_s","ratio","peak_rss_mb"}.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as extractPackage from '@newsgraph/extract';

const { values } = parseArgs({
  options: {
    'limit-mb': { type: 'string', default: '0' },
    'baseline-mb': { type: 'string', default: '1' },
  },
});
const limitBytes = Number(values['limit-mb']) * 1e6;
const baselineBytes = Number(values['baseline-mb']) * 1e6;

const corpora = join(dirname(fileURLToPath(import.meta.url)), '../../shared/corpora');
if (!existsSync(corpora)) {
  console.warn(`bench extract: ${corpora} is absent; skipped (needs ../shared/corpora)`);
  process.exit(0);
}

const latin1 = new TextDecoder('latin1');

function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|#(\d+));/g, (_m, name: string, num?: string) =>
    num ? String.fromCharCode(Number(num)) : ({ lt: '<', gt: '>', amp: '&', quot: '"' } as Record<string, string>)[name] ?? '',
  );
}

function loadDocuments(): string[] {
  const docs: string[] = [];
  const bbc = join(corpora, 'bbc');
  if (existsSync(bbc)) {
    for (const section of readdirSync(bbc, { withFileTypes: true })) {
      if (!section.isDirectory()) continue;
      for (const f of readdirSync(join(bbc, section.name)).sort()) {
        if (f.endsWith('.txt')) docs.push(latin1.decode(readFileSync(join(bbc, section.name, f))));
      }
    }
  }
  const reuters = join(corpora, 'reuters21578');
  if (existsSync(reuters)) {
    for (const f of readdirSync(reuters).sort()) {
      if (!f.endsWith('.sgm')) continue;
      const sgml = latin1.decode(readFileSync(join(reuters, f)));
      for (const m of sgml.matchAll(/<BODY>([\s\S]*?)<\/BODY>/g)) docs.push(decodeEntities(m[1] ?? '').replaceAll(String.fromCharCode(3), '').replace(/\s*Reuter\s*$/, ''));
    }
  }
  return docs;
}

let docs = loadDocuments();
if (limitBytes > 0) {
  const out: string[] = [];
  let n = 0;
  for (const d of docs) {
    if (n >= limitBytes) break;
    out.push(d);
    n += Buffer.byteLength(d);
  }
  docs = out;
}
const totalBytes = docs.reduce((n, d) => n + Buffer.byteLength(d), 0);

type Runner = (text: string) => unknown;
const pkg = extractPackage as Record<string, unknown>;
const full = typeof pkg.extract === 'function' ? (pkg.extract as Runner) : null;
const runner: Runner = full ?? ((t: string) => extractPackage.analyzeEntities(t));
const runnerName = full ? 'extract (entities + relations)' : 'analyzeEntities (entities only; extract() not exported yet)';

// Warm up both (lexicon loading, JIT) outside the timed runs.
runner('Treasury Secretary Janet Yellen visited Beijing.');
extractPackage.compromiseEntities('Treasury Secretary Janet Yellen visited Beijing.');

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

let t0 = performance.now();
let c0 = cpuSeconds();
let items = 0;
for (const d of docs) {
  const r = runner(d) as { entities?: unknown[] };
  items += r.entities?.length ?? 0;
}
const wallSeconds = (performance.now() - t0) / 1000;
const seconds = cpuSeconds() - c0;
const mbPerS = totalBytes / 1e6 / seconds;

// Baseline sample: every k-th document until about baselineBytes.
const stride = Math.max(1, Math.floor(totalBytes / Math.max(1, baselineBytes)));
const sample = docs.filter((_d, i) => i % stride === 0);
const sampleBytes = sample.reduce((n, d) => n + Buffer.byteLength(d), 0);
t0 = performance.now();
c0 = cpuSeconds();
for (const d of sample) extractPackage.compromiseEntities(d);
const baseWallSeconds = (performance.now() - t0) / 1000;
const baseSeconds = cpuSeconds() - c0;
const baseMbPerS = sampleBytes / 1e6 / baseSeconds;

const peakRssMb = process.resourceUsage().maxRSS / 1024;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
console.log(`corpus: ${docs.length} documents, ${(totalBytes / 1e6).toFixed(2)} MB (BBC + Reuters-21578 bodies)`);
console.log(
  `newsgraph ${runnerName}: ${seconds.toFixed(2)} s CPU, ${mbPerS.toFixed(3)} MB/s per core (wall ${wallSeconds.toFixed(2)} s, ${(totalBytes / 1e6 / wallSeconds).toFixed(3)} MB/s), ${items} entities`,
);
console.log(
  `compromise (plain) on a sample of ${sample.length} documents, ${(sampleBytes / 1e6).toFixed(2)} MB: ${baseSeconds.toFixed(2)} s CPU, ${baseMbPerS.toFixed(3)} MB/s per core (wall ${baseWallSeconds.toFixed(2)} s)`,
);
console.log(`ratio: ${(mbPerS / baseMbPerS).toFixed(1)}x   peak RSS: ${peakRssMb.toFixed(0)} MB`);
console.log(JSON.stringify({ mb_per_s: r3(mbPerS), baseline_mb_per_s: r3(baseMbPerS), ratio: r3(mbPerS / baseMbPerS), peak_rss_mb: Math.round(peakRssMb) }));
