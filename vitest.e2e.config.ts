// End-to-end suite: real Chromium with the built extension (.output/chrome-mv3) against a local
// HTTPS server. Run with `npm run test:e2e` (builds first). One browser at a time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // A flaky browser step gets one more chance; a real failure still fails twice.
    retry: process.env.CI ? 1 : 0,
  },
});
