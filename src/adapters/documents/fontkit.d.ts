// fontkit ships no type declarations; RoleReady only opens fonts with it and asks them for glyph coverage.
declare module 'fontkit' {
  export interface Font {
    readonly postscriptName: string
    hasGlyphForCodePoint(codePoint: number): boolean
    /** Lays text out into glyphs; pdfkit recognises an opened font by this method. */
    layout(text: string): unknown
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font
}
