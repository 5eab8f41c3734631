/**
 * The kinds of setting RoleReady declares (integers with bounds, rates, booleans, choices, URLs, lists…): each
 * builder returns a Setting that knows its default, how to parse a raw value, and how to show itself in .env.example.
 * Pure data and functions: nothing here reads the environment.
 */

/** A parsed value, or the whole problem sentence (it starts with the setting's key). */
export type Parsed<T> = { readonly value: T } | { readonly problem: string }

export interface Setting<T> {
  /** One sentence for .env.example and readers of the declaration. */
  readonly doc: string
  /** A comment block printed before this setting in .env.example: the start of a new group. */
  readonly section?: string
  /** Never echoed in a problem; has no default, so .env.example never holds a value for it. */
  readonly secret: boolean
  /** The value when the setting is unset or blank. */
  readonly default: T
  /** The default as it is written in .env.example; undefined when there is none (the line is commented out). */
  readonly defaultText: string | undefined
  /** Shown, commented out, for a setting without a default. */
  readonly example: string | undefined
  /** What the value must be, in words ("integer from 0 to 65535"); printed after the doc in .env.example. */
  readonly rule: string | undefined
  /** Parses a trimmed, non-empty raw value. `shown` is how the raw value may appear in a problem. */
  readonly parse: (raw: string, key: string, shown: string) => Parsed<T>
}

/** The value type a Setting produces. */
export type ValueOf<S> = S extends Setting<infer T> ? T : never

interface Describe {
  readonly doc: string
  readonly section?: string
  readonly secret?: boolean
  readonly example?: string
}

type Build<T> = Pick<Setting<T>, 'default' | 'defaultText' | 'parse'> & { readonly rule?: string }

function setting<T>(describe: Describe, build: Build<T>): Setting<T> {
  return {
    doc: describe.doc,
    ...(describe.section !== undefined && { section: describe.section }),
    secret: describe.secret ?? false,
    example: describe.example,
    rule: build.rule,
    default: build.default,
    defaultText: build.defaultText,
    parse: build.parse,
  }
}

const textOf = (value: number | boolean | string | undefined) => (value === undefined ? undefined : String(value))

interface Bounds {
  readonly min: number
  readonly max: number
}

/** An integer from `min` to `max`. Without a default the value is undefined when unset. */
export function int(options: Describe & Bounds & { readonly default: number }): Setting<number>
export function int(options: Describe & Bounds): Setting<number | undefined>
export function int(options: Describe & Bounds & { readonly default?: number }): Setting<number | undefined> {
  const { min, max } = options
  return setting(options, {
    default: options.default,
    defaultText: textOf(options.default),
    rule: `integer from ${min} to ${max}`,
    parse: (raw, key, shown) => {
      const value = Number(raw)
      return Number.isInteger(value) && value >= min && value <= max
        ? { value }
        : { problem: `${key} must be an integer from ${min} to ${max} (got ${shown})` }
    },
  })
}

/** A share from 0 to 1. */
export function rate(options: Describe & { readonly default: number }): Setting<number> {
  return setting<number>(options, {
    default: options.default,
    defaultText: String(options.default),
    rule: 'number from 0 to 1',
    parse: (raw, key, shown) => {
      const value = Number(raw)
      return Number.isFinite(value) && value >= 0 && value <= 1
        ? { value }
        : { problem: `${key} must be a number from 0 to 1 (got ${shown})` }
    },
  })
}

const TRUE = ['1', 'true', 'yes', 'on']
const FALSE = ['0', 'false', 'no', 'off']

