import { AppError } from '../../errors';
import type { Font } from 'fontkit';

/**
 * Scripts written right to left. The PDF writer lays text out left to right only, so their words would print
 * reversed: they are refused even where the font has the letters.
 */
const RIGHT_TO_LEFT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
/** Marks that change how text is shown but print nothing themselves (joiners, variation selectors, BOM). */
const INVISIBLE = /[\p{Cf}\uFE00-\uFE0F\n\t\r]/u;

function describe(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `"${char}" (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
}

/** Characters of `text` that `font` cannot print, in order of first appearance. */
export function charactersMissingFrom(font: Font, text: string): string[] {
  const missing = new Set<string>();
  for (const char of text) {
    if (missing.has(char) || INVISIBLE.test(char)) continue;
    if (RIGHT_TO_LEFT.test(char) || !font.hasGlyphForCodePoint(char.codePointAt(0) ?? 0)) missing.add(char);
  }
  return [...missing];
}

/**
 * The refusal for a PDF whose text the embedded fonts cannot print: it names the characters, so nothing is
 * dropped or replaced without the user knowing. DOCX and Markdown keep every character.
 */
export function unprintableCharactersError(characters: readonly string[]): AppError {
  const shown = characters.slice(0, 12).map(describe).join(', ');
  const more = characters.length > 12 ? ` and ${characters.length - 12} more` : '';
  const rtl = characters.some((c) => RIGHT_TO_LEFT.test(c))
    ? ' Right-to-left text (Hebrew, Arabic) cannot be laid out in a PDF yet.'
    : '';
  return new AppError(
    'invalid_input',
    `The PDF cannot show ${characters.length === 1 ? 'this character' : `these ${characters.length} characters`} of the draft: ${shown}${more}.${rtl} Export as DOCX or Markdown, which keep every character, or remove them from the draft.`,
    { reason: 'unprintable_characters', characters: [...characters] },
  );
}
