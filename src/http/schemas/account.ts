import { type Static, Type } from '@sinclair/typebox'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../domain/accounts/account.service.js'
import { USER_ROLES, USER_TIERS, type User, type UserSettings } from '../../domain/accounts/account.types.js'

const Email = Type.String({ format: 'email', maxLength: 254 })
const DisplayName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' })

export const User_ = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    email: Type.String(),
    displayName: Type.String(),
    tier: Type.Union(USER_TIERS.map((t) => Type.Literal(t))),
    role: Type.Union(USER_ROLES.map((r) => Type.Literal(r))),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'User', additionalProperties: false },
)

export function toUserResponse(user: User): Static<typeof User_> {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    tier: user.tier,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  }
}

export const RegisterBody = Type.Object(
  {
    email: Email,
    password: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }),
    displayName: Type.Optional(DisplayName),
  },
  { additionalProperties: false },
)

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
)

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
    newPassword: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
)

export const SignedInResponse = Type.Object(
  { user: Type.Ref('User'), token: Type.String(), expiresAt: Type.String({ format: 'date-time' }) },
  { additionalProperties: false },
)

export const PatchMeBody = Type.Object(
  {
    email: Type.Optional(Email),
    displayName: Type.Optional(DisplayName),
    currentPassword: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: PASSWORD_MAX_LENGTH,
        description: 'Required with `email`: the account’s current password.',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
)

export const Settings = Type.Object(
  {
    locale: Type.String({ pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$', maxLength: 35 }),
    timezone: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_+\\-/]+$' }),
    defaultTemplateId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9-]+$' }),
    pageSize: Type.Union([Type.Literal('letter'), Type.Literal('a4')]),
    theme: Type.Union([Type.Literal('light'), Type.Literal('dark'), Type.Literal('system')]),
    emailNotifications: Type.Boolean(),
  },
  { $id: 'UserSettings', additionalProperties: false },
) satisfies { static: UserSettings }

export const DeleteMeBody = Type.Object(
  {
    currentPassword: Type.String({
      minLength: 1,
      maxLength: PASSWORD_MAX_LENGTH,
      description: 'The account’s current password.',
    }),
  },
  { additionalProperties: false },
)
