import { useEffect, useState } from 'preact/hooks'
import { api, download, url } from './api.js'
import { getIn, pathOf } from './editor/json.js'
import type { DraftHandle } from './editor/use-draft.js'
import { readablePath, readableValue } from './readable.js'
import type { ResumeSummary, VersionSummary } from './types.js'
import { Busy, ErrorNote, formatDate, ScreenNotes, useAction } from './ui.js'

interface Props {
  resume: ResumeSummary
  draft: DraftHandle
  onChanged: () => void
}

export function HistoryPanel({ resume, draft, onChanged }: Props) {
  const [versions, setVersions] = useState<VersionSummary[] | null>(null)
  const [message, setMessage] = useState('')
  const { busy, error, setError, run: runAction } = useAction()
  const [notice, setNotice] = useState('')
  const [reload, setReload] = useState(0)
  const [from, setFrom] = useState<number | null>(null)
  const [to, setTo] = useState<number | null>(null)

  useEffect(() => {
    api
      .get('/api/resumes/{id}/versions', { path: { id: resume.id }, query: { limit: 100 } })
      .then((page) => {
        setVersions(page.items)
        const numbers = page.items.map((v) => v.number).sort((a, b) => b - a)
        setTo((current) => current ?? numbers[0] ?? null)
        setFrom((current) => current ?? numbers[1] ?? numbers[0] ?? null)
      })
      .catch(setError)
  }, [resume.id, reload])

  const run = (action: () => Promise<string>) =>
    runAction(async () => {
      setNotice(await action())
      setReload((n) => n + 1)
      onChanged()
    })

  const commit = (event: Event) => {
    event.preventDefault()
    void run(async () => {
      await draft.flush()
      const version = await api.post('/api/resumes/{id}/draft/commit', {
        path: { id: resume.id },
        headers: { 'if-match': `"${draft.etag()}"` },
        body: message.trim() ? { message: message.trim() } : {},
      })
      await draft.reload()
      setMessage('')
      setFrom(version.number > 1 ? version.number - 1 : version.number)
      setTo(version.number)
      return `Committed version ${version.number}.`
    })
  }

  // A committed version as it was, drawn with the resume's template and design (Design & export draws the draft).
  const downloadVersion = (number: number) =>
    void runAction(async () => {
      const path = url('/api/resumes/{id}/export', {
        path: { id: resume.id },
        query: { format: 'pdf', version: number },
      })
      await download(path, `resume-v${number}.pdf`)
      setNotice(`Version ${number} download started.`)
    })

  const restore = (number: number) =>
    run(async () => {
      await draft.flush()
      const version = await api.post('/api/resumes/{id}/versions/{number}/restore', {
        path: { id: resume.id, number },
        body: {},
      })
      await draft.reload()
      return `Restored version ${number} as version ${version.number}.`
    })

  return (
    <div class="panel">
      <form class="card commit-form" onSubmit={commit} aria-label="Commit a version">
        <h2>Commit the draft</h2>
        <p class="hint">
          The draft autosaves as you type; a commit keeps it as a numbered version you can compare and restore.
        </p>
        <label>
          What changed
          <input name="message" value={message} maxLength={500} onInput={(e) => setMessage(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={busy || !draft.valid}>
          Commit version
        </button>
        {!draft.valid && <p class="hint">The draft has problems to fix first (see Edit).</p>}
      </form>
      <ScreenNotes error={error} onDismiss={() => setError(null)} notice={notice} />
      <section class="card">
        <h2>Versions</h2>
        {versions === null ? (
          <Busy label="Loading versions…" />
        ) : (
          <table class="versions">
            <caption class="visually-hidden">Versions of {resume.title}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Message</th>
                <th scope="col">Saved</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.number}>
                  <th scope="row">
                    v{v.number}
                    {v.number === resume.headVersion ? ' (latest)' : ''}
                  </th>
                  <td>
                    {v.message || '—'}
                    {v.restoredFrom ? ` (restored from v${v.restoredFrom})` : ''}
                  </td>
                  <td>{formatDate(v.createdAt)}</td>
                  <td>
                    <div class="version-actions">
                      <button
                        type="button"
                        class="secondary small"
                        disabled={busy}
                        onClick={() => downloadVersion(v.number)}
                        aria-label={`Download version ${v.number} as PDF`}
                      >
                        PDF
                      </button>
                      {v.number !== resume.headVersion && (
                        <button
                          type="button"
                          class="secondary small"
                          disabled={busy}
                          onClick={() => restore(v.number)}
                          aria-label={`Restore version ${v.number}`}
                        >
                          Restore
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {versions && versions.length > 0 && from !== null && to !== null && (
        <section class="card">
          <h2>Compare versions</h2>
          <div class="filters">
            <VersionSelect label="From" versions={versions} value={from} onChange={setFrom} />
            <VersionSelect label="To" versions={versions} value={to} onChange={setTo} />
          </div>
          <DiffView resumeId={resume.id} from={from} to={to} reload={reload} />
        </section>
      )}
    </div>
  )
}

interface DiffRow {
  path: string
  op: string
  before: unknown
  after: unknown
}

function VersionSelect(props: {
  label: string
  versions: readonly VersionSummary[]
  value: number
  onChange: (version: number) => void
}) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(Number(e.currentTarget.value))}>
        {props.versions.map((v) => (
          <option key={v.number} value={v.number}>
            v{v.number}
          </option>
        ))}
      </select>
    </label>
  )
}

function DiffView({ resumeId, from, to, reload }: { resumeId: string; from: number; to: number; reload: number }) {
  const [rows, setRows] = useState<DiffRow[] | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    let live = true
    setRows(null)
    setError(null)
    Promise.all([
      api.get('/api/resumes/{id}/diff', { path: { id: resumeId }, query: { from, to } }),
      api.get('/api/resumes/{id}/versions/{number}', { path: { id: resumeId, number: from } }),
    ])
      .then(([diff, before]) => {
        if (!live) return
        setRows(
          diff.patch.map((op) => ({
            path: op.path,
            op: op.op,
            before: op.op === 'add' ? undefined : getIn(before.content, pathOf(op.from ?? op.path)),
            after: op.op === 'remove' ? undefined : op.value,
          })),
        )
      })
      .catch((e: unknown) => live && setError(e))
    return () => {
      live = false
    }
  }, [resumeId, from, to, reload])

  if (error) return <ErrorNote error={error} />
  if (!rows) return <Busy label="Comparing…" />
  if (rows.length === 0) return <p class="empty">These versions have the same content.</p>
  return (
    <table class="diff" aria-label={`Changes from version ${from} to version ${to}`}>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Version {from}</th>
          <th scope="col">Version {to}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.op}${row.path}`} class={`diff-${row.op}`}>
            <th scope="row">
              {readablePath(row.path)}
              <span class="diff-op"> ({row.op === 'add' ? 'added' : row.op === 'remove' ? 'removed' : 'changed'})</span>
            </th>
            <td class="before">{row.before === undefined ? <em>none</em> : <del>{readableValue(row.before)}</del>}</td>
            <td class="after">{row.after === undefined ? <em>none</em> : <ins>{readableValue(row.after)}</ins>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
