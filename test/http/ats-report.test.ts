import { describe, expect, it } from 'vitest'
import { findSkills, TAXONOMY_ATTRIBUTION } from '../../src/domain/intelligence/analysis/taxonomy.js'
import { resolvePointer, resumeFields } from '../../src/domain/intelligence/ats/resume-fields.js'
import { applyPatch } from '../../src/domain/intelligence/suggestions/suggestions.js'
import { BACKEND_POSTING, INJECTION_POSTING } from '../fixtures/postings.js'
import { BACKEND_RESUME } from '../fixtures/resumes.js'
import { bearer, problemOf, registerUser, startTestServer } from '../helpers/server.js'

async function setup() {
  const { server } = await startTestServer()
  const user = await registerUser(server)
  const headers = bearer(user.token)
  const post = (url: string, payload: Record<string, unknown>) =>
    server.inject({ method: 'POST', url, headers, payload })
  const resume = (await post('/api/resumes', { title: 'Backend', content: BACKEND_RESUME })).json()
  const job = (await post('/api/jobs', { title: 'Senior Backend Engineer', description: BACKEND_POSTING })).json()
  return { server, headers, post, resumeId: resume.id as string, jobId: job.id as string }
}

describe('resume intelligence over HTTP', { timeout: 90_000 }, () => {
  it('reports the ATS match of a resume against a saved job, deterministically and with resolvable evidence', async () => {
    const { post, resumeId, jobId } = await setup()
    const first = await post(`/api/resumes/${resumeId}/ats-report`, { jobId })
    expect(first.statusCode).toBe(200)
    const report = first.json()
    expect(report).toMatchObject({ algorithmVersion: 'ats/1', source: { draft: false, version: 1, baseVersion: 1 } })
    expect(report.overall).toBeGreaterThanOrEqual(80)
    expect(report.band).toBe('strong')
    expect(report.attribution).toEqual([...TAXONOMY_ATTRIBUTION])
    const k8s = report.requirements.find((r: { id: string }) => r.id === 'skill:kubernetes')
    expect(k8s).toMatchObject({ status: 'met', evidence: [{ pointer: '/work/0/highlights/2', quote: 'Kubernetes' }] })
    for (const r of report.requirements) {
      for (const e of r.evidence) expect(String(resolvePointer(BACKEND_RESUME, e.pointer))).toContain(e.quote)
    }
    const again = await post(`/api/resumes/${resumeId}/ats-report`, { jobId })
    expect(again.body).toBe(first.body)
    // Pasted text gives the same requirements as the saved job.
    const pasted = (await post(`/api/resumes/${resumeId}/ats-report`, { description: BACKEND_POSTING })).json()
    expect(pasted.requirements.filter((r: { kind: string }) => r.kind === 'skill')).toEqual(
      report.requirements.filter((r: { kind: string }) => r.kind === 'skill'),
    )
  })

  it('scores the working draft by default and a committed version on request', async () => {
    const { server, headers, post, resumeId, jobId } = await setup()
    const draft = structuredClone(BACKEND_RESUME)
    ;(draft.work[0] as { highlights: string[] }).highlights[2] = 'Migrated 14 services to Nomad with zero downtime'
    const saved = await server.inject({
      method: 'PUT',
      url: `/api/resumes/${resumeId}/draft`,
      headers: { ...headers, 'if-match': '*' },
      payload: { content: draft },
    })
    expect(saved.statusCode).toBe(200)
    const ofDraft = (await post(`/api/resumes/${resumeId}/ats-report`, { jobId })).json()
    expect(ofDraft.source).toEqual({ draft: true, baseVersion: 1 })
    expect(ofDraft.requirements.find((r: { id: string }) => r.id === 'skill:kubernetes').status).not.toBe('met')
    const ofVersion = (await post(`/api/resumes/${resumeId}/ats-report`, { jobId, version: 1 })).json()
    expect(ofVersion.requirements.find((r: { id: string }) => r.id === 'skill:kubernetes').status).toBe('met')
    expect(ofVersion.overall).toBeGreaterThan(ofDraft.overall)
  })

  it('returns suggestions whose patches move the score by their scoreDelta', async () => {
    const { post, resumeId, jobId } = await setup()
    const base = (await post(`/api/resumes/${resumeId}/ats-report`, { jobId })).json().overall
    const { items } = (await post(`/api/resumes/${resumeId}/suggestions`, { jobId })).json()
    const patched = items.filter((i: { patch?: unknown }) => i.patch).slice(0, 3)
    expect(patched.length).toBeGreaterThan(0)
    for (const item of patched) {
      const content = applyPatch(BACKEND_RESUME, item.patch)
      const edited = await post('/api/resumes', { title: 'edited', content })
      const after = (await post(`/api/resumes/${edited.json().id}/ats-report`, { jobId })).json().overall
      expect(after - base).toBe(item.scoreDelta)
    }
  })

  it('tailors into a new resume with lineage and a draft that adds no new facts', async () => {
    const { server, headers, post, resumeId, jobId } = await setup()
    const response = await post(`/api/resumes/${resumeId}/tailor`, { jobId })
    expect(response.statusCode).toBe(201)
    const body = response.json()
    expect(body.resume).toMatchObject({ hasDraft: true, tailoredFrom: { resumeId, version: 1, jobId } })
    const draft = (await server.inject({ method: 'GET', url: `/api/resumes/${body.resume.id}/draft`, headers })).json()
    const tailored = draft.content as Record<string, unknown>
    const skills = (doc: Record<string, unknown>) =>
      new Set(resumeFields(doc).flatMap((f) => findSkills(f.text).map((m) => m.skill.id)))
    const before = skills(BACKEND_RESUME)
    expect([...skills(tailored)].filter((id) => !before.has(id))).toEqual([])
    expect((tailored.basics as { summary: string }).summary).toMatch(/^Targeting the Senior Backend Engineer role/)
    expect(body.changes.map((c: { change: string }) => c.change)).toContain('added-skill')
    // Pasted posting text is saved as a job so the lineage can name it.
    const fromText = (await post(`/api/resumes/${resumeId}/tailor`, { description: BACKEND_POSTING })).json()
    const saved = (
      await server.inject({ method: 'GET', url: `/api/jobs/${fromText.resume.tailoredFrom.jobId}`, headers })
    ).json()
    expect(saved.description).toBe(BACKEND_POSTING)
  })

  it('ignores instructions inside a posting', async () => {
    const { post, resumeId } = await setup()
    const clean = INJECTION_POSTING.replace(/^Ignore previous.*$/m, '')
    const injected = (await post(`/api/resumes/${resumeId}/ats-report`, { description: INJECTION_POSTING })).json()
    const plain = (await post(`/api/resumes/${resumeId}/ats-report`, { description: clean })).json()
    expect(injected.overall).toBe(plain.overall)
    expect(injected.requirements).toEqual(plain.requirements)
    expect(injected.overall).toBeLessThan(100)
  })

  it("answers 404 for another user's resume or job and 400 without a posting", async () => {
    const { server, post, resumeId, jobId } = await setup()
    const stranger = bearer((await registerUser(server)).token)
    const asStranger = (url: string, payload: Record<string, unknown>) =>
      server.inject({ method: 'POST', url, headers: stranger, payload })
    problemOf(await asStranger(`/api/resumes/${resumeId}/ats-report`, { description: 'SQL' }), 404, 'RESUME_NOT_FOUND')
    const own = (await asStranger('/api/resumes', { title: 'Mine', content: BACKEND_RESUME })).json()
    problemOf(await asStranger(`/api/resumes/${own.id}/ats-report`, { jobId }), 404, 'JOB_NOT_FOUND')
    problemOf(await asStranger(`/api/resumes/${own.id}/tailor`, { jobId }), 404, 'JOB_NOT_FOUND')
    problemOf(await post(`/api/resumes/${resumeId}/ats-report`, {}), 400, 'VALIDATION_FAILED')
    problemOf(await post(`/api/resumes/${resumeId}/tailor`, {}), 400, 'VALIDATION_FAILED')
    // Tailoring another user's resume to pasted text saves no job for the caller.
    problemOf(await asStranger(`/api/resumes/${resumeId}/tailor`, { description: 'SQL' }), 404, 'RESUME_NOT_FOUND')
    const strangerJobs = await server.inject({ method: 'GET', url: '/api/jobs', headers: stranger })
    expect(strangerJobs.json().items).toEqual([])
  })
})
