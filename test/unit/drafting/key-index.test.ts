import { describe, expect, it } from 'vitest';
import { containsKey, matchKey } from '../../../src-main/drafting/text/fold';
import { KeyIndex, KeySet } from '../../../src-main/drafting/text/key-index';

const SOURCE = matchKey('Senior Engineer at Acme Robotics GmbH (2019–2022). Led the R&D team; CI/CD with Node.js.');

describe('KeyIndex answers like containsKey on the whole source', () => {
  const index = new KeyIndex(SOURCE);
  const needles = [
    'acme',
    'acme robotics',
    'robotics gmbh',
    'acme gmbh',
    'r&d',
    'ci/cd',
    'node js',
    'node',
    'engine',
    'senior engineer at',
    'team ci/cd',
    '2019 2022',
    'led the r&d team ci/cd with node js',
    'js node',
    '',
  ];
  for (const needle of needles) {
    it(`"${needle}"`, () => {
      expect(index.has(needle)).toBe(containsKey(SOURCE, needle));
    });
  }
});

describe('KeySet finds the keys a text names, whole words only', () => {
  it('finds short and long keys, not partial words', () => {
    const set = new KeySet(['acme', 'acme robotics', 'globex', 'robo']);
    expect([...set.foundIn(SOURCE)].sort()).toEqual(['acme', 'acme robotics']);
  });
});
