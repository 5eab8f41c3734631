/**
 * HTML export: one self-contained page (inline CSS, no scripts, no external requests) laid out as the page it prints
 * on (size and margins from the design). Every user string is escaped, so a field holding `<script>` shows as text;
 * links carry only http(s), mailto: and tel: addresses. Two-column templates put the main and narrow columns in
 * `<div class="column-main">` and `<aside class="column-aside">` side by side (the narrow one tinted), one under the
 * other on a narrow screen.
 */

import { type RenderStyle, renderStyleOf } from '../../domain/documents/design-style.js'
import type { DocumentRenderer } from '../../domain/documents/document.ports.js'
import type { RenderOptions } from '../../domain/documents/document.types.js'
import type { JsonResume } from '../../domain/documents/json-resume.js'
import { columnFrames, layoutColumns, tintOf } from '../../domain/documents/resume-columns.js'
import { type LayoutBlock, layoutResume, PART_SEPARATOR } from '../../domain/documents/resume-layout.js'
import type { FontFamily } from '../../domain/resumes/resume-design.js'
import type { Template } from '../../domain/templates/template.types.js'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string)
}

/** Each bundled family, then fonts of the same look that browsers' systems have. */
export const FONT_STACKS: Record<FontFamily, string> = {
  'dejavu-serif': "'DejaVu Serif', Cambria, Georgia, 'Times New Roman', serif",
  'dejavu-sans': "'DejaVu Sans', Verdana, 'Helvetica Neue', Arial, sans-serif",
  'dejavu-sans-condensed': "'DejaVu Sans Condensed', 'Arial Narrow', 'Helvetica Neue', Arial, sans-serif",
  'liberation-sans': "'Liberation Sans', Arial, Helvetica, sans-serif",
}

/** Page widths in points. */
const PAGE_WIDTH = { letter: 612, a4: 595.28 }

function css(style: RenderStyle, paper: RenderOptions['paper']): string {
  return [
    `@page{size:${paper === 'a4' ? 'A4' : 'letter'};margin:${style.margin}pt}`,
    `body{font-family:${FONT_STACKS[style.fontFamily]};font-size:${style.baseSize}pt;line-height:${Math.round(130 * style.lineSpacing) / 100};color:#111;margin:0;background:#fff}`,
    // On screen the page is drawn at its size with its margins; printed, @page gives both.
    `main{box-sizing:border-box;max-width:${PAGE_WIDTH[paper]}pt;margin:0 auto;padding:${style.margin}pt}`,
    '@media print{main{max-width:none;padding:0}}',
    'a{color:inherit;text-decoration:none}',
    `h1{font-size:${style.nameSize}pt;color:${style.accent};text-align:${style.nameAlign};margin:0 0 .2em}`,
    `.label{font-size:${style.baseSize + 1.5}pt;text-align:${style.nameAlign};margin:0}`,
    `.contact{color:#444;text-align:${style.nameAlign};margin:.2em 0}`,
    `h2{font-size:${style.headingSize}pt;color:${style.accent};margin:${style.blockGap * 3}pt 0 ${style.blockGap}pt;${style.headingCase === 'upper' ? 'text-transform:uppercase;' : ''}${style.headingRule ? `border-bottom:.6pt solid ${style.accent};` : ''}}`,
    `h3{font-size:${style.baseSize}pt;margin:${style.blockGap * 2}pt 0 0}`,
    `.meta{color:#444;margin:0}`,
    `p{margin:${style.blockGap}pt 0}`,
    `ul{margin:${style.blockGap}pt 0;padding-left:1.2em}`,
    `li{margin:${style.blockGap / 2}pt 0}`,
    ...(style.columns ? columnsCss(style, paper) : []),
  ].join('\n')
}

/**
 * The two columns as a grid at the template's proportions (percentages of the page, so the preview keeps them at
 * any width), the tinted panel running to the page's edge; below 480px wide they stack, main column first.
 */
