/**
 * Every regular expression in src/ must match in linear time: user text (resumes, postings, file names, log lines)
 * reaches most of them, and one super-linear pattern blocks the event loop for seconds. The patterns are collected
 * from the TypeScript syntax tree of every non-test source file (regex literals, and `RegExp(...)` calls whose
 * pattern is a literal, a template or a `String.raw` built from string constants of the same file) and each is
 * checked with recheck, which reports patterns that can backtrack super-linearly.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { checkSync, type Diagnostics } from 'recheck'
import ts from 'typescript'
import { describe, expect, it, onTestFinished } from 'vitest'
import { DATE_RANGE_PATTERN } from '../../src/domain/documents/dates.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const SRC = path.join(ROOT, 'src')

interface FoundPattern {
  /** `file:line`, relative to the repository. */
  readonly where: string
  readonly source: string
  readonly flags: string
}

interface DynamicPattern {
  readonly where: string
  /** `file: names`, the values the pattern is built from that are not string constants. */
  readonly key: string
}

/**
 * `RegExp` calls whose pattern is computed at run time, so the syntax tree does not hold it. Each is listed with
 * why it is safe; a new one fails the sweep until it is added here.
 */
const DYNAMIC_PATTERNS: Record<string, string> = {
  // A company name with every special character escaped, between word boundaries: a literal, matched linearly.
  'src/domain/intelligence/analysis/job-analysis.ts: escaped': 'a literal',
  // Month names joined with map(): the built pattern is imported and checked below.
  'src/domain/documents/dates.ts: DATE_TOKEN, END_TOKEN': 'DATE_RANGE_PATTERN, checked at run time',
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts') ? [full] : []
  })
}

/** The string an expression always evaluates to, when it is built only from literals and string constants. */
function constantString(
  node: ts.Expression,
  constants: Map<string, ts.Expression>,
  seen = new Set<string>(),
): string | undefined {
  const part = (e: ts.Expression) => constantString(e, constants, seen)
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text
  if (ts.isParenthesizedExpression(node)) return part(node.expression)
  if (ts.isIdentifier(node)) {
    const initializer = constants.get(node.text)
    if (!initializer || seen.has(node.text)) return undefined
    seen.add(node.text)
    const value = part(initializer)
    seen.delete(node.text)
    return value
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = part(node.left)
    const right = part(node.right)
    return left === undefined || right === undefined ? undefined : left + right
  }
  const raw = ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'String.raw'
  const template = ts.isTaggedTemplateExpression(node) ? node.template : node
  if (raw && ts.isNoSubstitutionTemplateLiteral(template)) return template.rawText
  if (!ts.isTemplateExpression(template) || (ts.isTaggedTemplateExpression(node) && !raw)) return undefined
  let text = raw ? template.head.rawText : template.head.text
  for (const span of template.templateSpans) {
    const value = part(span.expression)
    if (value === undefined) return undefined
    text += value + (raw ? span.literal.rawText : span.literal.text)
  }
  return text
}

