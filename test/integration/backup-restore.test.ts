/**
 * Backups that restore: `npm run backup`, `npm run restore` and the restore drill (src/cli/backup.ts) on the embedded
 * database and on PostgreSQL. A service writes an account, a resume with a committed version and a draft, and a
 * job; the drill restores its backup into a fresh database and compares every table; a restored copy serves the
 * same resume to the same user after signing in again.
 */
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { createPostgresDatabase, POSTGRES_URL } from '../helpers/postgres.js'
import { runTs } from '../helpers/process.js'
import { minimalResume } from '../helpers/resumes.js'
import { bearer, registerUser, startTestServer } from '../helpers/server.js'

const BACKUP = 'src/cli/backup.ts'

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'roleready-backup-'))
  onTestFinished(() => rm(dir, { recursive: true, force: true }))
  return dir
}

interface Written {
  email: string
  password: string
  resumeId: string
  content: unknown
}

/** A service on `env` writes what a user would, then stops (the embedded database allows one process at a time). */
async function writeSomeData(env: Record<string, string>): Promise<Written> {
  const { app, server } = await startTestServer(env)
  const user = await registerUser(server)
  const auth = bearer(user.token)
  const created = await server.inject({
    method: 'POST',
    url: '/api/resumes',
    headers: auth,
    payload: { title: 'Backed up', content: minimalResume() },
  })
  expect(created.statusCode, created.body).toBe(201)
  const resumeId = created.json<{ id: string }>().id
  const content = { ...minimalResume(), basics: { name: 'Ada Restored', label: 'Engineer' } }
  const draft = await server.inject({
    method: 'PUT',
    url: `/api/resumes/${resumeId}/draft`,
    headers: { ...auth, 'if-match': '*' },
    payload: { content },
  })
  expect(draft.statusCode, draft.body).toBe(200)
  const commit = await server.inject({
    method: 'POST',
    url: `/api/resumes/${resumeId}/draft/commit`,
    headers: auth,
    payload: { message: 'before the backup' },
  })
  expect(commit.statusCode, commit.body).toBe(201)
  // Work in progress after the commit: a draft row the backup must keep too.
  const wip = await server.inject({
    method: 'PUT',
    url: `/api/resumes/${resumeId}/draft`,
    headers: { ...auth, 'if-match': '*' },
    payload: { content: { ...content, basics: { ...content.basics, label: 'Staff engineer' } } },
  })
  expect(wip.statusCode, wip.body).toBe(200)
  const job = await server.inject({
    method: 'POST',
    url: '/api/jobs',
    headers: auth,
    payload: { title: 'Backend engineer', description: 'Backend engineer with TypeScript and PostgreSQL.' },
  })
  expect(job.statusCode, job.body).toBe(201)
  await server.close()
  await app.close()
  return { email: user.email, password: user.password, resumeId, content }
}

/** Signs in on a service over `env` and reads the resume back. */
async function readBack(env: Record<string, string>, written: Written): Promise<unknown> {
  const { server } = await startTestServer(env)
  const login = await server.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: written.email, password: written.password },
  })
  expect(login.statusCode, login.body).toBe(200)
  const resume = await server.inject({
    method: 'GET',
    url: `/api/resumes/${written.resumeId}`,
    headers: bearer(login.json<{ token: string }>().token),
  })
  expect(resume.statusCode, resume.body).toBe(200)
  return resume.json<{ content: unknown }>().content
}

function expectDrillPassed(stdout: string): void {
  for (const table of ['users', 'resumes', 'resume_versions', 'resume_drafts', 'jobs']) {
    expect(stdout).toMatch(new RegExp(`^table\\s+${table}\\s+[1-9]\\d* rows\\s+[0-9a-f]{32}$`, 'm'))
  }
  expect(stdout).toMatch(/^drill\s+\d+ tables compared \(\d+ rows\), checksums equal$/m)
  const summary = stdout.split('\n').find((l) => l.startsWith('drill'))
  process.stdout.write(`${summary}\n`)
}

