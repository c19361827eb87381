import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: forks keep native modules (better-sqlite3) isolated per test file.
    pool: 'forks',
    maxWorkers: 2,
  },
});
