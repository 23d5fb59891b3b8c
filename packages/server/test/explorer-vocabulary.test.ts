import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explorerPublicDir } from '@newsgraph/explorer';
import { PREDICATES, SYMMETRIC_PREDICATES } from '@newsgraph/shared';

/**
 * The explorer is plain browser modules with no build step, so it writes the predicate list out
 * (its relation filters and path exclusions are built from it). This keeps that copy equal to the
 * one definition in packages/shared: a predicate added there and not here would be missing from
 * the filters, and "all relations" would no longer mean all.
 */

function arrayLiteral(source: string, name: string): string[] {
  const match = new RegExp(`const ${name} = (?:new Set\\()?\\[([^\\]]*)\\]`).exec(source);
  if (!match) throw new Error(`app.js: no literal list ${name}`);
  return [...(match[1] as string).matchAll(/'([A-Z_]+)'/g)].map((m) => m[1] as string);
}

describe('explorer vocabulary', () => {
  const app = readFileSync(join(explorerPublicDir, 'app.js'), 'utf8');

  it('lists every predicate of the domain, in the same order', () => {
    expect(arrayLiteral(app, 'PREDICATES')).toEqual([...PREDICATES]);
  });

  it('treats the same predicates as symmetric', () => {
    expect(arrayLiteral(app, 'SYMMETRIC').sort()).toEqual([...SYMMETRIC_PREDICATES].sort());
  });
});
