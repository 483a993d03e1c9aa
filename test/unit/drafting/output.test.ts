import { describe, expect, it } from 'vitest';
import type { JobFields } from '@contract';
import { InvalidOutputError } from '../../../src-main/drafting/output/invalid-output-error';
import { parseExtraction } from '../../../src-main/drafting/output/parse-extraction';
import { parseJudgement } from '../../../src-main/drafting/output/parse-judgement';
import { buildRepairPrompt } from '../../../src-main/drafting/output/repair-prompt';

const FIELDS: JobFields = {
  title: 'Data Engineer',
  company: 'Helio Health',
  location: 'Remote',
  workMode: 'remote',
  employmentType: 'full_time',
  seniority: 'mid',
  salary: { min: 120000, max: 150000, currency: 'USD', period: 'year' },
  mustHaveSkills: ['Python', 'SQL'],
  niceToHaveSkills: [],
  responsibilities: ['Build pipelines'],
  requirements: ['3+ years of Python'],
  language: 'en',
};

describe('parseExtraction', () => {
  it('accepts bare JSON, ```json fences and surrounding prose', () => {
    const json = JSON.stringify(FIELDS);
    for (const text of [
      json,
      `\`\`\`json\n${json}\n\`\`\``,
      `Here are the fields:\n\`\`\`\n${json}\n\`\`\`\nDone.`,
      `Sure! ${json}`,
    ]) {
      expect(parseExtraction(text)).toEqual({ ok: true, value: FIELDS });
    }
  });

  it('rejects broken JSON with a typed error', () => {
    const outcome = parseExtraction('```json\n{"title": "Data Engineer",\n```');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toBeInstanceOf(InvalidOutputError);
    expect(outcome.error.code).toBe('invalid_output');
    expect(outcome.error.issues[0]).toMatch(/not valid JSON/u);
  });

  it('rejects an answer without JSON', () => {
    const outcome = parseExtraction('I cannot help with that.');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.issues).toEqual(['(root): the answer contains no JSON object']);
  });

  it('summarises schema violations by path', () => {
    const bad = {
      ...FIELDS,
      workMode: 'sometimes',
      salary: { ...FIELDS.salary, currency: 'dollars' },
      language: undefined,
    };
    const outcome = parseExtraction(JSON.stringify(bad));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const paths = outcome.error.issues.map((i) => i.split(':')[0]);
    expect(paths).toEqual(expect.arrayContaining(['workMode', 'salary.currency', 'language']));
    expect(outcome.error.rawText).toContain('sometimes');
  });

  it('builds a repair prompt with the fenced bad answer, the issues and the schema', () => {
    const outcome = parseExtraction(JSON.stringify({ ...FIELDS, workMode: 'sometimes' }));
    if (outcome.ok) throw new Error('expected failure');
    const prompt = buildRepairPrompt(outcome.error.rawText, outcome.error.issues);
    expect(prompt.userText).toMatch(/<<<BEGIN INVALID_ANSWER_[0-9a-f]{16}>>>/u);
    expect(prompt.userText).toContain('- workMode:');
    expect(prompt.userText).toContain('"mustHaveSkills"');
    expect(prompt.jsonSchema.name).toBe('job_fields');
    expect(prompt.system).toMatch(/only the corrected JSON/iu);
  });
});

describe('parseJudgement', () => {
  it('turns provider findings into judgement findings', () => {
    const outcome = parseJudgement(
      '```json\n{"findings":[{"severity":"warning","message":"Summary is generic.","evidence":null},{"severity":"error","message":"Overstates Kafka.","evidence":"expert in Kafka"}]}\n```',
    );
    expect(outcome).toEqual({
      ok: true,
      value: [
        { severity: 'warning', kind: 'judgement', message: 'Summary is generic.' },
        { severity: 'error', kind: 'judgement', message: 'Overstates Kafka.', evidence: 'expert in Kafka' },
      ],
    });
  });
});
