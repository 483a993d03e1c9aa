import resumeSchemaPackage from '@jsonresume/schema';

/**
 * Checks a value against the JSON Resume schema that @jsonresume/schema ships (with that package's own
 * validator). Returns the problems as "path: message" lines; empty when the resume is valid.
 */
export function resumeSchemaProblems(resume: unknown): string[] {
  let problems: string[] = [];
  resumeSchemaPackage.validate(resume, (errors) => {
    problems = (errors ?? []).map((e) => `${e.property.replace(/^instance\.?/u, '') || 'resume'}: ${e.message}`);
  });
  return problems;
}
