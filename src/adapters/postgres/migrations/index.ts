import type { Migration } from 'kysely'
import * as m20261129T0300 from './20261129T0300_accounts.js'
import * as m20261129T0350 from './20261129T0350_session_activity.js'
import * as m20261129T0400 from './20261129T0400_resumes.js'
import * as m20261129T0410 from './20261129T0410_rate_limit_overrides.js'
import * as m20261129T0420 from './20261129T0420_jobs.js'
import * as m20261130T0300 from './20261130T0300_storage_usage.js'
import * as m20261207T1400 from './20261207T1400_resume_design.js'
import * as m20261207T1500 from './20261207T1500_api_keys.js'
import * as m20261214T1000 from './20261214T1000_analysis_rate_limit.js'
import * as m20261215T1000 from './20261215T1000_applications.js'
import * as m20261216T1000 from './20261216T1000_idempotency_keys.js'

/**
 * Every migration, by timestamped name. Kysely applies them in name order.
 * Listed statically so the same list works from TypeScript sources and from the compiled build.
 */
export const migrations: Record<string, Migration> = {
  '20261129T0300_accounts': m20261129T0300,
  '20261129T0350_session_activity': m20261129T0350,
  '20261129T0400_resumes': m20261129T0400,
  '20261129T0410_rate_limit_overrides': m20261129T0410,
  '20261129T0420_jobs': m20261129T0420,
  '20261130T0300_storage_usage': m20261130T0300,
  '20261207T1400_resume_design': m20261207T1400,
  '20261207T1500_api_keys': m20261207T1500,
  '20261214T1000_analysis_rate_limit': m20261214T1000,
  '20261215T1000_applications': m20261215T1000,
  '20261216T1000_idempotency_keys': m20261216T1000,
}
