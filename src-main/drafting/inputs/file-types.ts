import { extname } from 'node:path';
import type { ImageMediaType } from '../../providers/types';

export type DocumentFormat = 'json' | 'txt' | 'md' | 'docx' | 'pdf' | 'html';

const DOCUMENT_EXTENSIONS: Record<string, DocumentFormat> = {
  '.json': 'json',
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
};

const IMAGE_EXTENSIONS: Record<string, ImageMediaType> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

export type FileFormat = { kind: 'document'; format: DocumentFormat } | { kind: 'image'; mediaType: ImageMediaType };

export function formatOfFile(fileName: string): FileFormat | null {
  const extension = extname(fileName).toLowerCase();
  const format = DOCUMENT_EXTENSIONS[extension];
  if (format) return { kind: 'document', format };
  const mediaType = IMAGE_EXTENSIONS[extension];
  if (mediaType) return { kind: 'image', mediaType };
  return null;
}

export const CANDIDATE_FORMATS: readonly DocumentFormat[] = ['json', 'txt', 'md', 'docx', 'pdf'];
export const POSTING_FORMATS: readonly DocumentFormat[] = ['txt', 'md', 'html', 'pdf'];
