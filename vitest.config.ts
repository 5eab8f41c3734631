import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

// Most tests wait on sockets, child processes, databases and scrypt rather than on the CPU, so the suite runs more
// files at once than there are cores. TEST_WORKERS overrides it (1 runs one file at a time).
const workers = Number(process.env.TEST_WORKERS) || Math.max(2, availableParallelism() + 1)

/**
 * The suite in four tiers, each a Vitest project (`npm run test:<tier>`, or `vitest run --project <tier>`):
 * - unit: domain and adapters with fakes or in-memory data, no server and no child process; the inner loop.
 * - http: the whole app through `buildServer()` + `inject()`, on PGlite (or DATABASE_URL/REDIS_URL when set).
 * - integration: real components at a port: storage contracts on every store, document libraries, task queues,
 *   migrations, tools the deployment uses.
 * - e2e: the built service as a process, browsers, nginx.
 */
export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    maxWorkers: workers,
    reporters: ['default', './test/reporters/tier-times.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Quiet, fast defaults; DATABASE_URL and REDIS_URL pass through to run the suite on real services.
    env: { LOG_LEVEL: 'silent', PASSWORD_HASH_COST: '10' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/web/**/*.test.ts'] },
      },
      { extends: true, test: { name: 'http', include: ['test/http/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'] } },
    ],
  },
})
