import PDFDocument from 'pdfkit';
import type { ExportBlock } from './export-blocks';
import type { InlineRun } from './inline-runs';
import type { ExportOptions } from './export-options';
import { loadPdfFonts, type LoadedFont, type PdfFonts } from './pdf-fonts';
import { charactersMissingFrom, unprintableCharactersError } from './unprintable-characters';

const MARGIN = 56; // about 2 cm
const BODY_SIZE = 10.5;
const HEADING_SIZES = [18, 13, 11.5];
const LIST_INDENT = 14;

type Pdf = InstanceType<typeof PDFDocument>;

interface FontSet {
  regular: string;
  bold: string;
  italic: string;
  boldItalic: string;
}

const FACES = { regular: 'body', bold: 'body-bold', italic: 'body-italic', boldItalic: 'body-bold-italic' } as const;

function embedFonts(doc: Pdf, fonts: PdfFonts): FontSet {
  for (const face of Object.keys(FACES) as (keyof typeof FACES)[]) doc.registerFont(FACES[face], fonts[face].data);
  return FACES;
}

function fontFor(fonts: FontSet, run: InlineRun, forceBold: boolean): string {
  const bold = run.bold || forceBold;
  if (bold && run.italic) return fonts.boldItalic;
  if (bold) return fonts.bold;
  return run.italic ? fonts.italic : fonts.regular;
}

function bottomLimit(doc: Pdf): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page when fewer than `lines` lines fit, so headings stay with what follows. */
function keepLines(doc: Pdf, lines: number, size: number): void {
  if (doc.y + lines * size * 1.4 > bottomLimit(doc)) doc.addPage();
}

interface Writer {
  doc: Pdf;
  fonts: FontSet;
}

function writeRuns(
  { doc, fonts }: Writer,
  runs: readonly InlineRun[],
  x: number,
  width: number,
  forceBold: boolean,
): void {
  const printable = runs.map((run) => ({ run, text: printableText(run.text) })).filter((r) => r.text.length > 0);
  if (printable.length === 0) return;
  printable.forEach(({ run, text }, index) => {
    doc.font(fontFor(fonts, run, forceBold));
    const continued = index < printable.length - 1;
    if (index === 0) doc.text(text, x, doc.y, { width, continued, lineGap: 1.5 });
    else doc.text(text, { continued, lineGap: 1.5 });
  });
}

function writeBlock(writer: Writer, block: ExportBlock, previous: ExportBlock | undefined): void {
  const { doc, fonts } = writer;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  if (block.type === 'heading') {
    const size = HEADING_SIZES[Math.min(block.level, 3) - 1] ?? BODY_SIZE;
    if (previous) doc.moveDown(block.level <= 2 ? 0.8 : 0.5);
    keepLines(doc, 3, size);
    doc.fontSize(size);
    writeRuns(writer, block.runs, left, width, true);
    doc.moveDown(0.25);
    return;
  }
  doc.fontSize(BODY_SIZE);
  if (block.type === 'bullet') {
    keepLines(doc, 1, BODY_SIZE);
    const x = left + block.level * LIST_INDENT;
    const y = doc.y;
    doc
      .font(fonts.regular)
      .text(block.ordinal !== null ? `${block.ordinal}.` : '•', x, y, { width: LIST_INDENT, lineBreak: false });
    doc.y = y;
    writeRuns(writer, block.runs, x + LIST_INDENT, width - (x + LIST_INDENT - left), false);
    doc.moveDown(0.15);
    return;
  }
  if (previous?.type === 'bullet') doc.moveDown(0.3);
  keepLines(doc, 1, BODY_SIZE);
  writeRuns(writer, block.runs, left, width, false);
  doc.moveDown(0.5);
}

/** Format characters (joiners, variation selectors, soft hyphens) print nothing; the font need not have them. */
function printableText(text: string): string {
  return text.replace(/[\p{Cf}\uFE00-\uFE0F]/gu, '');
}

function faceOf(fonts: PdfFonts, run: InlineRun, forceBold: boolean): LoadedFont {
  const bold = run.bold || forceBold;
  if (bold && run.italic) return fonts.boldItalic;
  if (bold) return fonts.bold;
  return run.italic ? fonts.italic : fonts.regular;
}

/** Refuses the export when a character of the draft is in no embedded font, naming every such character. */
function checkPrintable(blocks: readonly ExportBlock[], fonts: PdfFonts): void {
  const missing = new Set<string>();
  for (const block of blocks) {
    for (const run of block.runs) {
      const face = faceOf(fonts, run, block.type === 'heading');
      for (const char of charactersMissingFrom(face.font, run.text)) missing.add(char);
    }
  }
  if (missing.size > 0) throw unprintableCharactersError([...missing]);
}

/**
 * An A4 PDF with selectable text in an embedded Unicode font (DejaVu Sans unless fonts are given); pdfkit breaks
 * pages as the text flows. A draft with characters the font cannot print is refused, never printed without them.
 */
export function renderPdf(blocks: readonly ExportBlock[], options: ExportOptions): Promise<Buffer> {
  const fonts = loadPdfFonts(options.pdfFonts);
  checkPrintable(blocks, fonts);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: options.title ?? '',
      Author: options.author ?? '',
      Creator: 'Aditus',
      Producer: 'Aditus',
      CreationDate: options.createdAt ?? new Date(),
    },
    lang: options.language ?? 'en',
    displayTitle: options.title !== undefined,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const writer: Writer = { doc, fonts: embedFonts(doc, fonts) };
  doc.font(writer.fonts.regular).fontSize(BODY_SIZE);
  blocks.forEach((block, index) => writeBlock(writer, block, blocks[index - 1]));
  doc.end();
  return done;
}
