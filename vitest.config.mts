/** Unit and service tests (plain Node, real SQLite files in temp dirs). Playwright specs live in tests/e2e. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/service/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    setupFiles: ['tests/temp-root.ts'],
    testTimeout: 30_000,
  },
});
