import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkit';
import type { PdfFontFiles } from './export-options';

export interface LoadedFont {
  data: Buffer;
  font: Font;
}

export interface PdfFonts {
  regular: LoadedFont;
  bold: LoadedFont;
  italic: LoadedFont;
  boldItalic: LoadedFont;
}

function load(file: string | Buffer): LoadedFont {
  const data = typeof file === 'string' ? readFileSync(file) : file;
  return { data, font: create(data) };
}

let dejaVu: PdfFontFiles | null = null;

/**
 * DejaVu Sans from the dejavu-fonts-ttf package: Latin with its extensions, Greek, Cyrillic, Armenian, Georgian
 * and many symbols, so names such as "Łukasz Dvořák" or "Αλέξης Παπαδόπουλος" print as written.
 */
export function dejaVuSansFiles(): PdfFontFiles {
  if (!dejaVu) {
    const dir = join(dirname(createRequire(__filename).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    dejaVu = {
      regular: join(dir, 'DejaVuSans.ttf'),
      bold: join(dir, 'DejaVuSans-Bold.ttf'),
      italic: join(dir, 'DejaVuSans-Oblique.ttf'),
      boldItalic: join(dir, 'DejaVuSans-BoldOblique.ttf'),
    };
  }
  return dejaVu;
}

const cache = new Map<string | Buffer, LoadedFont>();

function cached(file: string | Buffer): LoadedFont {
  let loaded = cache.get(file);
  if (!loaded) {
    loaded = load(file);
    // Buffers given by a caller are not kept: only the shipped font files are worth keeping in memory.
    if (typeof file === 'string') cache.set(file, loaded);
  }
  return loaded;
}

/** The four faces of a PDF's body text, read once per process for the shipped font. */
export function loadPdfFonts(files: PdfFontFiles = dejaVuSansFiles()): PdfFonts {
  return {
    regular: cached(files.regular),
    bold: cached(files.bold),
    italic: cached(files.italic ?? files.regular),
    boldItalic: cached(files.boldItalic ?? files.bold),
  };
}
