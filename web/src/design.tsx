import { useEffect, useState } from 'preact/hooks'
import { api, download, text, url } from './api.js'
import { type DesignChange, DesignOptions, withChange } from './design-options.js'
import type { DraftHandle } from './editor/use-draft.js'
import { Link } from './router.js'
import type { ResumeDesign, ResumeSummary, Template } from './types.js'
import { Busy, ErrorNote } from './ui.js'

const FORMATS = [
  { id: 'pdf', label: 'PDF', ext: 'pdf' },
  { id: 'docx', label: 'Word (DOCX)', ext: 'docx' },
  { id: 'html', label: 'Web page (HTML)', ext: 'html' },
  { id: 'md', label: 'Markdown', ext: 'md' },
  { id: 'txt', label: 'Plain text', ext: 'txt' },
  { id: 'json', label: 'JSON Resume', ext: 'json' },
] as const

interface Props {
  resume: ResumeSummary
  draft: DraftHandle
  onChanged: (resume: ResumeSummary) => void
}

export function DesignPanel({ resume, draft, onChanged }: Props) {
  const [templates, setTemplates] = useState<Template[] | null>(null)
  const [preview, setPreview] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState('')
  const [notice, setNotice] = useState('')
  const selected = templates?.find((t) => t.id === resume.templateId)

  useEffect(() => {
    api
      .get('/api/templates')
      .then((list) => setTemplates(list.items))
      .catch(setError)
  }, [])

  // The preview draws the working draft as last saved with the stored design: it follows every autosave and every
  // design change, no commit needed. It is not a download: the browser keeps it and the server answers 304 while the
  // draft, template and design are the same, and it never spends the export allowance.
  const designKey = JSON.stringify(resume.design)
  const savedEtag = draft.state === 'saved' ? draft.etag() : null
  useEffect(() => {
    if (savedEtag === null) return
    let live = true
    text(
      url('/api/resumes/{id}/preview', {
        path: { id: resume.id },
        query: { format: 'html', template: resume.templateId },
      }),
    )
      .then((html) => live && setPreview(html))
      .catch((e: unknown) => live && setError(e))
    return () => {
      live = false
    }
  }, [resume.id, resume.templateId, resume.headVersion, savedEtag, designKey])

  const choose = async (templateId: string) => {
    setError(null)
    try {
      onChanged(await api.patch('/api/resumes/{id}', { path: { id: resume.id }, body: { templateId } }))
    } catch (e) {
      setError(e)
    }
  }

  const [saving, setSaving] = useState(false)
  // The options show a change at once; the stored design replaces it when the save answers (or a failure undoes it).
  const [shown, setShown] = useState<ResumeDesign>(resume.design)
  useEffect(() => setShown(resume.design), [resume.design])
  const changeDesign = async (design: DesignChange) => {
    setError(null)
    setSaving(true)
    setShown((current) => withChange(current, design))
    try {
      onChanged(await api.patch('/api/resumes/{id}', { path: { id: resume.id }, body: { design } }))
      setNotice('Design saved.')
    } catch (e) {
      setShown(resume.design)
      setError(e)
    } finally {
      setSaving(false)
    }
  }

  const exportAs = async (format: (typeof FORMATS)[number]) => {
    setBusy(format.id)
    setError(null)
    try {
      // Downloads draw the saved draft: edits still waiting for autosave are saved first.
      await draft.flush()
      const template = selected?.formats.includes(format.id) ? resume.templateId : undefined
      const path = url('/api/resumes/{id}/export', { path: { id: resume.id }, query: { format: format.id, template } })
      await download(path, `resume.${format.ext}`)
      setNotice(`${format.label} download started.`)
    } catch (e) {
      setError(e)
    } finally {
      setBusy('')
    }
  }

  return (
    <div class="panel design">
      <ErrorNote error={error} onDismiss={() => setError(null)} />
      <p class="hint">
        The preview and downloads show your latest edits, committed or not; commit them in{' '}
        <Link href={`/resumes/${resume.id}/history`}>History</Link> to keep a version.
      </p>
      <div class="design-grid">
        <section class="card">
          <h2>Template</h2>
          {templates === null ? (
            <Busy label="Loading templates…" />
          ) : (
            <fieldset class="template-choice">
              <legend>Choose a template</legend>
              {templates.map((t) => (
                <label key={t.id} class="radio">
                  <input
                    type="radio"
                    name="template"
                    value={t.id}
                    checked={t.id === resume.templateId}
                    onChange={() => void choose(t.id)}
                  />
                  <span>
                    <strong>{t.name}</strong>
                    <span class="hint">
                      {' '}
                      {t.description}
                      {t.source === 'theme' ? ' (HTML only)' : ''}
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          <h2>Design</h2>
          {selected?.source === 'theme' ? (
            <p class="hint">This theme draws itself; the design applies to the built-in templates.</p>
          ) : null}
          <DesignOptions design={shown} disabled={saving} onChange={(change) => void changeDesign(change)} />
          <h2>Download</h2>
          <ul class="export-buttons">
            {FORMATS.map((f) => (
              <li key={f.id}>
                <button type="button" class="secondary" disabled={busy !== ''} onClick={() => exportAs(f)}>
                  {busy === f.id ? 'Preparing…' : `Download ${f.label}`}
                </button>
              </li>
            ))}
          </ul>
          <p role="status" class="hint">
            {notice}
          </p>
        </section>
        <section class="card preview">
          <h2>Preview</h2>
          {preview === null ? (
            <Busy label="Rendering preview…" />
          ) : (
            <iframe title={`Preview of ${resume.title}`} sandbox="" srcdoc={preview} class="preview-frame" />
          )}
        </section>
      </div>
    </div>
  )
}
