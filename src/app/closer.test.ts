import { describe, expect, it } from 'vitest'
import { createCloser, openOrClose } from './closer.js'

describe('closer', () => {
  it('runs each step once, last registered first, and still runs the rest when one throws', async () => {
    const ran: string[] = []
    const reported: Array<[unknown, string]> = []
    const closer = createCloser((error, step) => reported.push([error, step]))
    const failure = new Error('redis would not quit')
    closer.defer('database', () => {
      ran.push('database')
    })
    closer.defer('redis', async () => {
      ran.push('redis')
      throw failure
    })
    closer.defer('pool', async () => {
      ran.push('pool')
    })

    const first = closer.close()
    const second = closer.close()
    await expect(first).rejects.toMatchObject({ errors: [failure] })
    await expect(second).rejects.toBeInstanceOf(AggregateError)
    expect(ran).toEqual(['pool', 'redis', 'database'])
    expect(reported).toEqual([[failure, 'redis']])
  })

  it('moves on from a step that never finishes, reporting it, so shutdown always ends', async () => {
    const ran: string[] = []
    const reported: string[] = []
    const closer = createCloser((_, step) => reported.push(step), { stepTimeoutMs: 50 })
    closer.defer('database', () => {
      ran.push('database')
    })
    closer.defer('session cache', () => new Promise(() => {}))
    const started = performance.now()
    await expect(closer.close()).rejects.toMatchObject({
      errors: [expect.objectContaining({ message: 'close step "session cache" did not finish within 50 ms' })],
    })
    expect(performance.now() - started).toBeLessThan(1000)
    expect(ran).toEqual(['database'])
    expect(reported).toEqual(['session cache'])
  })

  it('resolves when every step succeeds', async () => {
    const closer = createCloser()
    let closed = 0
    closer.defer('one', () => {
      closed += 1
    })
    await closer.close()
    await closer.close()
    expect(closed).toBe(1)
  })

  it('keeps going when the reporter itself throws', async () => {
    const ran: string[] = []
    const closer = createCloser(() => {
      throw new Error('logger closed')
    })
    closer.defer('first', () => ran.push('first'))
    closer.defer('second', () => {
      throw new Error('boom')
    })
    await expect(closer.close()).rejects.toBeInstanceOf(AggregateError)
    expect(ran).toEqual(['first'])
  })

  it('closes what an open step had registered when a later one throws, and rethrows its error', async () => {
    const ran: string[] = []
    const closer = createCloser()
    const failure = new Error('theme catalog unreadable')
    await expect(
      openOrClose(closer, async (c) => {
        c.defer('database', () => ran.push('database'))
        c.defer('redis', () => {
          throw new Error('quit failed')
        })
        throw failure
      }),
    ).rejects.toBe(failure)
    expect(ran).toEqual(['database'])
  })
})
