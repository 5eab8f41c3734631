/** Markdown and plain-text export from the shared layout, with the design's section order, titles and visibility. */
import type { DocumentRenderer } from '../../domain/documents/document.ports.js'
import type { JsonResume } from '../../domain/documents/json-resume.js'
import { layoutResume, PART_SEPARATOR, paragraphText } from '../../domain/documents/resume-layout.js'
import type { ResumeDesign } from '../../domain/resumes/resume-design.js'

/** Escapes characters Markdown would read as markup at any position. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|!~])/g, '\\$1').replace(/^(\s*)([-+]|\d+\.)(\s)/, '$1\\$2$3')
}

/**
 * A Markdown link when the text points somewhere. The address goes in angle brackets, which CommonMark reads up to
 * the closing bracket (the layout's addresses are URL-encoded, so they hold none, nor spaces).
 */
function markdownLink(text: string, href: string | undefined): string {
  return href ? `[${escapeMarkdown(text)}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)` : escapeMarkdown(text)
}

export function renderMarkdown(resume: JsonResume, design?: ResumeDesign): string {
  const lines: string[] = []
  let previous = ''
  for (const block of layoutResume(resume, design)) {
    const gap = block.kind === 'bullet' && previous === 'bullet' ? [] : ['']
    if (lines.length > 0) lines.push(...gap)
    switch (block.kind) {
      case 'name':
        lines.push(`# ${escapeMarkdown(block.text)}`)
        break
      case 'label':
        lines.push(`**${escapeMarkdown(block.text)}**`)
        break
      case 'contact':
        lines.push(block.parts.map((part, i) => markdownLink(part, block.links?.[i])).join(PART_SEPARATOR))
        break
      case 'heading':
        lines.push(`## ${escapeMarkdown(block.text)}`)
        break
      case 'entryTitle':
        lines.push(`### ${escapeMarkdown(block.text)}`)
        break
      case 'entryMeta': {
        const { link } = block
        const before = link ? block.text.slice(0, block.text.length - link.text.length) : block.text
        lines.push(`*${escapeMarkdown(before)}${link ? markdownLink(link.text, link.href) : ''}*`)
        break
      }
      case 'paragraph':
        lines.push(
          block.lead ? `**${escapeMarkdown(block.lead)}:** ${escapeMarkdown(block.text)}` : escapeMarkdown(block.text),
        )
        break
      case 'bullet':
        lines.push(`- ${escapeMarkdown(block.text)}`)
        break
    }
    previous = block.kind
  }
  return `${lines.join('\n')}\n`
}

export function renderText(resume: JsonResume, design?: ResumeDesign): string {
  const lines: string[] = []
  let previous = ''
  for (const block of layoutResume(resume, design)) {
    if (lines.length > 0 && (block.kind === 'heading' || (block.kind === 'entryTitle' && previous !== 'heading')))
      lines.push('')
    switch (block.kind) {
      case 'name':
      case 'label':
      case 'entryTitle':
      case 'entryMeta':
        lines.push(block.text)
        break
      case 'contact':
        lines.push(block.parts.join(PART_SEPARATOR))
        break
      case 'heading':
        lines.push(block.text.toUpperCase(), '='.repeat(block.text.length))
        break
      case 'paragraph':
        lines.push(paragraphText(block))
        break
      case 'bullet':
        lines.push(`• ${block.text}`)
        break
    }
    previous = block.kind
  }
  return `${lines.join('\n')}\n`
}

const encode = (text: string) => new TextEncoder().encode(text)

export const markdownRenderer: DocumentRenderer = {
  async render(resume, _template, options) {
    return encode(renderMarkdown(resume, options.design))
  },
}

export const textRenderer: DocumentRenderer = {
  async render(resume, _template, options) {
    return encode(renderText(resume, options.design))
  },
}
