/**
 * HTML export: one self-contained page (inline CSS, no scripts, no external requests). Every user string is
 * escaped, so a field holding `<script>` shows as text.
 */
import type { DocumentRenderer } from '../../domain/documents/document.ports.js'
import type { RenderOptions } from '../../domain/documents/document.types.js'
import type { JsonResume } from '../../domain/documents/json-resume.js'
import { type LayoutBlock, layoutResume, PART_SEPARATOR } from '../../domain/documents/resume-layout.js'
import type { Template, TemplateStyle } from '../../domain/templates/template.types.js'
import { requireStyle } from './pdf.renderer.js'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string)
}

const FONT_STACKS: Record<TemplateStyle['font'], string> = {
  serif: "'DejaVu Serif', Georgia, 'Times New Roman', serif",
  sans: "'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif",
  condensed: "'DejaVu Sans Condensed', 'Arial Narrow', Arial, sans-serif",
}

function css(style: TemplateStyle, paper: RenderOptions['paper']): string {
  return [
    `@page{size:${paper === 'a4' ? 'A4' : 'letter'};margin:${style.margin}pt}`,
    `body{font-family:${FONT_STACKS[style.font]};font-size:${style.baseSize}pt;line-height:1.3;color:#111;max-width:46em;margin:2em auto;padding:0 1em}`,
    `h1{font-size:${style.nameSize}pt;color:${style.accent};text-align:${style.nameAlign};margin:0 0 .2em}`,
    `.label{font-size:${style.baseSize + 1.5}pt;text-align:${style.nameAlign};margin:0}`,
    `.contact{color:#444;text-align:${style.nameAlign};margin:.2em 0}`,
    `h2{font-size:${style.headingSize}pt;color:${style.accent};margin:${style.blockGap * 3}pt 0 ${style.blockGap}pt;${style.headingCase === 'upper' ? 'text-transform:uppercase;' : ''}${style.headingRule ? `border-bottom:.6pt solid ${style.accent};` : ''}}`,
    `h3{font-size:${style.baseSize}pt;margin:${style.blockGap * 2}pt 0 0}`,
    `.meta{color:#444;margin:0}`,
    `p{margin:${style.blockGap}pt 0}`,
    `ul{margin:${style.blockGap}pt 0;padding-left:1.2em}`,
    `li{margin:${style.blockGap / 2}pt 0}`,
  ].join('\n')
}

/** The body markup of a resume's blocks (used by the page and by previews). */
export function blocksToHtml(blocks: readonly LayoutBlock[]): string {
  const out: string[] = []
  let inList = false
  for (const block of blocks) {
    if (block.kind !== 'bullet' && inList) {
      out.push('</ul>')
      inList = false
    }
    switch (block.kind) {
      case 'name':
        out.push(`<h1>${escapeHtml(block.text)}</h1>`)
        break
      case 'label':
        out.push(`<p class="label">${escapeHtml(block.text)}</p>`)
        break
      case 'contact':
        out.push(`<p class="contact">${block.parts.map(escapeHtml).join(escapeHtml(PART_SEPARATOR))}</p>`)
        break
      case 'heading':
        out.push(`<h2>${escapeHtml(block.text)}</h2>`)
        break
      case 'entryTitle':
        out.push(`<h3>${escapeHtml(block.text)}</h3>`)
        break
      case 'entryMeta':
        out.push(`<p class="meta">${escapeHtml(block.text)}</p>`)
        break
      case 'paragraph':
        out.push(
          block.lead
            ? `<p><strong>${escapeHtml(block.lead)}:</strong> ${escapeHtml(block.text)}</p>`
            : `<p>${escapeHtml(block.text)}</p>`,
        )
        break
      case 'bullet':
        if (!inList) out.push('<ul>')
        inList = true
        out.push(`<li>${escapeHtml(block.text)}</li>`)
        break
    }
  }
  if (inList) out.push('</ul>')
  return out.join('\n')
}

export function renderHtml(resume: JsonResume, template: Template, { paper, title, author }: RenderOptions): string {
  const style = requireStyle(template)
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="author" content="${escapeHtml(author)}">`,
    '<meta name="generator" content="RoleReady">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${css(style, paper)}\n</style>`,
    '</head>',
    `<body class="template-${escapeHtml(template.id)}">`,
    '<main>',
    blocksToHtml(layoutResume(resume)),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

export const htmlRenderer: DocumentRenderer = {
  async render(resume, template, options) {
    return new TextEncoder().encode(renderHtml(resume, template, options))
  },
}
