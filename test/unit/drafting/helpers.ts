import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { candidateProfileSchema, type CandidateProfile } from '@contract';
import { profileToText } from '../../../src-main/drafting/inputs/profile-to-text';

export const ROOT = join(__dirname, '..', '..', '..');
export const EXAMPLES = join(ROOT, 'examples');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'drafting');

export function example(name: string): string {
  return readFileSync(join(EXAMPLES, name), 'utf8');
}

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function exampleCandidate(): { profile: CandidateProfile; sourceText: string } {
  const profile = candidateProfileSchema.parse(JSON.parse(example('candidate.json')));
  return { profile, sourceText: profileToText(profile) };
}
