/**
 * Idempotency-Key when the database cannot store a request's answer at the moment it is sent (it went away between
 * the work and the answer): the answer still goes out, and it is stored in the background once the database takes
 * it, so the client's retry gets it replayed within a second instead of 409 IDEMPOTENCY_KEY_IN_USE for a minute.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { clientOf } from '../helpers/resumes.js'
import { registerUser, startTestServer } from '../helpers/server.js'

describe('Idempotency-Key when the answer cannot be stored at once', () => {
  it('sends the answer and stores it in the background, so a retry replays it', async () => {
    const { server, app } = await startTestServer()
    const alice = clientOf(server, (await registerUser(server)).token)
    const store = app.services.idempotency
    const complete = store.complete.bind(store)
    let failures = 0
    store.complete = async (...args) => {
      if (failures < 2) {
        failures += 1
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
      }
      return complete(...args)
    }
    const key = { 'idempotency-key': 'job-while-db-flaps' }
    const first = await alice.post('/api/jobs', { description: 'Backend engineer, Go.' }, key)
    expect(first.statusCode, first.body).toBe(201)

    let again = await alice.post('/api/jobs', { description: 'Backend engineer, Go.' }, key)
    for (let waited = 0; again.statusCode === 409 && waited < 3000; waited += 100) {
      await sleep(100)
      again = await alice.post('/api/jobs', { description: 'Backend engineer, Go.' }, key)
    }
    expect(again.statusCode, again.body).toBe(201)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(again.json()).toEqual(first.json())
    expect(failures).toBe(2)
    expect((await alice.get('/api/jobs')).json().items).toHaveLength(1)
  })
})
