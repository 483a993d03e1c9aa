import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import type { ExportBlock } from './export-blocks';
import type { InlineRun } from './inline-runs';
import type { ExportOptions } from './export-options';

const FONT = 'Calibri';
const BODY_SIZE = 22; // half-points: 11 pt
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
const NUMBERED = 'aditus-numbered';

function headingStyle(sizeHalfPoints: number, before: number) {
  return {
    run: { font: FONT, size: sizeHalfPoints, bold: true, color: '000000' },
    paragraph: { spacing: { before, after: 80 }, keepNext: true },
  };
}

function textRuns(runs: readonly InlineRun[]): TextRun[] {
  return runs.flatMap((run) =>
    run.text
      .split('\n')
      .map(
        (part, index) =>
          new TextRun({ text: part, bold: run.bold, italics: run.italic, ...(index > 0 ? { break: 1 } : {}) }),
      ),
  );
}

function toParagraph(block: ExportBlock): Paragraph {
  if (block.type === 'heading') {
    const heading = HEADINGS[Math.min(block.level, 3) - 1] ?? HeadingLevel.HEADING_3;
    return new Paragraph({ heading, children: textRuns(block.runs) });
  }
  if (block.type === 'bullet') {
    const spacing = { after: 40 };
    if (block.ordinal !== null) {
      return new Paragraph({
        numbering: { reference: NUMBERED, level: block.level },
        spacing,
        children: textRuns(block.runs),
      });
    }
    return new Paragraph({ bullet: { level: block.level }, spacing, children: textRuns(block.runs) });
  }
  return new Paragraph({ spacing: { after: 120 }, children: textRuns(block.runs) });
}

/** A single-column Word document with real heading styles and list numbering, which ATS parsers read reliably. */
export async function renderDocx(blocks: readonly ExportBlock[], options: ExportOptions): Promise<Buffer> {
  const document = new Document({
    creator: options.author ?? 'Aditus',
    title: options.title ?? '',
    description: 'Created with Aditus',
    styles: {
      default: {
        document: { run: { font: FONT, size: BODY_SIZE }, paragraph: { spacing: { line: 264 } } },
        heading1: headingStyle(32, 0),
        heading2: headingStyle(26, 240),
        heading3: headingStyle(23, 160),
      },
    },
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: [0, 1, 2, 3, 4].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 260 } } },
          })),
        },
      ],
    },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        children: blocks.map(toParagraph),
      },
    ],
  });
  return Packer.toBuffer(document);
}
