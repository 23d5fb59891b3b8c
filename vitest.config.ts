import { defineConfig } from 'vitest/config';

// Files that need a Neo4j server: the `neo4j` project starts one for them (or uses NEO4J_URI).
const NEO4J_FILES = ['packages/*/test/**/neo4j-*.int.test.ts', 'test/**/neo4j-*.int.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: forks keep native state (sqlite, redis clients) per test file isolated.
    pool: 'forks',
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
