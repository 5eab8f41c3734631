import type { UserRepository } from '../../domain/accounts/account.ports.js'
import { normalizeEmail, type User, type UserSettings } from '../../domain/accounts/account.types.js'
import { DomainError } from '../../domain/errors.js'

/** In-memory users for unit tests; same contract as the Postgres repository. */
export function createMemoryUserRepository(): UserRepository {
  const users = new Map<string, { user: User; passwordHash: string }>()
  const settings = new Map<string, UserSettings>()
  const emailInUse = (email: string, exceptId?: string) =>
    [...users.values()].some((u) => u.user.id !== exceptId && normalizeEmail(u.user.email) === normalizeEmail(email))
  const taken = () =>
    new DomainError('EMAIL_TAKEN', 'An account with this email already exists.', {
      errors: [{ pointer: '/body/email', message: 'is already registered' }],
    })

  return {
    async create({ passwordHash, ...user }) {
      if (emailInUse(user.email)) throw taken()
      users.set(user.id, { user, passwordHash })
      return user
    },
    async findCredentialsByEmail(normalizedEmail) {
      return [...users.values()].find((u) => normalizeEmail(u.user.email) === normalizedEmail)
    },
    async updatePasswordHash(id, passwordHash, at) {
      const found = users.get(id)
      if (!found) throw new DomainError('USER_NOT_FOUND', 'The user does not exist.')
      users.set(id, { user: { ...found.user, updatedAt: at }, passwordHash })
    },
    async findPasswordHash(id) {
      return users.get(id)?.passwordHash
    },
    async findById(id) {
      return users.get(id)?.user
    },
    async update(id, changes) {
      const found = users.get(id)
      if (!found) throw new DomainError('USER_NOT_FOUND', 'The user does not exist.')
      if (changes.email !== undefined && emailInUse(changes.email, id)) throw taken()
      const user: User = {
        ...found.user,
        ...(changes.email !== undefined && { email: changes.email }),
        ...(changes.displayName !== undefined && { displayName: changes.displayName }),
        updatedAt: changes.updatedAt,
      }
      users.set(id, { ...found, user })
      return user
    },
    async findSettings(userId) {
      return settings.get(userId)
    },
    async saveSettings(userId, value) {
      settings.set(userId, value)
    },
    async delete(id) {
      const found = users.get(id)
      if (!found) return undefined
      users.delete(id)
      settings.delete(id)
      // Only users and settings live here; the other memory repositories are separate fakes.
      return { id, email: found.user.email, resumeIds: [], jobIds: [], apiKeyIds: [] }
    },
  }
}
