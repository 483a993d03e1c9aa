/** The part of fontkit (pdfkit's font engine, no types of its own) Aditus uses: glyph coverage of a font. */
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(data: Buffer): Font;
}
