import type { z } from 'zod';

const MAX_ISSUES = 12;

/** One readable line per zod issue ("salary.currency: Invalid string…"), capped so prompts stay short. */
export function summariseIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  const lines = issues.slice(0, MAX_ISSUES).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    return `${path}: ${issue.message}`;
  });
  if (issues.length > MAX_ISSUES) lines.push(`… and ${issues.length - MAX_ISSUES} more`);
  return lines;
}
