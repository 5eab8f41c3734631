import { describe, expect, it } from 'vitest'
import { SAMPLE_RESUME } from '../../src/domain/templates/sample-resume.js'
import { clientOf, minimalResume } from '../helpers/resumes.js'
import { problemOf, registerUser, startTestServer } from '../helpers/server.js'

describe('starting from the sample resume', () => {
  it('creates a resume with the fictional sample, marked as a sample by its title and tag', async () => {
    const { server } = await startTestServer()
    const client = clientOf(server, (await registerUser(server)).token)
    const created = await client.post('/api/resumes', { sample: true, tags: ['practice'] })
    expect(created.statusCode, created.body).toBe(201)
    const resume = created.json() as { title: string; tags: string[]; content: unknown; headVersion: number }
    expect(resume.title).toBe('Sample resume (fictional person)')
    expect(resume.tags).toEqual(['sample', 'practice'])
    expect(resume.content).toEqual(SAMPLE_RESUME)
    const versions = (await client.get(`/api/resumes/${created.json().id}/versions`)).json() as {
      items: { message: string }[]
    }
    expect(versions.items.map((v) => v.message)).toEqual(['Created from the sample'])
  })

  it('refuses the sample together with content (400 naming the field)', async () => {
    const { server } = await startTestServer()
    const client = clientOf(server, (await registerUser(server)).token)
    const body = problemOf(
      await client.post('/api/resumes', { sample: true, content: minimalResume() }),
      400,
      'VALIDATION_FAILED',
    )
    expect(body.errors).toEqual([{ pointer: '/body/content', message: 'must be left out with sample' }])
    problemOf(await client.post('/api/resumes', { sample: false }), 400, 'VALIDATION_FAILED')
    expect(((await client.get('/api/resumes')).json() as { items: unknown[] }).items).toEqual([])
  })
})
