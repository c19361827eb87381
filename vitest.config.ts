import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds dist/ and the default pack's index when sources are newer: tests spawn the compiled CLI.
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Forks keep native modules (better-sqlite3) isolated per test file.
    pool: 'forks',
    maxWorkers: Math.max(1, availableParallelism()),
  },
});
