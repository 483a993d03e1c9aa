import type { SourceRef } from '@contract';
import { findEmails, findUrls } from '../text/contact';
import { isBulletLine, plainLine } from '../text/lines';

/** One line of a candidate's source text with where it came from. */
export interface SourceLine {
  /** As written (Markdown marks and bullet kept). */
  raw: string;
  /** Plain words: no bullet, no Markdown marks. */
  text: string;
  isBullet: boolean;
  /** A Markdown heading (`### …`) or a line that is bold as a whole (`**…**`). */
  isEmphasised: boolean;
  /** How it is emphasised: "h1"…"h6", "bold", or null. */
  emphasis: string | null;
  ref: SourceRef;
}

const WHOLE_BOLD = /^\s*(?:\*\*|__)(.+?)(?:\*\*|__)\s*[:]?\s*$/u;

/**
 * The lines of a source text, numbered from 1 as stored. `pageBreaks` are the line numbers that open a new page
 * (PDF): each line then knows its page. For DOCX each non-empty line is one paragraph.
 */
export function sourceLinesOf(
  text: string,
  file: string,
  options: { pageStarts?: readonly number[]; paragraphs?: boolean } = {},
): SourceLine[] {
  const lines: SourceLine[] = [];
  let paragraph = 0;
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const plain = plainLine(raw);
    if (plain.length === 0) return;
    paragraph += 1;
    const ref: SourceRef = { file, line, text: raw.trim().slice(0, 2000) };
    if (options.pageStarts && options.pageStarts.length > 0) {
      ref.page = options.pageStarts.filter((start) => start <= line).length || 1;
    }
    if (options.paragraphs) ref.paragraph = paragraph;
    const level = /^\s{0,3}(#{1,6})\s/u.exec(raw)?.[1]?.length;
    const emphasis = level ? `h${level}` : WHOLE_BOLD.test(raw) ? 'bold' : null;
    lines.push({
      raw,
      text: plain,
      isBullet: isBulletLine(raw),
      isEmphasised: emphasis !== null,
      emphasis,
      ref,
    });
  });
  return lines;
}

const CONTINUES_AFTER =
  /(?:[-\u2013\u2014,(&/]|\b(?:and|or|of|to|for|in|with|the|a|an|und|et|y|de|der|die|das|la|le|el))$/iu;
const CONTINUATION_START = /^[\p{Ll}),;:.%]/u;
// "61% to 78%" wrapped from a bullet: a line that starts with a number continues one only if it holds no year, so a
// dates line ("2019 – 2022") after a bullet still opens the next entry.
const NUMBER_START = /^\d/u;
const HAS_YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/u;

/** "sofia@example.se | Stockholm" under a name starts in lower case, but is a contact line of its own. */
function startsWithContact(text: string): boolean {
  const first = text.split(/\s/u, 1)[0] ?? '';
  return findEmails(first).length > 0 || findUrls(first).length > 0;
}

function unbalanced(text: string): boolean {
  return (text.match(/\(/gu) ?? []).length > (text.match(/\)/gu) ?? []).length;
}

/**
 * Joins lines that a layout wrapped (PDF text, plain text exported from a word processor): a line that starts in
 * lower case or with closing punctuation, or that follows a line ending in a dash, a comma, an open bracket or a
 * joining word, continues the line before. A bullet, a heading or bold line never continues anything, nor does a line
 * that opens with an email address or a link (the contact line under a name). The joined
 * line keeps the provenance of its first line.
 */
export function joinWrappedLines(lines: SourceLine[]): SourceLine[] {
  const joined: SourceLine[] = [];
  for (const line of lines) {
    const previous = joined[joined.length - 1];
    const continues =
      previous !== undefined &&
      !line.isBullet &&
      !line.isEmphasised &&
      !previous.isEmphasised &&
      line.ref.line === (previous.ref.endLine ?? previous.ref.line) + 1 &&
      ((CONTINUATION_START.test(line.text) && !startsWithContact(line.text)) ||
        (NUMBER_START.test(line.text) && !HAS_YEAR.test(line.text) && previous.isBullet) ||
        CONTINUES_AFTER.test(previous.text) ||
        unbalanced(previous.text));
    if (continues) {
      joined[joined.length - 1] = {
        ...previous,
        raw: `${previous.raw.trimEnd()} ${line.raw.trim()}`,
        text: `${previous.text} ${line.text}`,
        ref: { ...previous.ref, endLine: line.ref.line, text: `${previous.ref.text} ${line.ref.text}`.slice(0, 2000) },
      };
    } else {
      joined.push(line);
    }
  }
  return joined;
}
