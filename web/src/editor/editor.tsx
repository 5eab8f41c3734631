import { type ComponentChildren, createContext } from 'preact'
import { useContext, useEffect, useRef, useState } from 'preact/hooks'
import type { ResumeContent } from '../types.js'
import { readDate } from './dates.js'
import { appendIn, arrayAt, fieldId, getIn, moveIn, type Path, pointerOf, removeIn, setIn } from './json.js'
import { BASICS_FIELDS, type Field, LOCATION_FIELDS, PROFILE_SECTION, SECTIONS, type Section } from './sections.js'

type Edit = (change: (content: ResumeContent) => ResumeContent) => void

const capitalise = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`

const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus())

let pendingFocus: string | undefined

/** Asks the next editor that opens to focus (and reveal) the field editing `pointer`. */
export function focusFieldOnOpen(pointer: string): void {
  pendingFocus = pointer
}

/** What the service said is wrong with each field, in words, by content pointer ("/work/0/startDate"). */
const FieldProblems = createContext<ReadonlyMap<string, string>>(new Map())

interface EditorProps {
  content: ResumeContent
  onChange: (next: ResumeContent) => void
  /** Problems to show at their fields (see fieldProblems). */
  problems?: ReadonlyMap<string, string>
}

/** Form controls for every JSON Resume section; each change goes through `onChange` (which autosaves). */
export function Editor({ content, onChange, problems = new Map() }: EditorProps) {
  // Edits apply to the newest content even when several arrive before a render.
  const latest = useRef(content)
  latest.current = content
  useEffect(() => {
    if (pendingFocus === undefined) return
    const field = document.getElementById(fieldId(pendingFocus))
    pendingFocus = undefined
    if (!field) return
    field.closest('details')?.setAttribute('open', '')
    field.focus()
    field.scrollIntoView({ block: 'center' })
    field.classList.add('flash')
  }, [])
  const edit: Edit = (change) => {
    latest.current = change(latest.current)
    onChange(latest.current)
  }

  return (
    <FieldProblems.Provider value={problems}>
      <div class="editor">
        <details open class="section">
          <summary>
            <h2>Basics</h2>
          </summary>
          <div class="grid">
            {BASICS_FIELDS.map((field) => (
              <Input key={field.key} field={field} path={['basics', field.key]} content={content} edit={edit} />
            ))}
          </div>
          <fieldset>
            <legend>Location</legend>
            <div class="grid">
              {LOCATION_FIELDS.map((field) => (
                <Input
                  key={field.key}
                  field={field}
                  path={['basics', 'location', field.key]}
                  content={content}
                  edit={edit}
                />
              ))}
            </div>
          </fieldset>
          <Entries section={PROFILE_SECTION} path={['basics', 'profiles']} content={content} edit={edit} heading="h3" />
        </details>
        {SECTIONS.map((section) => (
          <details key={section.key} class="section" open={arrayAt(content, [section.key]).length > 0}>
            <summary>
              <h2>
                {section.title} <span class="count">({arrayAt(content, [section.key]).length})</span>
              </h2>
            </summary>
            <Entries section={section} path={[section.key]} content={content} edit={edit} />
          </details>
        ))}
      </div>
    </FieldProblems.Provider>
  )
}

interface InputProps {
  field: Field
  path: Path
  content: ResumeContent
  edit: Edit
}

function Input({ field, path, content, edit }: InputProps) {
  const problems = useContext(FieldProblems)
  if (field.kind === 'list') return <StringList field={field} path={path} content={content} edit={edit} />
  if (field.kind === 'date') {
    return <DateInput field={field} path={path} content={content} edit={edit} problem={problems.get(pointerOf(path))} />
  }
  const id = fieldId(pointerOf(path))
  const value = getIn(content, path)
  const text = typeof value === 'string' ? value : value === undefined ? '' : String(value)
  // An emptied field is removed, so the draft stays valid JSON Resume (no empty dates or URLs).
  const onInput = (event: { currentTarget: { value: string } }) => {
    const next = event.currentTarget.value
    edit((c) => setIn(c, path, next === '' ? undefined : next))
  }
  const problem = problems.get(pointerOf(path))
  const problemId = problem === undefined ? undefined : `${id}-problem`
  return (
    <div class={field.kind === 'textarea' ? 'field wide' : 'field'}>
      <label for={id}>{field.label}</label>
      {field.kind === 'textarea' ? (
        <textarea
          id={id}
          rows={4}
          value={text}
          onInput={onInput}
          aria-invalid={problemId ? 'true' : undefined}
          aria-describedby={problemId}
        />
      ) : (
        <input
          id={id}
          type={(field.kind === 'email' ? 'email' : field.kind === 'url' ? 'url' : 'text') as 'text'}
          value={text}
          onInput={onInput}
          aria-invalid={problemId ? 'true' : undefined}
          aria-describedby={problemId}
        />
      )}
      {problemId && (
        <span id={problemId} class="field-problem">
          {capitalise(field.label)} {problem}.
        </span>
      )}
    </div>
  )
}

/**
 * A date typed as people write it ("May 2017", "5/2017", "present"). A readable date goes into the draft as a JSON
 * Resume date at once while the text typed stays in the box; leaving the field shows the date as stored. An
 * unreadable one is saved as typed (nothing is lost) and, once the field is left, named in words at the field.
 */
function DateInput({ field, path, content, edit, problem }: InputProps & { problem: string | undefined }) {
  const id = fieldId(pointerOf(path))
  const value = getIn(content, path)
  const stored = typeof value === 'string' ? value : value === undefined ? '' : String(value)
  const [typed, setTyped] = useState<string | null>(null)
  const endDate = field.key === 'endDate'
  const reading = readDate(typed ?? stored, { endDate })
  const [left, setLeft] = useState(true)
  const message = !left ? undefined : reading.ok ? problem && `${capitalise(field.label)} ${problem}.` : reading.message
  const hintId = `${id}-hint`
  const problemId = `${id}-problem`
  const onInput = (event: { currentTarget: { value: string } }) => {
    const text = event.currentTarget.value
    setTyped(text)
    setLeft(false)
    const read = readDate(text, { endDate })
    const next = read.ok ? read.value : text
    edit((c) => setIn(c, path, next))
  }
  const onBlur = () => {
    setLeft(true)
    // A readable date now shows as stored; an unreadable one stays as typed, with its message.
    if (readDate(typed ?? stored, { endDate }).ok) setTyped(null)
  }
  return (
    <div class="field">
      <label for={id}>{field.label}</label>
      <input
        id={id}
        type="text"
        value={typed ?? stored}
        onInput={onInput}
        onBlur={onBlur}
        placeholder={endDate ? 'May 2017, or present' : 'May 2017'}
        aria-invalid={message ? 'true' : undefined}
        aria-describedby={message ? `${problemId} ${hintId}` : hintId}
      />
      {message && (
        <span id={problemId} class="field-problem">
          {message}
        </span>
      )}
      <span id={hintId} class="hint">
        {endDate ? 'Month and year, a year, or “present”' : 'Month and year, or a year'}
      </span>
    </div>
  )
}

interface MoveButtonsProps {
  idBase: string
  edit: Edit
  /** The array the item is in. */
  path: Path
  index: number
  count: number
  name: string
}

/** Up, down and remove for one item of an array; the moved item's button keeps the focus. */
function MoveButtons({ idBase, edit, path, index, count, name }: MoveButtonsProps) {
  const base = fieldId(pointerOf(path))
  const moveIdOf = (at: number, direction: 'up' | 'down') => `${base}.${at}-${direction}`
  const onMove = (to: number) => edit((c) => moveIn(c, path, index, to))
  const onRemove = () => edit((c) => removeIn(c, path, index))
  return (
    <div class="entry-actions">
      <button
        type="button"
        class="icon"
        id={`${idBase}-up`}
        disabled={index === 0}
        aria-label={`Move ${name} up`}
        onClick={() => {
          onMove(index - 1)
          focusSoon(moveIdOf(index - 1, index - 1 === 0 ? 'down' : 'up'))
        }}
      >
        ↑
      </button>
      <button
        type="button"
        class="icon"
        id={`${idBase}-down`}
        disabled={index === count - 1}
        aria-label={`Move ${name} down`}
        onClick={() => {
          onMove(index + 1)
          focusSoon(moveIdOf(index + 1, index + 1 === count - 1 ? 'up' : 'down'))
        }}
      >
        ↓
      </button>
      <button type="button" class="icon danger" aria-label={`Remove ${name}`} onClick={onRemove}>
        ✕
      </button>
    </div>
  )
}

function StringList({ field, path, content, edit }: InputProps) {
  const items = arrayAt(content, path)
  const item = field.item ?? 'item'
  return (
    <fieldset class="field wide string-list">
      <legend>{field.label}</legend>
      {items.length > 0 && (
        <ol>
          {items.map((value, index) => {
            const itemPath = [...path, index]
            const id = fieldId(pointerOf(itemPath))
            const name = `${item} ${index + 1}`
            return (
              <li key={index}>
                <label for={id} class="visually-hidden">
                  {capitalise(name)}
                </label>
                <textarea
                  id={id}
                  rows={field.key === 'highlights' ? 2 : 1}
                  value={typeof value === 'string' ? value : ''}
                  onInput={(e) => {
                    const next = e.currentTarget.value
                    edit((c) => setIn(c, itemPath, next))
                  }}
                />
                <MoveButtons idBase={id} edit={edit} path={path} index={index} count={items.length} name={name} />
              </li>
            )
          })}
        </ol>
      )}
      <AddButton class="secondary small" edit={edit} path={path} value="" focus={[...path, items.length]}>
        Add {item}
      </AddButton>
    </fieldset>
  )
}

interface EntriesProps {
  section: Section
  path: Path
  content: ResumeContent
  edit: Edit
  heading?: 'h3'
}

function Entries({ section, path, content, edit, heading }: EntriesProps) {
  const entries = arrayAt(content, path)
  return (
    <div class="entries">
      {heading && <h3>{section.title}</h3>}
      {entries.map((entry, index) => {
        const entryPath = [...path, index]
        const label = getIn(entry, [section.nameField])
        const name = `${section.entry} ${index + 1}`
        return (
          <fieldset key={index} class="entry">
            <legend>
              {capitalise(name)}
              {typeof label === 'string' && label ? `: ${label}` : ''}
            </legend>
            <MoveButtons
              idBase={fieldId(pointerOf(entryPath))}
              edit={edit}
              path={path}
              index={index}
              count={entries.length}
              name={name}
            />
            <div class="grid">
              {section.fields.map((field) => (
                <Input key={field.key} field={field} path={[...entryPath, field.key]} content={content} edit={edit} />
              ))}
            </div>
          </fieldset>
        )
      })}
      <AddButton
        class="secondary"
        edit={edit}
        path={path}
        value={{}}
        focus={[...path, entries.length, section.fields[0]?.key ?? '']}
      >
        Add {section.entry}
      </AddButton>
    </div>
  )
}

interface AddButtonProps {
  class: string
  edit: Edit
  /** The array the new item is appended to. */
  path: Path
  value: unknown
  /** The field of the new item to focus once it is drawn. */
  focus: Path
  children: ComponentChildren
}

function AddButton({ class: className, edit, path, value, focus, children }: AddButtonProps) {
  const add = () => {
    edit((c) => appendIn(c, path, value))
    focusSoon(fieldId(pointerOf(focus)))
  }
  return (
    <button type="button" class={className} onClick={add}>
      {children}
    </button>
  )
}
