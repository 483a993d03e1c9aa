import { describe, expect, it } from 'vitest';
import { validationReportSchema, type JobFields, type ValidationFinding } from '@contract';
import { draftOffline } from '../../../src-main/drafting/builtin/draft-offline';
import { extractJobFieldsOffline } from '../../../src-main/drafting/builtin/extract-job-fields';
import { candidateFromText } from '../../../src-main/drafting/inputs/read-candidate';
import { mergeJudgement } from '../../../src-main/drafting/validation/merge-judgement';
import { validateDraft } from '../../../src-main/drafting/validation/validate-draft';
import { example, exampleCandidate } from './helpers';

const { profile, sourceText } = exampleCandidate();
const job: JobFields = extractJobFieldsOffline(example('job-backend.txt'));
const cv = draftOffline('cv', profile, job).markdown;
const letter = draftOffline('cover_letter', profile, job).markdown;

function claims(kind: 'cv' | 'cover_letter', markdown: string, source = sourceText): ValidationFinding[] {
  return validateDraft({ kind, markdown, profile, sourceText: source, job }).findings.filter(
    (f) => f.kind === 'unsupported_claim',
  );
}

function messages(findings: ValidationFinding[]): string {
  return findings.map((f) => f.message).join('\n');
}

describe('unsupported claims', () => {
  it('flags an invented employer, title and dates in the Experience section', () => {
    const invented = cv.replace(
      '## Education',
      '### Staff Engineer — Globex Corporation\n\nSan Francisco · 2012 – 2015\n\n- Led the platform team\n\n## Education',
    );
    const found = claims('cv', invented);
    expect(found.every((f) => f.severity === 'error')).toBe(true);
    expect(messages(found)).toContain('"Globex Corporation"');
    expect(messages(found)).toContain('"Staff Engineer"');
    expect(messages(found)).toContain('"2012 – 2015"');
    expect(found.find((f) => f.message.includes('Globex'))?.evidence).toContain('Globex Corporation');
  });

  it('flags an invented degree and school', () => {
    const invented = cv.replace(
      '## Certifications',
      '- PhD in Machine Learning — Stanford University (2016–2019)\n\n## Certifications',
    );
    const text = messages(claims('cv', invented));
    expect(text).toContain('"PhD in Machine Learning"');
    expect(text).toContain('"Stanford University"');
    expect(text).toContain('"2016–2019"');
  });

  it('flags a real degree with an invented field, and a different degree level', () => {
    expect(messages(claims('cv', `${cv}\n- MSc in Data Science — Technical University of Denmark\n`))).toContain(
      '"MSc in Data Science"',
    );
    expect(messages(claims('cv', `${cv}\nI also hold an MBA.\n`))).toContain('"MBA"');
  });

  it('flags employers and titles invented in running text', () => {
    const invented = letter.replace(
      'Kind regards,',
      'Before that, I worked at Initech Ltd as a Lead Developer, and as Principal Architect at Hooli I shipped a new API.\n\nKind regards,',
    );
    const text = messages(claims('cover_letter', invented));
    expect(text).toContain('"Initech Ltd"');
    expect(text).toContain('"Lead Developer"');
    expect(text).toContain('"Principal Architect"');
    expect(text).toContain('"Hooli"');
  });

  it('accepts the target company and role, and real facts written differently', () => {
    const variant = [
      cv,
      '## Experience',
      '### Sr. Backend Engineer — Brightwave Analytics',
      'Apr 2021 - present',
      '## Education',
      '- Bachelor of Science in Software Engineering, AARHUS UNIVERSITY, 2010 - 2013',
      '## Notes',
      'Worked at Nordlicht Payments (2018 – 2021). I would love to join Northwind Logistics as Senior Backend Engineer at Northwind Logistics.',
    ].join('\n\n');
    expect(claims('cv', variant)).toEqual([]);
    // The same text with a misspelt employer is caught, so the check above is not vacuous.
    const misspelt = messages(
      claims('cv', variant.replace('Worked at Nordlicht', 'Worked at Nordlich').replace('— Brightwave', '— Brightwav')),
    );
    expect(misspelt).toContain('"Brightwav Analytics');
    expect(misspelt).toContain('"Nordlich Payments"');
  });

  it('compares names without case or diacritics', () => {
    const source = [
      'Zoë Müller',
      'zoe@example.com',
      '',
      'Experience',
      'Ingénieure logicielle — Société Générale (2017–2020)',
      '- Built things',
      '',
      'Education',
      '- MSc Informatik — Universität Zürich (2015–2017)',
    ].join('\n');
    const parsed = candidateFromText(source);
    expect(parsed.experience).toMatchObject([{ title: 'Ingénieure logicielle', employer: 'Société Générale' }]);
    const draft = [
      '# Zoe Muller',
      'zoe@example.com',
      '## Experience',
      '### Ingenieure Logicielle — SOCIETE GENERALE',
      '2017 – 2020',
      '- Built things',
      '## Education',
      '- MSc Informatik — Universitat Zurich (2015 - 2017)',
      '### Ingénieure logicielle — Société Fictive',
    ].join('\n\n');
    const report = validateDraft({ kind: 'cv', markdown: draft, profile: parsed, sourceText: source, job: null });
    const found = report.findings.filter((f) => f.kind === 'unsupported_claim');
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining('"Société Fictive"')]);
  });

  it('allows extra years the caller permits, such as the date on a letter', () => {
    const dated = `12 May 2031\n\n${letter}`;
    expect(messages(claims('cover_letter', dated))).toContain('"2031"');
    const report = validateDraft({
      kind: 'cover_letter',
      markdown: dated,
      profile,
      sourceText,
      job,
      allowedYears: [2031],
    });
    expect(report.findings.filter((f) => f.kind === 'unsupported_claim')).toEqual([]);
  });
});