function columnsCss(style: RenderStyle, paper: RenderOptions['paper']): string[] {
  const columns = style.columns as NonNullable<RenderStyle['columns']>
  const pageWidth = PAGE_WIDTH[paper]
  const { panel } = columnFrames(columns, pageWidth, style.margin)
  const share = (points: number) => `${Math.round((points / pageWidth) * 10000) / 100}%`
  const tint = columns.asideTint > 0 ? tintOf(style.accent, columns.asideTint) : 'transparent'
  const left = columns.asideSide === 'left'
  const m = `${style.margin}pt`
  const half = `${columns.gutter / 2}pt`
  // Each column's padding towards the page's edge is the margin, towards the other column half the gutter.
  const [aside, main] = left ? [`0 ${half} 0 ${m}`, `0 ${m} 0 ${half}`] : [`0 ${m} 0 ${half}`, `0 ${half} 0 ${m}`]
  const shares = [share(panel.width), share(pageWidth - panel.width)]
  return [
    `main{padding:${m} 0}`,
    `.page-top{padding:0 ${m} ${style.blockGap * 2}pt;margin-bottom:${style.blockGap * 4}pt;border-bottom:.8pt solid ${style.accent}}`,
    `.columns{display:grid;grid-template-columns:${(left ? shares : [...shares].reverse()).join(' ')}}`,
    `.column-main{grid-row:1;grid-column:${left ? 2 : 1};min-width:0;padding:${main}}`,
    `.column-aside{grid-row:1;grid-column:${left ? 1 : 2};min-width:0;padding:${aside};background:${tint}}`,
    // A sidebar's tint runs from the top of the page to its foot.
    ...(left ? [`.column-aside{margin:-${m} 0;padding-top:${m};padding-bottom:${m}}`] : []),
    '.column-main>:first-child,.column-aside>:first-child{margin-top:0}',
    `@media (max-width:480px){.columns{display:block}.column-main,.column-aside{margin:0;padding:${m}}}`,
    '@media print{main{padding:0}.page-top{padding-left:0;padding-right:0}.column-aside{margin:0}}',
  ]
}

/** Text as a link when it points somewhere (the layout gives only http(s), mailto: and tel: addresses). */
function linkHtml(text: string, href: string | undefined): string {
  return href ? `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>` : escapeHtml(text)
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
        out.push(
          `<p class="contact">${block.parts.map((part, i) => linkHtml(part, block.links?.[i])).join(escapeHtml(PART_SEPARATOR))}</p>`,
        )
        break
      case 'heading':
        out.push(`<h2>${escapeHtml(block.text)}</h2>`)
        break
      case 'entryTitle':
        out.push(`<h3>${escapeHtml(block.text)}</h3>`)
        break
      case 'entryMeta': {
        const { link } = block
        const before = link ? block.text.slice(0, block.text.length - link.text.length) : block.text
        out.push(`<p class="meta">${escapeHtml(before)}${link ? linkHtml(link.text, link.href) : ''}</p>`)
        break
      }
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

/** The band across the top, then the main column and the narrow one, each in its element (main first in the source). */
function columnsHtml(resume: JsonResume, style: RenderStyle, design: RenderOptions['design']): string {
  const placed = layoutColumns(resume, design ?? {}, style.columns as NonNullable<RenderStyle['columns']>)
  return [
    ...(placed.top.length > 0 ? ['<header class="page-top">', blocksToHtml(placed.top), '</header>'] : []),
    '<div class="columns">',
    '<div class="column-main">',
    blocksToHtml(placed.main),
    '</div>',
    '<aside class="column-aside">',
    blocksToHtml(placed.aside),
    '</aside>',
    '</div>',
  ].join('\n')
}

export function renderHtml(
  resume: JsonResume,
  template: Template,
  { paper, title, author, design }: RenderOptions,
): string {
  const style = renderStyleOf(template, design)
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
    style.columns ? columnsHtml(resume, style, design) : blocksToHtml(layoutResume(resume, design)),
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
