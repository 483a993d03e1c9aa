/** TrueType fonts to embed in the PDF instead of the standard Helvetica (file paths or font data). */
export interface PdfFontFiles {
  regular: string | Buffer;
  bold: string | Buffer;
  italic?: string | Buffer;
  boldItalic?: string | Buffer;
}

export interface ExportOptions {
  /** Document title metadata, e.g. "Lea Sørensen — CV". */
  title?: string;
  /** Document author metadata, e.g. the candidate's name. */
  author?: string;
  /** ISO 639-1 language of the text, for PDF metadata. */
  language?: string;
  /** Creation date written into PDF metadata; fix it to get byte-identical PDFs. */
  createdAt?: Date;
  /**
   * Embed these fonts in the PDF. Without them the PDF uses the standard Helvetica, which covers
   * Western European text only; other characters are then transliterated (see win-ansi.ts).
   */
  pdfFonts?: PdfFontFiles;
}
