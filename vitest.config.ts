import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: [
      'utils/**/*.test.ts',
      'components/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
      'entrypoints/**/*.test.ts',
    ],
    restoreMocks: true,
    setupFiles: ['tests/unit/setup.ts'],
  },
});