/** true/false (also 1/0, yes/no, on/off). Without a default the value is undefined when unset. */
export function bool(options: Describe & { readonly default: boolean }): Setting<boolean>
export function bool(options: Describe): Setting<boolean | undefined>
export function bool(options: Describe & { readonly default?: boolean }): Setting<boolean | undefined> {
  return setting(options, {
    default: options.default,
    defaultText: textOf(options.default),
    parse: (raw, key, shown) => {
      const lower = raw.toLowerCase()
      if (TRUE.includes(lower)) return { value: true }
      if (FALSE.includes(lower)) return { value: false }
      return { problem: `${key} must be true or false (got ${shown.toLowerCase()})` }
    },
  })
}

/** Free text; `check` returns the problem sentence (without the key) for a value it refuses. */
export function str(
  options: Describe & { readonly default: string; readonly check?: (value: string) => string | undefined },
): Setting<string>
export function str(
  options: Describe & { readonly check?: (value: string) => string | undefined },
): Setting<string | undefined>
export function str(
  options: Describe & { readonly default?: string; readonly check?: (value: string) => string | undefined },
): Setting<string | undefined> {
  return setting(options, {
    default: options.default,
    defaultText: options.default,
    parse: (raw, key) => {
      const problem = options.check?.(raw)
      return problem === undefined ? { value: raw } : { problem: `${key} ${problem}` }
    },
  })
}

/** One of `values`, compared in lower case. */
export function oneOf<const V extends string>(
  values: readonly V[],
  options: Describe & { readonly default: NoInfer<V> },
): Setting<V> {
  return setting<V>(options, {
    default: options.default,
    defaultText: options.default,
    rule: values.join(' | '),
    parse: (raw, key, shown) => {
      const lower = raw.toLowerCase()
      return (values as readonly string[]).includes(lower)
        ? { value: lower as V }
        : { problem: `${key} must be one of ${values.join(', ')} (got ${shown.toLowerCase()})` }
    },
  })
}

/** An absolute URL with one of `protocols` (e.g. `['redis:', 'rediss:']`); undefined when unset. */
export function url(options: Describe & { readonly protocols: readonly string[] }): Setting<string | undefined> {
  const { protocols } = options
  return setting(options, {
    default: undefined,
    defaultText: undefined,
    rule: `${protocols.map((p) => p.slice(0, -1)).join(' or ')} URL`,
    parse: (raw, key) => {
      let protocol: string
      try {
        protocol = new URL(raw).protocol
      } catch {
        return { problem: `${key} is not a valid URL` }
      }
      return protocols.includes(protocol)
        ? { value: raw }
        : { problem: `${key} must use ${protocols.join(' or ')} (got "${protocol}")` }
    },
  })
}

const splitList = (raw: string) =>
  raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)

/** A comma-separated list; empty when unset. */
export function list(options: Describe): Setting<readonly string[]> {
  return setting<readonly string[]>(options, {
    default: [],
    defaultText: '',
    parse: (raw) => ({ value: splitList(raw) }),
  })
}

/** A comma-separated list of browser origins (scheme, host and port only). */
export function origins(options: Describe): Setting<readonly string[]> {
  return setting<readonly string[]>(options, {
    default: [],
    defaultText: '',
    parse: (raw, key) => {
      const items = splitList(raw)
      const bad = items.filter((origin) => {
        try {
          const parsed = new URL(origin)
          return !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin
        } catch {
          return true
        }
      })
      return bad.length === 0
        ? { value: items }
        : {
            problem: `${key} must list origins like https://app.example.com (got ${bad.map((o) => `"${o}"`).join(', ')})`,
          }
    },
  })
}

/** A value of its own syntax: `parse` returns the value or the problem sentence (without the key). */
export function custom<T>(
  options: Describe & {
    readonly default: T
    readonly defaultText: string
    readonly parse: (raw: string) => { readonly value: T } | { readonly problem: string }
  },
): Setting<T> {
  return setting<T>(options, {
    default: options.default,
    defaultText: options.defaultText,
    parse: (raw, key) => {
      const parsed = options.parse(raw)
      return 'problem' in parsed ? { problem: `${key}: ${parsed.problem}` } : parsed
    },
  })
}
