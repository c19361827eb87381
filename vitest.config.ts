import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds dist/ and the default pack's index when sources are newer: tests spawn the compiled CLI.
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Forks keep native modules (better-sqlite3) in their own processes.
    pool: 'forks',
    // A worker keeps the modules it loaded from one test file to the next: most files load the same three
    // platform SDKs, and loading them afresh for each file took more than half of the run (import 175 s of
    // 263 s; 53 s without). No test mocks a module, stubs a global or changes process.env, so nothing leaks
    // between files that a fresh load would have reset.
    isolate: false,
    maxWorkers: Math.max(1, availableParallelism()),
  },
});
