import { useEffect, useState } from 'preact/hooks'
import { AccountDataPanel } from './account-data.js'
import { api } from './api.js'
import { ApiKeysPanel } from './api-keys.js'
import type { Usage } from './types.js'
import { Busy, ErrorNote, usePageTitle } from './ui.js'

const UNITS = ['KB', 'MB', 'GB', 'TB']

/** 1536 → "1.5 KB", 200 MiB → "200 MB" (binary multiples, as the quota settings are given). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`
  let value = bytes
  let unit = ''
  for (const next of UNITS) {
    if (value < 1024) break
    value /= 1024
    unit = next
  }
  const shown = value >= 100 || Number.isInteger(value) ? Math.round(value) : Math.round(value * 10) / 10
  return `${shown} ${unit}`
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`

/**
 * The account's settings: what it stores against each of its quotas, its personal API keys, and its data (download
 * all of it, or delete the account; `onAccountDeleted` then signs out).
 */
export function SettingsScreen({ onAccountDeleted }: { onAccountDeleted: () => void }) {
  usePageTitle('Settings')
  return (
    <section>
      <h1 tabIndex={-1}>Settings</h1>
      <UsagePanel />
      <ApiKeysPanel />
      <AccountDataPanel onDeleted={onAccountDeleted} />
    </section>
  )
}

function UsagePanel() {
  const [usage, setUsage] = useState<Usage | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    api.get('/api/me/usage').then(setUsage).catch(setError)
  }, [])

  return (
    <section class="card" aria-labelledby="usage-title">
      <h2 id="usage-title">Storage and limits</h2>
      <p class="hint">
        Every saved version, draft and job posting counts, and so do resumes in the trash until they are purged.
      </p>
      <ErrorNote error={error} />
      {usage ? (
        <ul class="usage-list">
          <UsageMeter
            id="usage-storage"
            label="Storage"
            meter={usage.storageBytes}
            text={`${formatBytes(usage.storageBytes.used)} of ${formatBytes(usage.storageBytes.limit)}`}
          />
          <UsageMeter
            id="usage-resumes"
            label="Resumes (trash included)"
            meter={usage.resumes}
            text={`${usage.resumes.used.toLocaleString()} of ${count(usage.resumes.limit, 'resume', 'resumes')}`}
          />
          <UsageMeter
            id="usage-versions"
            label="Versions of your fullest resume"
            meter={usage.versionsPerResume}
            text={`${usage.versionsPerResume.used.toLocaleString()} of ${count(usage.versionsPerResume.limit, 'version', 'versions')}`}
          />
          <UsageMeter
            id="usage-jobs"
            label="Saved job postings"
            meter={usage.jobs}
            text={`${usage.jobs.used.toLocaleString()} of ${count(usage.jobs.limit, 'posting', 'postings')}`}
          />
        </ul>
      ) : (
        !error && <Busy label="Loading usage…" />
      )}
    </section>
  )
}

interface UsageMeterProps {
  id: string
  label: string
  meter: Usage['jobs']
  /** The amounts in words, e.g. "12.3 MB of 200 MB"; read by screen readers as the meter's value. */
  text: string
}

function UsageMeter({ id, label, meter, text }: UsageMeterProps) {
  const share = meter.limit > 0 ? meter.used / meter.limit : 0
  const state = share >= 1 ? 'Full' : share >= 0.9 ? 'Almost full' : undefined
  return (
    <li class="usage-item">
      <span id={`${id}-label`} class="usage-label">
        {label}
      </span>
      <meter
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-text`}
        aria-valuetext={text}
        min={0}
        max={meter.limit}
        low={meter.limit * 0.75}
        high={meter.limit * 0.9}
        optimum={0}
        value={Math.min(meter.used, meter.limit)}
      />
      <span id={`${id}-text`} class={state ? 'usage-text warn' : 'usage-text'}>
        {text}
        {state && ` — ${state}`}
      </span>
    </li>
  )
}
