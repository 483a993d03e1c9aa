import { describe, expect, it } from 'vitest';
import { findDuplicate, sourceHash } from '../../../src-main/drafting/service/duplicate-candidates';
import type { CandidateIdentity } from '../../../src-main/drafting/store/candidates-repo';

const row = (over: Partial<CandidateIdentity>): CandidateIdentity => ({
  id: 'c1',
  name: 'Zoë Ångström-Novák',
  email: 'zoe.angstrom@example.com',
  sourceFileName: 'zoe.pdf',
  sourceHash: sourceHash('stored text'),
  createdAt: 1,
  ...over,
});

describe('findDuplicate', () => {
  it('matches the same person whatever the case, accents, spacing and punctuation of name and email', () => {
    const match = findDuplicate([row({})], {
      name: '  ZOE   Angstrom Novak ',
      email: 'ZOË.Angstrom@Example.COM',
      sourceHash: sourceHash('other text'),
    });
    expect(match).toMatchObject({ id: 'c1', reasons: ['same_person'] });
  });

  it('a namesake with another email, or one with an email against one without, is another person', () => {
    const incoming = { name: 'Zoë Ångström-Novák', sourceHash: sourceHash('other text') };
    expect(findDuplicate([row({})], { ...incoming, email: 'zoe@elsewhere.example' })).toBeNull();
    expect(findDuplicate([row({ email: null })], { ...incoming, email: 'zoe.angstrom@example.com' })).toBeNull();
    expect(findDuplicate([row({ email: null })], { ...incoming, email: null })).toMatchObject({
      reasons: ['same_person'],
    });
  });

  it('matches the same file by its text, and prefers a match on both reasons, then the newest', () => {
    const stored = [
      row({ id: 'newest-person', sourceHash: sourceHash('v2'), createdAt: 3 }),
      row({ id: 'same-file-other-name', name: 'Renamed', sourceHash: sourceHash('v1'), createdAt: 2 }),
      row({ id: 'both', sourceHash: sourceHash('v1'), createdAt: 1 }),
    ];
    const incoming = { name: 'Zoë Ångström-Novák', email: 'zoe.angstrom@example.com', sourceHash: sourceHash('v1') };
    expect(findDuplicate(stored, incoming)).toMatchObject({ id: 'both', reasons: ['same_file', 'same_person'] });
    expect(findDuplicate(stored.slice(0, 2), incoming)).toMatchObject({
      id: 'same-file-other-name',
      reasons: ['same_file'],
    });
    expect(findDuplicate(stored.slice(0, 1), incoming)).toMatchObject({
      id: 'newest-person',
      reasons: ['same_person'],
    });
  });
});
