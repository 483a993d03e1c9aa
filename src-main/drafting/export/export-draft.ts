import type { ExportFormat } from '@contract';
import type { ExportOptions } from './export-options';
import { exportBlocks } from './export-blocks';
import { renderDocx } from './render-docx';
import { renderPdf } from './render-pdf';

/** The one export path for the CLI and the app: Markdown as-is, or the same structure as DOCX or PDF. */
export async function exportDraft(
  markdown: string,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<Buffer> {
  if (format === 'md') return Buffer.from(markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
  const blocks = exportBlocks(markdown);
  return format === 'docx' ? renderDocx(blocks, options) : renderPdf(blocks, options);
}
