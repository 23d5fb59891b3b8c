import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/index.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('newsgraph.config.yaml (YAML parser loaded on demand)', () => {
  it('reads settings from the file, and the environment wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-config-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'newsgraph.config.yaml'), 'db: from-file.db\nlogLevel: warn\n');
    expect(loadConfig({ env: {}, cwd: dir }).db).toMatch(/from-file\.db$/);
    expect(loadConfig({ env: { NEWSGRAPH_DB: 'from-env.db' }, cwd: dir }).db).toMatch(/from-env\.db$/);
  });

  it('names the file when its YAML is broken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-config-'));
    dirs.push(dir);
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'db: [unclosed\n');
    expect(() => loadConfig({ env: { NEWSGRAPH_CONFIG: file }, cwd: dir })).toThrow(ConfigError);
    expect(() => loadConfig({ env: { NEWSGRAPH_CONFIG: file }, cwd: dir })).toThrow(/bad\.yaml: not valid YAML/);
  });
});
