import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

const hasPromtool = spawnSync('promtool', ['--version'], { encoding: 'utf8' }).status === 0

describe.skipIf(!hasPromtool)('cache alert rules', () => {
  it('pass promtool check rules and their unit tests (low hit rate, cache errors)', () => {
    const cwd = 'deploy/prometheus'
    const check = spawnSync('promtool', ['check', 'rules', 'cache-alerts.yml'], { cwd, encoding: 'utf8' })
    expect(check.status, check.stdout + check.stderr).toBe(0)
    const tests = spawnSync('promtool', ['test', 'rules', 'cache-alerts.test.yml'], { cwd, encoding: 'utf8' })
    expect(tests.status, tests.stdout + tests.stderr).toBe(0)
    expect(tests.stdout).toContain('SUCCESS')
  })
})
