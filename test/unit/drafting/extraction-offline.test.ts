import { describe, expect, it } from 'vitest';
import { jobFieldsSchema } from '@contract';
import { extractJobFieldsOffline } from '../../../src-main/drafting/builtin/extract-job-fields';
import { htmlToPlainText } from '../../../src-main/drafting/inputs/extract-text';
import { example, fixture } from './helpers';

describe('offline job extraction', () => {
  it('reads the backend posting (plain text)', () => {
    const job = extractJobFieldsOffline(example('job-backend.txt'));
    expect(jobFieldsSchema.parse(job)).toEqual(job);
    expect(job.title).toContain('Senior Backend Engineer');
    expect(job.company).toBe('Northwind Logistics');
    expect(job.location).toBe('Berlin, Germany');
    expect(job.workMode).toBe('hybrid');
    expect(job.employmentType).toBe('full_time');
    expect(job.seniority).toBe('senior');
    expect(job.salary).toEqual({ min: 70_000, max: 85_000, currency: 'EUR', period: 'year' });
    expect(job.mustHaveSkills).toEqual(expect.arrayContaining(['Go', 'PostgreSQL', 'Kafka', 'Kubernetes', 'AWS']));
    expect(job.niceToHaveSkills).toEqual(['Terraform', 'gRPC', 'Rust']);
    expect(job.responsibilities).toContain('Design, build and operate high-throughput services in Go');
    expect(job.requirements).toHaveLength(5);
    expect(job.language).toBe('en');
  });

  it('reads the data posting (HTML)', () => {
    const job = extractJobFieldsOffline(htmlToPlainText(example('job-data.html')));
    expect(job.title).toBe('Data Engineer');
    expect(job.company).toBe('Helio Health');
    expect(job.workMode).toBe('remote');
    expect(job.employmentType).toBe('full_time');
    expect(job.seniority).toBe('mid');
    expect(job.salary).toEqual({ min: 120_000, max: 150_000, currency: 'USD', period: 'year' });
    expect(job.mustHaveSkills).toEqual(['Python', 'SQL', 'Airflow', 'Apache Spark', 'dbt']);
    expect(job.niceToHaveSkills).toEqual(expect.arrayContaining(['Kafka', 'Snowflake']));
    expect(job.responsibilities).toHaveLength(4);
  });

  it('reads the text shown in the frontend posting image', () => {
    const job = extractJobFieldsOffline(fixture('job-frontend.txt'));
    expect(job.title).toContain('Frontend Engineer');
    expect(job.company).toBe('Lumen Studio');
    expect(job.location).toBe('Amsterdam, Netherlands');
    expect(job.workMode).toBe('onsite');
    expect(job.salary).toEqual({ min: 55_000, max: 68_000, currency: 'EUR', period: 'year' });
    expect(job.mustHaveSkills).toEqual(expect.arrayContaining(['React', 'TypeScript', 'CSS', 'Jest']));
    expect(job.niceToHaveSkills).toEqual(expect.arrayContaining(['Next.js', 'GraphQL']));
  });

  it('extracts the posting with an injected instruction like any other posting', () => {
    const job = extractJobFieldsOffline(example('job-injection.txt'));
    expect(job.title).toBe('Product Analyst');
    expect(job.company).toBe('Quillfeather Books');
    expect(job.location).toBe('London, United Kingdom');
    expect(job.workMode).toBe('onsite');
    expect(job.salary).toEqual({ min: 45_000, max: 55_000, currency: 'GBP', period: 'year' });
    expect(job.mustHaveSkills).toEqual(expect.arrayContaining(['SQL', 'Python', 'Tableau']));
    expect(job.niceToHaveSkills).toContain('Looker');
  });

  it.each([
    ['Salary: €60,000–75,000 a year', { min: 60_000, max: 75_000, currency: 'EUR', period: 'year' }],
    ['Pay: $120k-$150k', { min: 120_000, max: 150_000, currency: 'USD', period: 'year' }],
    ['Gehalt: 60.000 - 75.000 EUR brutto pro Jahr', { min: 60_000, max: 75_000, currency: 'EUR', period: 'year' }],
    ['Rate: £450–£550 per day', { min: 450, max: 550, currency: 'GBP', period: 'day' }],
    ['Compensation: up to CHF 140,000', { min: null, max: 140_000, currency: 'CHF', period: 'year' }],
    ['Salary: 60-75k', { min: 60_000, max: 75_000, currency: null, period: 'year' }],
  ])('parses the salary in "%s"', (line, salary) => {
    expect(extractJobFieldsOffline(`Backend Engineer\nAcme\n\n${line}`).salary).toEqual(salary);
  });

  it('detects German and French postings', () => {
    const german =
      'Backend-Entwickler (m/w/d)\n\nIhre Aufgaben\n- Sie entwickeln die Dienste mit Go und betreiben sie auf Kubernetes\n- Wir sind ein Team, das für die Plattform zuständig ist';
    const french =
      'Développeur Backend\n\nVos missions\n- Vous développez les services de la plateforme avec nous et une équipe pour le produit';
    expect(extractJobFieldsOffline(german).language).toBe('de');
    expect(extractJobFieldsOffline(french).language).toBe('fr');
  });

  it('is deterministic', () => {
    const text = example('job-backend.txt');
    expect(JSON.stringify(extractJobFieldsOffline(text))).toBe(JSON.stringify(extractJobFieldsOffline(text)));
  });
});