describe('other checks and the score', () => {
  it('reports must-have coverage and explains gaps', () => {
    const report = validateDraft({ kind: 'cv', markdown: cv, profile, sourceText, job });
    expect(validationReportSchema.parse(report)).toEqual(report);
    expect(report.offline).toBe(true);
    expect(report.mustHaveCoverage.covered).toEqual(
      expect.arrayContaining(['Go', 'PostgreSQL', 'Kafka', 'Kubernetes', 'AWS']),
    );
    const withoutKafka = cv.replaceAll('Kafka', 'event streaming');
    const gap = validateDraft({ kind: 'cv', markdown: withoutKafka, profile, sourceText, job });
    expect(gap.mustHaveCoverage.missing).toContain('Kafka');
    expect(gap.findings).toContainEqual(
      expect.objectContaining({
        kind: 'missing_must_have',
        severity: 'warning',
        message: expect.stringContaining('Kafka'),
      }),
    );
    expect(gap.score).toBeLessThan(report.score);
  });

  it('finds missing sections, contact details, length and ATS problems', () => {
    const bad = [
      '# Lea Sørensen',
      '',
      'Contact: lea@other.example · +1 555 010 9999',
      '',
      '| Skill | Years |',
      '|---|---|',
      '| Go | 5 |',
      '',
      '![photo](me.png) <b>Hi</b> 🚀',
    ].join('\n');
    const report = validateDraft({ kind: 'cv', markdown: bad, profile, sourceText, job });
    const kinds = report.findings.map((f) => `${f.kind}:${f.severity}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'missing_section:warning',
        'contact_info:error',
        'length:warning',
        'ats_formatting:warning',
      ]),
    );
    expect(
      report.findings
        .filter((f) => f.kind === 'missing_section')
        .map((f) => f.message)
        .join(' '),
    ).toMatch(/Experience[\s\S]*Education[\s\S]*Skills/u);
    expect(report.findings.filter((f) => f.kind === 'ats_formatting')).toHaveLength(4);
    expect(
      report.findings
        .filter((f) => f.kind === 'contact_info')
        .map((f) => f.message)
        .join(' '),
    ).toContain('lea@other.example');
    expect(report.score).toBeLessThan(50);
    // Errors first.
    expect(report.findings[0]?.severity).toBe('error');
  });

  it('merges provider judgement as judgement findings and recomputes the score', () => {
    const local = validateDraft({ kind: 'cv', markdown: cv, profile, sourceText, job });
    const merged = mergeJudgement(local, [
      { severity: 'warning', kind: 'unsupported_claim', message: 'The summary overstates the Kafka experience.' },
      { severity: 'warning', kind: 'judgement', message: 'The summary overstates the Kafka experience.' },
    ]);
    expect(merged.offline).toBe(false);
    expect(merged.findings).toHaveLength(local.findings.length + 1);
    expect(merged.findings.at(-1)).toMatchObject({ kind: 'judgement', severity: 'warning' });
    expect(merged.score).toBeLessThan(local.score);
  });
});
