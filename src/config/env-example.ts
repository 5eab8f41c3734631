/**
 * Renders .env.example from the settings declaration: one commented line per setting (its doc, rule and whether it
 * is a secret), then `KEY=default`, or `# KEY=example` for a setting without a default. Written by `npm run docs`;
 * env-example.test.ts fails when the committed file differs.
 */
import { SETTING_LIST } from './settings.js'

export const ENV_EXAMPLE_PATH = '.env.example'

const WIDTH = 120

const HEADER =
  'RoleReady settings, generated from src/config/settings.ts by `npm run docs`: change a setting there, not here. ' +
  'Every one is optional: with none set, `npm start` serves on port 3000 with an embedded PGlite database in ' +
  './data and in-process sessions. src/config/config.ts is the only reader of these.'

/** `text` as `# ` comment lines of at most WIDTH characters (a longer word stays whole). */
function comment(text: string): string[] {
  const lines: string[] = []
  let line = '#'
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '#' && line.length + 1 + word.length > WIDTH) {
      lines.push(line)
      line = '#'
    }
    line += ` ${word}`
  }
  return [...lines, line]
}

/** The whole .env.example text. */
export function renderEnvExample(): string {
  const lines = comment(HEADER)
  for (const [key, setting] of SETTING_LIST) {
    if (setting.section !== undefined) lines.push('', ...comment(setting.section))
    const notes = [setting.rule, setting.secret ? 'secret' : undefined].filter(Boolean).join('; ')
    lines.push(...comment(notes === '' ? setting.doc : `${setting.doc} [${notes}]`))
    lines.push(
      setting.defaultText === undefined ? `# ${key}=${setting.example ?? ''}` : `${key}=${setting.defaultText}`,
    )
  }
  return `${lines.join('\n')}\n`
}
