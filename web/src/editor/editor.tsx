import type { ComponentChildren } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import type { ResumeContent } from '../types.js'
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

/** Form controls for every JSON Resume section; each change goes through `onChange` (which autosaves). */
export function Editor({ content, onChange }: { content: ResumeContent; onChange: (next: ResumeContent) => void }) {
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
  )
}

interface InputProps {
  field: Field
  path: Path
  content: ResumeContent
  edit: Edit
}

function Input({ field, path, content, edit }: InputProps) {
  if (field.kind === 'list') return <StringList field={field} path={path} content={content} edit={edit} />
  const id = fieldId(pointerOf(path))
  const value = getIn(content, path)
  const text = typeof value === 'string' ? value : value === undefined ? '' : String(value)
  // An emptied field is removed, so the draft stays valid JSON Resume (no empty dates or URLs).
  const onInput = (event: { currentTarget: { value: string } }) => {
    const next = event.currentTarget.value
    edit((c) => setIn(c, path, next === '' ? undefined : next))
  }
  const hintId = field.kind === 'date' ? `${id}-hint` : undefined
  return (
    <div class={field.kind === 'textarea' ? 'field wide' : 'field'}>
      <label for={id}>{field.label}</label>
      {field.kind === 'textarea' ? (
        <textarea id={id} rows={4} value={text} onInput={onInput} />
      ) : (
        <input
          id={id}
          type={(field.kind === 'email' ? 'email' : field.kind === 'url' ? 'url' : 'text') as 'text'}
          value={text}
          onInput={onInput}
          placeholder={field.kind === 'date' ? 'YYYY-MM' : undefined}
          aria-describedby={hintId}
        />
      )}
      {hintId && (
        <span id={hintId} class="hint">
          Year, year-month or full date
        </span>
      )}
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
