import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Files that need a Neo4j server: the `neo4j` project starts one for them (or uses NEO4J_URI).
const NEO4J_FILES = ['packages/*/test/**/neo4j-*.int.test.ts', 'test/**/neo4j-*.int.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: forks keep native state (sqlite, redis clients) per test file isolated.
    pool: 'forks',
    // At least two files at once, even on two cores (vitest's default there is one): most of the
    // slow files wait (crawl child processes, paced fixture pages, Neo4j and Chromium starts), and
    // a second file uses that time. The three crawl files on 2 cores at load 31 (2026-12-03): 568 s
    // wall one at a time, 390 s two at a time, the same CPU time (82 s / 85 s user+sys).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...NEO4J_FILES],
        },
      },
      {
        extends: true,
        test: {
          name: 'neo4j',
          include: NEO4J_FILES,
          // One server for the project (started only when one of these files is queued); the
          // files share it and wipe it, so they run one after another.
          globalSetup: ['test/support/neo4j-global-setup.ts'],
          fileParallelism: false,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