/** Every regular expression in a file, and the `RegExp` calls whose pattern only exists at run time. */
function collectPatterns(file: string): { patterns: FoundPattern[]; dynamic: DynamicPattern[] } {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const constants = new Map<string, ts.Expression>()
  for (const statement of sf.statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.initializer) {
        constants.set(declaration.name.text, declaration.initializer)
      }
    }
  }
  const patterns: FoundPattern[] = []
  const dynamic: DynamicPattern[] = []
  const where = (node: ts.Node) =>
    `${path.relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const end = node.text.lastIndexOf('/')
      patterns.push({ where: where(node), source: node.text.slice(1, end), flags: node.text.slice(end + 1) })
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp' &&
      node.arguments?.[0]
    ) {
      const [patternArg, flagsArg] = node.arguments
      const source = constantString(patternArg as ts.Expression, constants)
      const flags = flagsArg ? constantString(flagsArg, constants) : ''
      if (source !== undefined && flags !== undefined) patterns.push({ where: where(node), source, flags })
      else {
        const names = new Set<string>()
        const unresolved = (n: ts.Node): void => {
          if (
            ts.isIdentifier(n) &&
            n.text !== 'String' &&
            n.text !== 'raw' &&
            constantString(n, constants) === undefined
          ) {
            names.add(n.text)
          }
          ts.forEachChild(n, unresolved)
        }
        unresolved(patternArg as ts.Expression)
        dynamic.push({ where: where(node), key: `${path.relative(ROOT, file)}: ${[...names].join(', ')}` })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return { patterns, dynamic }
}

function check(pattern: { source: string; flags: string }): Diagnostics {
  // The automaton checker decides most patterns exactly and the fuzzer the rest. The time limit is generous for a
  // shared machine: a timeout reads as "unknown", which fails too, never as "safe".
  return checkSync(pattern.source, pattern.flags, { timeout: 60_000 })
}

function describeProblem(pattern: FoundPattern, result: Diagnostics): string | undefined {
  const shown = `${pattern.where} /${pattern.source}/${pattern.flags}`
  if (result.status === 'vulnerable') return `${shown}: ${result.complexity.summary}, e.g. ${result.attack.pattern}`
  if (result.status === 'unknown') return `${shown}: not proven (${result.error.kind})`
  return undefined
}

const files = sourceFiles(SRC)
const collected = files.map(collectPatterns)
const patterns = collected.flatMap((c) => c.patterns)
const dynamic = collected.flatMap((c) => c.dynamic)

describe('regular expressions in src/', () => {
  it('finds the patterns of the whole source tree, constants and String.raw templates included', () => {
    expect(files.length).toBeGreaterThan(100)
    expect(patterns.length).toBeGreaterThan(150)
    const inFile = (file: string) => patterns.filter((p) => p.where.startsWith(`${file}:`))
    expect(inFile('src/domain/intelligence/analysis/job-analysis.ts').length).toBeGreaterThan(20)
    expect(inFile('src/domain/documents/resume-text-parser.ts').length).toBeGreaterThan(10)
    // The sensitive query parameter, built from a constant list of names.
    expect(inFile('src/observability/redaction.ts').map((p) => p.source)).toContainEqual(
      expect.stringContaining('(?:password|passwd|'),
    )
    // The generated skills data holds no pattern, so nothing is lost by its size.
    expect(inFile('src/domain/intelligence/analysis/taxonomy.data.ts')).toEqual([])
  })

  it('reads literal, template and String.raw patterns from the syntax tree', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roleready-regex-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    const file = path.join(dir, 'shapes.ts')
    writeFileSync(
      file,
      [
        'const NESTED = /^(a+)+$/',
        "const PETS = 'cat|dog'",
        'const SPACE = String.raw`\\s+`',
        "const ALTERNATION = new RegExp('(x|xx)+y', 'g')",
        'const ANCHORED = RegExp(`^(?:#{PETS})\\\\d$`, `i`)',
        "const PAIR = new RegExp(String.raw`#{SPACE}(?:#{PETS})=\\w+`, 'g' + 'i')",
        'export const build = (word: string) => new RegExp(`^#{word}$`)',
      ]
        .join('\n')
        // Written with #{…} for ${…}: these are TypeScript templates inside strings.
        .replaceAll('#{', '$' + '{'),
    )
    const { patterns: found, dynamic: computed } = collectPatterns(file)
    expect(found.map((p) => [p.source, p.flags])).toEqual([
      ['^(a+)+$', ''],
      ['(x|xx)+y', 'g'],
      ['^(?:cat|dog)\\d$', 'i'],
      ['\\s+(?:cat|dog)=\\w+', 'gi'],
    ])
    expect(computed.map((d) => d.key)).toEqual([`${path.relative(ROOT, file)}: word`])
  })

  it('reports known-exponential and known-quadratic patterns, so the sweep cannot pass vacuously', () => {
    expect(check({ source: '^(a+)+$', flags: '' }).status).toBe('vulnerable')
    expect(check({ source: '(x|xx)+y', flags: 'g' }).status).toBe('vulnerable')
    expect(check({ source: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', flags: '' }).status).toBe('vulnerable')
    expect(check({ source: '[*:\\s]+$', flags: '' }).status).toBe('vulnerable')
    expect(check({ source: '^[a-z]+@[a-z]+$', flags: '' }).status).toBe('safe')
  })

  it('has no pattern that can backtrack super-linearly', () => {
    const problems = patterns.map((p) => describeProblem(p, check(p))).filter((p) => p !== undefined)
    expect(problems).toEqual([])
  })

  it('lists every pattern built at run time with why it is safe, and checks the ones it can build', () => {
    expect(dynamic.map((d) => d.key).sort()).toEqual(Object.keys(DYNAMIC_PATTERNS).sort())
    const { source, flags } = DATE_RANGE_PATTERN
    const dates = { where: 'src/domain/documents/dates.ts DATE_RANGE_PATTERN', source, flags }
    expect(describeProblem(dates, check(dates))).toBe(undefined)
  })
})
