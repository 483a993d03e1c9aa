/** Who filled the posting's fields: a provider's name, the offline rules, or the recruiter. */
export function extractedByLabel(extractedBy: string | null): string | null {
  if (extractedBy === null) return null;
  if (extractedBy === 'builtin') return 'offline rules';
  if (extractedBy === 'edited') return 'you (edited by hand)';
  return extractedBy;
}
