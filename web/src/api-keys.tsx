import { useEffect, useState } from 'preact/hooks'
import type { components } from './api/schema.js'
import { api, type ResponseOf } from './api.js'
import { Busy, ErrorNote, formatDate, ScreenNotes, TextField, useAction } from './ui.js'

type ApiKey = components['schemas']['ApiKey']
type ApiKeyScope = ApiKey['scopes'][number]
type CreatedApiKey = ResponseOf<'/api/api-keys', 'post'>

/** The scopes in the order the form shows them, with what each lets a program do. */
const SCOPES: ReadonlyArray<{ scope: ApiKeyScope; label: string }> = [
  { scope: 'resumes:read', label: 'Read resumes, drafts and versions' },
  { scope: 'resumes:write', label: 'Create, edit, commit and tailor resumes' },
  { scope: 'jobs', label: 'Save and analyse job postings (and score resumes against them)' },
  { scope: 'documents', label: 'Export and import files (PDF, DOCX, JSON)' },
]

const EXPIRIES = [
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: '1 year' },
  { days: 0, label: 'Never' },
] as const

/** Personal API keys: create one (its secret shown once), see each key's scopes and last use, revoke. */
export function ApiKeysPanel() {
  const [keys, setKeys] = useState<ApiKey[] | null>(null)
  const [created, setCreated] = useState<CreatedApiKey | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [notice, setNotice] = useState('')

  useEffect(() => {
    api
      .get('/api/api-keys')
      .then((list) => setKeys(list.items))
      .catch(setError)
  }, [])

  const revoke = async (key: ApiKey) => {
    if (!window.confirm(`Revoke “${key.name}”? Programs using it stop working at once.`)) return
    setError(null)
    try {
      await api.delete('/api/api-keys/{id}', { path: { id: key.id } })
      setKeys((list) => list?.filter((k) => k.id !== key.id) ?? null)
      if (created?.id === key.id) setCreated(null)
      setNotice(`Revoked “${key.name}”.`)
    } catch (e) {
      setError(e)
    }
  }

  return (
    <section class="card" aria-labelledby="api-keys-title">
      <h2 id="api-keys-title">API keys</h2>
      <p class="hint">
        Programs and AI assistants (through the MCP server at <code>/mcp</code>) act for you with a key, limited to the
        scopes you give it. Keys end when you revoke them or change your password.
      </p>
      <NewKeyForm
        onCreated={(key) => {
          setCreated(key)
          const { secret: _secret, ...shown } = key
          setKeys((list) => [shown, ...(list ?? [])])
          setNotice(`Created “${key.name}”. Copy its secret now: it is not shown again.`)
        }}
      />
      {created && <NewSecret created={created} onDone={() => setCreated(null)} />}
      <ScreenNotes error={error} onDismiss={() => setError(null)} notice={notice} />
      {keys === null ? (
        !error && <Busy label="Loading API keys…" />
      ) : keys.length === 0 ? (
        <p class="empty">No API keys yet.</p>
      ) : (
        <ul class="api-key-list" aria-label="Your API keys">
          {keys.map((key) => (
            <li key={key.id} class="api-key-item">
              <div>
                <h3>{key.name}</h3>
                <p class="meta">
                  <code>{key.hint}…</code> · {key.scopes.join(', ')}
                </p>
                <p class="meta">
                  Created {formatDate(key.createdAt)} ·{' '}
                  {key.lastUsedAt ? `last used ${formatDate(key.lastUsedAt)}` : 'never used'} ·{' '}
                  {key.expiresAt ? `expires ${formatDate(key.expiresAt)}` : 'does not expire'}
                </p>
              </div>
              <button type="button" class="danger" onClick={() => revoke(key)}>
                Revoke<span class="visually-hidden"> {key.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function NewKeyForm({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const [name, setName] = useState('')
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['resumes:read'])
  const [days, setDays] = useState<number>(90)
  const { busy, error, setError, run } = useAction()

  const toggle = (scope: ApiKeyScope, on: boolean) =>
    setScopes((list) => (on ? [...list, scope] : list.filter((s) => s !== scope)))

  const submit = (event: Event) => {
    event.preventDefault()
    return run(async () => {
      const expiresAt = days > 0 ? new Date(Date.now() + days * 86_400_000).toISOString() : undefined
      const key = await api.post('/api/api-keys', {
        body: { name: name.trim(), scopes, ...(expiresAt && { expiresAt }) },
      })
      setName('')
      onCreated(key)
    })
  }

  return (
    <form class="api-key-form" onSubmit={submit} aria-labelledby="new-key-title">
      <h3 id="new-key-title">New key</h3>
      <TextField label="Name" value={name} onValue={setName} required maxLength={100} autocomplete="off" />
      <fieldset>
        <legend>Scopes</legend>
        {SCOPES.map(({ scope, label }) => (
          <label key={scope} class="checkbox">
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(e) => toggle(scope, e.currentTarget.checked)}
            />
            {/* One flex item, so the space around the dash is kept. */}
            <span>
              <code>{scope}</code> — {label}
            </span>
          </label>
        ))}
      </fieldset>
      <label>
        Expires after
        <select value={String(days)} onChange={(e) => setDays(Number(e.currentTarget.value))}>
          {EXPIRIES.map((option) => (
            <option key={option.days} value={String(option.days)}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <ErrorNote error={error} onDismiss={() => setError(null)} />
      <button type="submit" disabled={busy || scopes.length === 0 || !name.trim()}>
        {busy ? 'Creating…' : 'Create key'}
      </button>
    </form>
  )
}

/** The secret of the key just created, with a copy button; it is gone once dismissed. */
function NewSecret({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | ''>('')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.secret)
      setCopied('yes')
    } catch {
      setCopied('failed')
    }
  }
  return (
    <section class="note api-key-secret" aria-labelledby="new-secret-title">
      <h3 id="new-secret-title">Secret of “{created.name}”</h3>
      <p>Copy it now and keep it somewhere safe: RoleReady stores only a hash and cannot show it again.</p>
      <input
        type="text"
        readOnly
        value={created.secret}
        aria-label="API key secret"
        onFocus={(e) => e.currentTarget.select()}
        spellcheck={false}
      />
      <div class="row-actions">
        <button type="button" onClick={copy}>
          Copy
        </button>
        <button type="button" class="secondary" onClick={onDone}>
          I have copied it
        </button>
      </div>
      <p role="status" class="sr-status">
        {copied === 'yes'
          ? 'Copied to the clipboard.'
          : copied === 'failed'
            ? 'Copying failed: select and copy it.'
            : ''}
      </p>
    </section>
  )
}
