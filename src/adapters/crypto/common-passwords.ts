import { dictionary } from '@zxcvbn-ts/language-common'
import type { PasswordDictionary } from '../../domain/accounts/account.ports.js'

let common: Set<string> | undefined

/** The ~50,000 most common passwords of zxcvbn-ts's dictionary, compared case-insensitively. */
export const commonPasswords: PasswordDictionary = {
  isCommon(password) {
    common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()))
    return common.has(password.toLowerCase())
  },
}
