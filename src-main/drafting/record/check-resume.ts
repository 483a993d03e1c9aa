import { createRequire } from 'node:module';

// `require` returns module.exports: what the default import of this CommonJS package is.
type ResumeSchemaPackage = typeof import('@jsonresume/schema').default;
let resumeSchemaPackage: ResumeSchemaPackage | null = null;

/**
 * Checks a value against the JSON Resume schema that @jsonresume/schema ships (with that package's own
 * validator). Returns the problems as "path: message" lines; empty when the resume is valid. The package (and
 * its validator) is required by the first check, not at start-up.
 */
export function resumeSchemaProblems(resume: unknown): string[] {
  resumeSchemaPackage ??= createRequire(__filename)('@jsonresume/schema') as ResumeSchemaPackage;
  let problems: string[] = [];
  resumeSchemaPackage.validate(resume, (errors) => {
    problems = (errors ?? []).map((e) => `${e.property.replace(/^instance\.?/u, '') || 'resume'}: ${e.message}`);
  });
  return problems;
}
