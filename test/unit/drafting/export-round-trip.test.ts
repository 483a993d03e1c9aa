import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src-main/errors';
import { draftOffline } from '../../../src-main/drafting/builtin/draft-offline';
import { extractJobFieldsOffline } from '../../../src-main/drafting/builtin/extract-job-fields';
import { exportDraft } from '../../../src-main/drafting/export/export-draft';
import {
  docxWords,
  draftWords,
  lostCharacters,
  measureExportLoss,
  pdfWords,
} from '../../../bench/drafting-eval/export-loss';
import { example, exampleCandidate } from './helpers';

const UNICODE_CV = `# Łukasz Dvořák

Kraków · łukasz@example.pl · +48 600 100 200

## Experience

### Senior Engineer — Škoda Digital, Mladá Boleslav (2019 – 2024)

- Cut build times by 40 % for 120 engineers → saved €180,000 a year
- Worked with Αλέξης Παπαδόπουλος (Αθήνα) and Дмитрий Шостакович (Москва)
- Led the Ærø, Øresund and Smørrebrød projects; Nguyễn Thị Minh Khai; Ğ ş ı İ; ĳ ŉ
- Symbols: “quotes”, ‘single’, – — … • ≤ ≥ ≠ ± × ÷ ½ ¾ ™ © ® § ¶ ° µ ₴ ₽ ₺ ₹

## Languages

Polski, Čeština, Ελληνικά, Русский, Українська, Српски
`;

const { profile } = exampleCandidate();
const job = extractJobFieldsOffline(example('job-backend.txt'));
const DRAFTS: [string, string][] = [
  ['the offline CV', draftOffline('cv', profile, job).markdown],
  ['the offline cover letter', draftOffline('cover_letter', profile, job).markdown],
  ['a CV in Polish, Czech, Greek, Cyrillic and Vietnamese', UNICODE_CV],
];

// Every exported PDF and DOCX is read back with pdftotext and mammoth and compared with the draft, character by character.
describe('export round trip: the text read back from the file is the draft', () => {
  it.each(DRAFTS)('PDF of %s loses no character and changes none', async (_, markdown) => {
    const pdf = await exportDraft(markdown, 'pdf', { createdAt: new Date(0) });
    const expected = draftWords(markdown);
    const actual = pdfWords(pdf);
    expect(lostCharacters(expected, actual)).toEqual([]);
    expect(actual).toBe(expected);
  });

  it.each(DRAFTS)('DOCX of %s loses no character and changes none', async (_, markdown) => {
    const docx = await exportDraft(markdown, 'docx', {});
    expect(await docxWords(docx)).toBe(draftWords(markdown));
  });

  it('embeds the shipped Unicode font, not the standard Helvetica', async () => {
    const pdf = await exportDraft(UNICODE_CV, 'pdf', { createdAt: new Date(0) });
    const fonts = execFileSync('pdffonts', ['-'], { input: pdf, encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans/u);
    expect(fonts).not.toMatch(/Helvetica/u);
  });
});

describe('characters no embedded font covers', () => {
  async function refusal(markdown: string): Promise<{ message: string; characters: unknown }> {
    const error: unknown = await exportDraft(markdown, 'pdf').then(
      () => null,
      (e: unknown) => e,
    );
    if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
    expect(error.code).toBe('invalid_input');
    return { message: error.message, characters: error.details?.characters };
  }

  it('refuses Japanese and Chinese, naming each character, instead of dropping them', async () => {
    const { message, characters } = await refusal('# 山田 太郎\n\n- Worked in 東京 with Łukasz');
    expect(characters).toEqual(['山', '田', '太', '郎', '東', '京']);
    expect(message).toContain('"山" (U+5C71)');
    expect(message).toMatch(/Export as DOCX or Markdown/u);
  });

  it('refuses Hebrew and Arabic, which would print reversed, naming them', async () => {
    const { message, characters } = await refusal('# דוד לוי\n\nسارة');
    expect(characters).toEqual(['ד', 'ו', 'ל', 'י', 'س', 'ا', 'ر', 'ة']);
    expect(message).toMatch(/Right-to-left text \(Hebrew, Arabic\)/u);
  });

  it('keeps those characters in DOCX and Markdown exports', async () => {
    const markdown = '# 山田 太郎 — דוד לוי — سارة 🎉\n';
    expect((await exportDraft(markdown, 'md')).toString('utf8')).toBe(markdown);
    expect(await docxWords(await exportDraft(markdown, 'docx'))).toBe(draftWords(markdown));
  });
});

describe('the export measurement of npm run eval:drafting', () => {
  it('counts a refusal that names the characters apart from lost characters', async () => {
    const result = await measureExportLoss([
      { name: 'unicode CV', markdown: UNICODE_CV },
      { name: 'Japanese name', markdown: '# 山田 太郎\n\n- Worked with Łukasz' },
    ]);
    expect(result).toEqual({
      exports: 4,
      lost: 0,
      losses: [],
      refusals: ['Japanese name (PDF): 山 田 太 郎'],
    });
  });
});
