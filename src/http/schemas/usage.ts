import { Type } from '@sinclair/typebox'
import type { Usage } from '../../domain/usage/usage.types.js'

const Meter = (description: string) =>
  Type.Object(
    {
      used: Type.Integer({ minimum: 0 }),
      limit: Type.Integer({ minimum: 1 }),
    },
    { additionalProperties: false, description },
  )

/** How much of each quota the signed-in user uses; a write past a limit answers 409 QUOTA_EXCEEDED naming it. */
export const Usage_ = Type.Object(
  {
    storageBytes: Meter(
      'UTF-8 bytes of every version, draft and saved job together, resumes in the trash included until purged',
    ),
    resumes: Meter('Resumes kept, live and in the trash'),
    versionsPerResume: Meter('`used` is the most versions any one of the user’s resumes holds'),
    jobs: Meter('Saved job postings'),
    applications: Meter('Applications tracked'),
  },
  { additionalProperties: false, description: 'Usage against each quota' },
) satisfies { static: Usage }
