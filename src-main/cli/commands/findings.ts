import type { ValidationReport } from '@contract';

/** Exit status of `validate` and `draft` when a finding has severity error (usage errors exit 2). */
export const EXIT_ERROR_FINDINGS = 1;

export const EXIT_STATUS_HELP = `
Exit status:
  0  no finding has severity error
  1  at least one finding has severity error (or the command failed)
  2  usage error (bad option, unreadable file)`;

export function errorFindings(report: ValidationReport): number {
  return report.findings.filter((f) => f.severity === 'error').length;
}

/** One line a finding, under a score line: what `validate` prints and `draft` prints on stderr. */
export function findingLines(report: ValidationReport): string[] {
  const coverage = `must-haves covered: ${Math.round(report.mustHaveCoverage.ratio * 100)}%`;
  return [
    report.claimsChecked
      ? `Score: ${report.score}/100 (${coverage})`
      : `Score: ${report.score}/100 for form and coverage only; claims NOT checked (no --candidate given) (${coverage})`,
    ...report.findings.map((f) => `  ${f.severity.toUpperCase().padEnd(7)} ${f.kind}: ${f.message}`),
  ];
}
