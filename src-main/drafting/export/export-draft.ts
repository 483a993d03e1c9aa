import type { ExportFormat } from '@contract';
import type { ExportOptions } from './export-options';
import { exportBlocks } from './export-blocks';

/**
 * The one export path for the CLI and the app: Markdown as-is, or the same structure as DOCX or PDF. The DOCX
 * and PDF writers (docx, pdfkit and fontkit: about 150 ms to load) are imported on the first export.
 */
export async function exportDraft(
  markdown: string,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<Buffer> {
  if (format === 'md') return Buffer.from(markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
  const blocks = exportBlocks(markdown);
  if (format === 'docx') return (await import('./render-docx')).renderDocx(blocks, options);
  return (await import('./render-pdf')).renderPdf(blocks, options);
}
