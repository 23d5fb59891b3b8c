/**
 * `pnpm bench <name>` → runs scripts/bench-<name>.ts. Each benchmark prints its figures, ratios
 * against a baseline measured in the same run, and a JSON summary as its last line.
 */
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .map((f) => /^bench-(.+)\.ts$/.exec(f)?.[1])
  .filter((n): n is string => Boolean(n))
  .sort();
const name = process.argv[2];
if (!name || !available.includes(name)) {
  console.error(`usage: pnpm bench <${available.join('|')}> [options]${name ? `\nunknown benchmark "${name}"` : ''}`);
  process.exit(2);
}
process.argv.splice(2, 1);
await import(`./bench-${name}.ts`);
