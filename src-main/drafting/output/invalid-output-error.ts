/** A model answer that is not the JSON the task asked for; `issues` feed the one repair attempt. */
export class InvalidOutputError extends Error {
  readonly code = 'invalid_output' as const;
  readonly issues: string[];
  readonly rawText: string;

  constructor(issues: string[], rawText: string) {
    super(`The model's answer is not valid: ${issues.join('; ')}`);
    this.name = 'InvalidOutputError';
    this.issues = issues;
    this.rawText = rawText;
  }
}
