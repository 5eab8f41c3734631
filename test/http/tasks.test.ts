import { describe, expect, it } from 'vitest'
import { TASK_FAILED_MESSAGE } from '../../src/domain/tasks/task.service.js'
import { bearer, problemOf, registerUser, startTestServer } from '../helpers/server.js'

async function poll(check: () => Promise<{ state: string } & Record<string, unknown>>) {
  const deadline = Date.now() + 15_000
  for (;;) {
    const body = await check()
    if (body.state === 'succeeded' || body.state === 'failed' || Date.now() > deadline) return body
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

describe('GET /api/tasks/:id', () => {
  it("shows a task's progress and result to its owner only", async () => {
    const { server, app } = await startTestServer({ TASK_BACKOFF_MS: '10' })
    app.services.tasks.register('test.words', async (payload, context) => {
      await context.reportProgress(40)
      if (context.attempt === 1) throw new Error('first attempt fails')
      return { words: String((payload as { text: string }).text).split(' ').length }
    })
    const owner = await registerUser(server)
    const other = await registerUser(server)
    const task = await app.services.tasks.enqueue({
      kind: 'test.words',
      ownerId: owner.userId,
      payload: { text: 'a b c' },
    })

    const body = await poll(async () => {
      const response = await server.inject({
        method: 'GET',
        url: `/api/tasks/${task.id}`,
        headers: bearer(owner.token),
      })
      expect(response.statusCode).toBe(200)
      expect(response.headers['cache-control']).toBe('no-store')
      return response.json()
    })
    expect(body).toMatchObject({
      id: task.id,
      kind: 'test.words',
      state: 'succeeded',
      progress: 100,
      attempts: 2,
      result: { words: 3 },
    })

    problemOf(
      await server.inject({ method: 'GET', url: `/api/tasks/${task.id}`, headers: bearer(other.token) }),
      404,
      'TASK_NOT_FOUND',
    )
    problemOf(await server.inject({ method: 'GET', url: `/api/tasks/${task.id}` }), 401, 'UNAUTHENTICATED')
  })

  it('reports a permanent failure with its error', async () => {
    const { server, app } = await startTestServer({ TASK_BACKOFF_MS: '10', TASK_MAX_ATTEMPTS: '2' })
    app.services.tasks.register('test.fail', async () => {
      throw new Error('always broken')
    })
    const owner = await registerUser(server)
    const task = await app.services.tasks.enqueue({ kind: 'test.fail', ownerId: owner.userId, payload: {} })
    const body = await poll(async () =>
      (await server.inject({ method: 'GET', url: `/api/tasks/${task.id}`, headers: bearer(owner.token) })).json(),
    )
    expect(body).toMatchObject({
      state: 'failed',
      attempts: 2,
      maxAttempts: 2,
      error: { code: 'TASK_FAILED', message: TASK_FAILED_MESSAGE },
    })
    expect(body.result).toBeUndefined()
  })
})
