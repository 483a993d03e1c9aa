import { describe, expect, it } from 'vitest';
import type { JobFields } from '@contract';
import { extractJobFieldsOffline } from '../../../src-main/drafting/builtin/extract-job-fields';
import { mustHaveCoverage } from '../../../src-main/drafting/validation/check-must-haves';
import { mustHaveGroups } from '../../../src-main/drafting/validation/must-have-groups';

const job = (requirements: string[], mustHaveSkills: string[]) =>
  ({ requirements, mustHaveSkills }) as Pick<JobFields, 'requirements' | 'mustHaveSkills'> as JobFields;

describe('must-haves offered as alternatives are one requirement', () => {
  it('groups skills joined by "or" (or a slash, oder, ou, o) and never those joined by "and"', () => {
    const groups = mustHaveGroups(
      job(
        [
          'Hands-on experience with GCP or AWS',
          'Fluent in Go, Python or Java',
          'PostgreSQL and Kubernetes in production',
          'Kenntnisse in React oder Vue',
        ],
        ['GCP', 'AWS', 'Go', 'Python', 'Java', 'PostgreSQL', 'Kubernetes', 'React', 'Vue'],
      ),
    );
    expect(groups.map((g) => g.label)).toEqual([
      'GCP or AWS',
      'Go or Python or Java',
      'PostgreSQL',
      'Kubernetes',
      'React or Vue',
    ]);
  });

  it('a draft showing one alternative the candidate has meets the requirement; coverage counts requirements', () => {
    const posting = [
      'Platform Engineer',
      'Requirements',
      '- 3+ years with GCP or AWS',
      '- Terraform and Kubernetes',
    ].join('\n');
    const fields = extractJobFieldsOffline(posting);
    expect(fields.mustHaveSkills).toEqual(expect.arrayContaining(['Google Cloud', 'AWS', 'Terraform', 'Kubernetes']));
    const coverage = mustHaveCoverage('Ran AWS and Terraform for four teams.', fields, 'AWS, Terraform, Linux');
    expect(coverage.covered).toEqual(['Google Cloud or AWS', 'Terraform']);
    expect(coverage.missing).toEqual(['Kubernetes']);
    expect(coverage.ratio).toBe(2 / 3);
  });
});
