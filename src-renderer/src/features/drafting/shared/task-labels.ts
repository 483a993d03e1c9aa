const TASK_LABELS: Record<string, string> = {
  extraction: 'Posting extraction',
  cv_draft: 'CV draft',
  cover_letter: 'Cover letter',
  validation: 'Validation',
};

export function taskLabel(task: string): string {
  return TASK_LABELS[task] ?? task;
}
