import { useState } from 'preact/hooks'
import { api, download } from './api.js'
import { Dialog, ErrorNote, TextField, useAction } from './ui.js'

interface AccountDataPanelProps {
  /** The account is gone: the app signs out. */
  onDeleted: () => void
}

/** The user's own data: a download of all of it, and deleting the account with it. */
export function AccountDataPanel({ onDeleted }: AccountDataPanelProps) {
  const exporting = useAction()
  const [deleting, setDeleting] = useState(false)
  return (
    <section class="card" aria-labelledby="account-data-title">
      <h2 id="account-data-title">Your data</h2>
      <p class="hint">
        Download everything RoleReady stores for you as one ZIP file: your account, settings, API keys (never their
        secrets), saved job postings, and every resume with all its versions, its draft and a JSON Resume file.
      </p>
      <ErrorNote error={exporting.error} />
      <div class="row-actions">
        <button
          type="button"
          disabled={exporting.busy}
          onClick={() => exporting.run(() => download('/api/me/export', 'roleready-export.zip'))}
        >
          {exporting.busy ? 'Preparing your data…' : 'Download my data'}
        </button>
        <button type="button" class="danger" onClick={() => setDeleting(true)}>
          Delete my account
        </button>
      </div>
      {deleting && <DeleteAccountDialog onClose={() => setDeleting(false)} onDeleted={onDeleted} />}
    </section>
  )
}

function DeleteAccountDialog({ onClose, onDeleted }: { onClose: () => void; onDeleted: () => void }) {
  const { busy, error, run } = useAction()
  const [password, setPassword] = useState('')
  const submit = (event: Event) => {
    event.preventDefault()
    run(async () => {
      await api.delete('/api/me', { body: { currentPassword: password } })
      onDeleted()
    })
  }
  return (
    <Dialog id="delete-account" title="Delete your account?" onClose={() => !busy && onClose()}>
      <p id="delete-account-warning">
        This deletes your account and everything in it for good: every resume with its versions and drafts, saved job
        postings, settings and API keys, and signs you out on every device. It cannot be undone; download your data
        first if you want to keep it.
      </p>
      <form onSubmit={submit}>
        <TextField
          label="Your password"
          type="password"
          name="current-password"
          autocomplete="current-password"
          required
          value={password}
          onValue={setPassword}
          aria-describedby="delete-account-warning"
        />
        <ErrorNote error={error} />
        <div class="dialog-actions">
          <button type="button" class="secondary" disabled={busy} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="danger" disabled={busy || password === ''}>
            {busy ? 'Deleting…' : 'Delete my account'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
