/** Unit and service tests (plain Node, real SQLite files in temp dirs). Playwright specs live in tests/e2e. */
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/service/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // One file per core, at least two: left to itself Vitest ran the files one after another here (468 s, 262 s with two).
    maxWorkers: Math.max(2, availableParallelism()),
    setupFiles: ['tests/temp-root.ts'],
    testTimeout: 30_000,
  },
});
