import type { CandidateDto } from '@contract';
import type { CandidateIdentifiers } from '../../routing/compliance/pii-masker';

const BIRTH_DATE_FIELDS = ['birthDate', 'dateOfBirth', 'birthday'];

const present = (values: readonly (string | null | undefined)[]): string[] => [
  ...new Set(values.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim())),
];

/**
 * What identifies the candidate, from the record's basics and the profile: name, emails, phones, the street address
 * (a profile location only when it has a house number), date of birth and profile URLs.
 */
export function candidateIdentifiers(
  candidate: Pick<CandidateDto, 'name' | 'profile' | 'record'>,
): CandidateIdentifiers {
  const basics = candidate.record.resume.basics ?? {};
  const loose = basics as Record<string, unknown>;
  const location = basics.location;
  const profileLocation = candidate.profile.location;
  return {
    names: present([candidate.name, candidate.profile.name, basics.name]),
    emails: present([candidate.profile.email, basics.email]),
    phones: present([candidate.profile.phone, basics.phone]),
    addresses: present([location?.address, profileLocation && /\d/u.test(profileLocation) ? profileLocation : null]),
    birthDates: present(
      BIRTH_DATE_FIELDS.map((f) => {
        const value = loose[f];
        return typeof value === 'string' ? value : null;
      }),
    ),
    urls: present([basics.url, ...(basics.profiles ?? []).map((p) => p.url), ...candidate.profile.links]),
  };
}
