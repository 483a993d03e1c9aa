import type { FindingKind, FindingSeverity } from '@contract';

export const SEVERITY: Record<FindingSeverity, { title: string; color: string }> = {
  error: { title: 'Errors', color: 'red' },
  warning: { title: 'Warnings', color: 'yellow' },
  info: { title: 'Notes', color: 'blue' },
};

export const KIND_LABELS: Record<FindingKind, string> = {
  unsupported_claim: 'Unsupported claim',
  missing_must_have: 'Missing must-have',
  missing_section: 'Missing section',
  length: 'Length',
  contact_info: 'Contact details',
  ats_formatting: 'ATS formatting',
  judgement: 'Reviewer note',
};

export function scoreColor(score: number): string {
  if (score >= 80) return 'teal';
  if (score >= 60) return 'yellow';
  return 'red';
}
