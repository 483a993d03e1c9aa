/** TrueType fonts to embed in the PDF instead of the shipped DejaVu Sans (file paths or font data). */
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
   * Embed these fonts in the PDF instead of DejaVu Sans (Latin, Greek, Cyrillic and more). Either way, a draft
   * with characters the fonts cannot print is refused with an error naming them (unprintable-characters.ts).
   */
  pdfFonts?: PdfFontFiles;
}
