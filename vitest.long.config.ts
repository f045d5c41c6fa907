import { defineConfig } from 'vitest/config';

// Long suites (multi-year parity runs, large fuzz campaigns): `npm run test:long`, also run by CI.
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.long.test.ts', 'apps/*/test/**/*.long.test.ts'],
    testTimeout: 1_800_000,
    pool: 'forks',
  },
});
