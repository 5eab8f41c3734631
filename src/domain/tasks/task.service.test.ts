import { describe, expect, it } from 'vitest'
import { DomainError } from '../errors.js'
import { TASK_FAILED_MESSAGE, taskErrorOf } from './task.service.js'

describe('taskErrorOf', () => {
  it("keeps a DomainError's code and message, which are written for the user", () => {
    const error = new DomainError('IMPORT_MALFORMED', 'The file is not valid UTF-8 JSON.')
    expect(taskErrorOf(error)).toEqual({ code: 'IMPORT_MALFORMED', message: 'The file is not valid UTF-8 JSON.' })
  })

  it('never shows the text of any other error, such as a database message', () => {
    const database = Object.assign(new Error('invalid input syntax for type json: unsupported Unicode escape'), {
      code: '22P05',
    })
    for (const error of [database, new TypeError("Cannot read properties of undefined (reading 'x')"), 'a string']) {
      expect(taskErrorOf(error)).toEqual({ code: 'TASK_FAILED', message: TASK_FAILED_MESSAGE })
    }
  })
})
