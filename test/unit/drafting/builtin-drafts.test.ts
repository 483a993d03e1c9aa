import { describe, expect, it } from 'vitest';
import { draftOutputSchema } from '@contract';
import { draftOffline } from '../../../src-main/drafting/builtin/draft-offline';
import { extractJobFieldsOffline } from '../../../src-main/drafting/builtin/extract-job-fields';
import { htmlToPlainText } from '../../../src-main/drafting/inputs/extract-text';
import { candidateFromText } from '../../../src-main/drafting/inputs/read-candidate';
import { validateDraft } from '../../../src-main/drafting/validation/validate-draft';
import { countWords } from '../../../src-main/drafting/text/words';
import { example, exampleCandidate } from './helpers';

const POSTINGS = {
  backend: () => extractJobFieldsOffline(example('job-backend.txt')),
  data: () => extractJobFieldsOffline(htmlToPlainText(example('job-data.html'))),
  injection: () => extractJobFieldsOffline(example('job-injection.txt')),
};
const EMPLOYERS = ['Brightwave Analytics GmbH', 'Nordlicht Payments', 'Fjordline Software ApS'];

describe('builtin drafter', () => {
  const { profile, sourceText } = exampleCandidate();

  it.each(Object.keys(POSTINGS) as (keyof typeof POSTINGS)[])(
    'writes a CV for the %s posting from the profile only',
    (name) => {
      const job = POSTINGS[name]();
      const draft = draftOffline('cv', profile, job);
      expect(draftOutputSchema.parse(draft)).toEqual(draft);
      expect(draft.offline).toBe(true);
      expect(draft.note).toMatch(/offline/iu);
      expect(draft.markdown).not.toMatch(/offline/iu);
      expect(draft.markdown.startsWith('# Lea Sørensen\n')).toBe(true);
      for (const employer of EMPLOYERS) expect(draft.markdown).toContain(employer);
      for (const heading of ['## Summary', '## Skills', '## Experience', '## Education'])
        expect(draft.markdown).toContain(heading);
      expect(draft.markdown.indexOf('## Skills')).toBeLessThan(draft.markdown.indexOf('## Experience'));
      expect(draft.markdown.indexOf('## Experience')).toBeLessThan(draft.markdown.indexOf('## Education'));

      const report = validateDraft({ kind: 'cv', markdown: draft.markdown, profile, sourceText, job });
      expect(report.findings.filter((f) => f.kind === 'unsupported_claim')).toEqual([]);
      expect(report.findings.filter((f) => f.kind === 'contact_info' || f.kind === 'ats_formatting')).toEqual([]);
    },
  );

  it.each(Object.keys(POSTINGS) as (keyof typeof POSTINGS)[])('writes a cover letter for the %s posting', (name) => {
    const job = POSTINGS[name]();
    const draft = draftOffline('cover_letter', profile, job);
    expect(draft.offline).toBe(true);
    expect(draft.markdown).toContain('Lea Sørensen');
    expect(draft.markdown).toContain(job.company ?? 'missing company');
    expect(draft.markdown).toContain(job.title ?? 'missing title');
    // The current employer is named; any other employer named is one of the candidate's.
    expect(draft.markdown).toContain('I currently work as Senior Backend Engineer at Brightwave Analytics GmbH');
    const named = draft.markdown.match(/\bas [^.;:]+? at ([^,(.:;]+?) \(/gu) ?? [];
    expect(named.length).toBeGreaterThan(0);
    for (const match of named)
      expect(
        EMPLOYERS.some((e) => match.includes(e)),
        match,
      ).toBe(true);
    const words = countWords(draft.markdown);
    expect(words).toBeGreaterThanOrEqual(200);
    expect(words).toBeLessThanOrEqual(450);

    const report = validateDraft({ kind: 'cover_letter', markdown: draft.markdown, profile, sourceText, job });
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('puts the skills the posting asks for first, and claims none the candidate lacks', () => {
    const job = POSTINGS.backend();
    const cv = draftOffline('cv', profile, job).markdown;
    const mostRelevant = /\*\*Most relevant:\*\* (.*)/u.exec(cv)?.[1]?.split(', ') ?? [];
    expect(mostRelevant.slice(0, 6)).toEqual(['Go', 'PostgreSQL', 'SQL', 'Kafka', 'Kubernetes', 'AWS']);
    expect(cv).not.toContain('Rust');
    const letter = draftOffline('cover_letter', profile, POSTINGS.injection()).markdown;
    expect(letter).not.toContain('Tableau');
    expect(letter).not.toMatch(/system prompt|ignore previous/iu);
  });

  it('orders bullets by relevance to the posting', () => {
    const data = draftOffline('cv', profile, POSTINGS.data()).markdown;
    const fjordline = data.slice(data.indexOf('Fjordline Software ApS'));
    expect(fjordline.indexOf('Developed Python and Django')).toBeLessThan(fjordline.indexOf('Maintained the CI/CD'));
  });

  it('works from a parsed CV text too, and the validator agrees with the CV text as source', () => {
    const cvText = example('candidate-cv.md');
    const parsed = candidateFromText(cvText);
    const job = POSTINGS.backend();
    for (const kind of ['cv', 'cover_letter'] as const) {
      const draft = draftOffline(kind, parsed, job);
      const report = validateDraft({ kind, markdown: draft.markdown, profile: parsed, sourceText: cvText, job });
      expect(report.findings.filter((f) => f.kind === 'unsupported_claim')).toEqual([]);
    }
  });

  it('is deterministic', () => {
    const job = POSTINGS.backend();
    for (const kind of ['cv', 'cover_letter'] as const) {
      expect(draftOffline(kind, profile, job)).toEqual(
        draftOffline(kind, structuredClone(profile), structuredClone(job)),
      );
    }
    const report = () =>
      validateDraft({ kind: 'cv', markdown: draftOffline('cv', profile, job).markdown, profile, sourceText, job });
    expect(report()).toEqual(report());
  });

  it('copes with a sparse profile and a posting without company or title', () => {
    const sparse = candidateFromText('Sam Doe\nsam@example.com');
    const job = extractJobFieldsOffline('We need help.');
    const cv = draftOffline('cv', sparse, job).markdown;
    const letter = draftOffline('cover_letter', sparse, job).markdown;
    expect(cv).toContain('# Sam Doe');
    expect(letter).toContain('Dear hiring team,');
    expect(letter).toContain('Sam Doe');
  });
});