describe('backup and restore of the embedded database', () => {
  it('the drill restores a backup into a fresh data directory and finds every table equal', async () => {
    const dir = await tempDir()
    const env = { DATA_DIR: path.join(dir, 'data'), BACKUP_DIR: path.join(dir, 'backups') }
    await writeSomeData(env)
    const drill = await runTs(BACKUP, ['drill'], env, 180_000)
    expect(drill.stderr).toBe('')
    expect(drill.code).toBe(0)
    expectDrillPassed(drill.stdout)
  }, 300_000)

  it('backup then restore into a new data directory serves the same resume to the same user', async () => {
    const dir = await tempDir()
    const env = { DATA_DIR: path.join(dir, 'data'), BACKUP_DIR: path.join(dir, 'backups') }
    const written = await writeSomeData(env)
    const backup = await runTs(BACKUP, ['backup'], env, 180_000)
    expect(backup.code, backup.stderr).toBe(0)
    const file = /^backup\s+(\S+\.tar\.gz)/m.exec(backup.stdout)?.[1] as string
    expect(file).toBeDefined()

    const restoredDir = path.join(dir, 'restored')
    const restore = await runTs(BACKUP, ['restore', file], { ...env, DATA_DIR: restoredDir })
    expect(restore.code, restore.stderr).toBe(0)
    expect(restore.stdout).toMatch(/^restored \d+ tables from /m)
    expect(await readBack({ DATA_DIR: restoredDir }, written)).toEqual(written.content)

    // A data directory that holds a database is never overwritten.
    const again = await runTs(BACKUP, ['restore', file], { ...env, DATA_DIR: restoredDir })
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('is not empty; restore into a new data directory')
  }, 300_000)

  it('backup --keep 2 leaves the two newest backups and nothing else is touched', async () => {
    const dir = await tempDir()
    const env = { DATA_DIR: path.join(dir, 'data'), BACKUP_DIR: path.join(dir, 'backups') }
    await mkdir(env.BACKUP_DIR)
    const older = ['roleready-pglite-2026-01-01.tar.gz', 'roleready-pglite-2026-02-01.tar.gz', 'notes.txt']
    for (const [i, name] of older.entries()) {
      await writeFile(path.join(env.BACKUP_DIR, name), 'old')
      await utimes(path.join(env.BACKUP_DIR, name), 1_700_000_000 + i, 1_700_000_000 + i)
    }
    const backup = await runTs(BACKUP, ['backup', '--keep', '2'], env, 180_000)
    expect(backup.code, backup.stderr).toBe(0)
    expect(backup.stdout).toContain(`removed  ${path.join(env.BACKUP_DIR, older[0] as string)}`)
    const made = path.basename(/^backup\s+(\S+)/m.exec(backup.stdout)?.[1] as string)
    expect((await readdir(env.BACKUP_DIR)).sort()).toEqual([made, older[1], 'notes.txt'].sort())
    const refused = await runTs(BACKUP, ['backup', '--keep', '0'], env)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('--keep takes a whole number')
  }, 240_000)
})

describe.skipIf(!POSTGRES_URL)('backup and restore on PostgreSQL', () => {
  async function freshDatabase(): Promise<string> {
    const database = await createPostgresDatabase()
    onTestFinished(database.drop)
    return database.url
  }

  it('the drill restores a pg_dump into a new database and finds every table equal', async () => {
    const env = { DATABASE_URL: await freshDatabase(), AUTO_MIGRATE: 'true', BACKUP_DIR: await tempDir() }
    await writeSomeData(env)
    const drill = await runTs(BACKUP, ['drill'], env, 180_000)
    expect(drill.stderr).toBe('')
    expect(drill.code).toBe(0)
    expectDrillPassed(drill.stdout)
  }, 300_000)

  it('backup then restore into an empty database serves the same resume; a database with tables is refused', async () => {
    const env = { DATABASE_URL: await freshDatabase(), AUTO_MIGRATE: 'true', BACKUP_DIR: await tempDir() }
    const written = await writeSomeData(env)
    const backup = await runTs(BACKUP, ['backup'], env, 180_000)
    expect(backup.code, backup.stderr).toBe(0)
    const file = /^backup\s+(\S+\.dump)/m.exec(backup.stdout)?.[1] as string

    const target = await freshDatabase()
    const restore = await runTs(BACKUP, ['restore', file, '--into', target], env)
    expect(restore.code, restore.stderr).toBe(0)
    expect(await readBack({ DATABASE_URL: target }, written)).toEqual(written.content)

    const again = await runTs(BACKUP, ['restore', file, '--into', target], env)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('restore into an empty database')
  }, 300_000)
})
