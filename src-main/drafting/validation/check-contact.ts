import type { CandidateProfile, DraftKind, ValidationFinding } from '@contract';
import { findEmails, findPhones, phoneDigits } from '../text/contact';
import { containsKey, matchKey } from '../text/fold';

/** The draft carries the candidate's name and contact details, and no email or phone that is not theirs. */
export function checkContact(
  kind: DraftKind,
  markdown: string,
  profile: CandidateProfile,
  sourceText: string,
): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  const emails = findEmails(markdown);
  const phones = findPhones(markdown);
  const knownEmails = new Set(
    [...findEmails(sourceText), profile.email ?? ''].map((e) => e.toLowerCase()).filter(Boolean),
  );
  const knownPhones = new Set([...findPhones(sourceText), profile.phone ?? ''].map(phoneDigits).filter(Boolean));

  for (const email of emails) {
    if (!knownEmails.has(email.toLowerCase())) {
      findings.push({
        severity: 'error',
        kind: 'contact_info',
        message: `The email ${email} is not the candidate's.`,
        evidence: email,
      });
    }
  }
  for (const phone of phones) {
    const digits = phoneDigits(phone);
    const known = [...knownPhones].some((k) => k.endsWith(digits.slice(-9)) || digits.endsWith(k.slice(-9)));
    if (!known)
      findings.push({
        severity: 'error',
        kind: 'contact_info',
        message: `The phone number ${phone} is not the candidate's.`,
        evidence: phone,
      });
  }
  if (emails.length === 0 && phones.length === 0) {
    findings.push({
      severity: kind === 'cv' ? 'error' : 'warning',
      kind: 'contact_info',
      message: `The ${kind === 'cv' ? 'CV' : 'letter'} has no email address or phone number.`,
    });
  }
  if (!containsKey(matchKey(markdown), matchKey(profile.name))) {
    findings.push({
      severity: 'warning',
      kind: 'contact_info',
      message: `The candidate's name (${profile.name}) does not appear in the draft.`,
    });
  }
  return findings;
}
