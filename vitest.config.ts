import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Quiet, fast defaults; DATABASE_URL and REDIS_URL pass through to run the suite on real services.
    env: { LOG_LEVEL: 'silent', PASSWORD_HASH_COST: '10' },
  },
})
