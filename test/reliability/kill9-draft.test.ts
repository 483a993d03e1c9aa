import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src-main/clock';
import { candidateFromBytes } from '../../src-main/drafting/inputs/read-candidate';
import { sourceHash } from '../../src-main/drafting/service/duplicate-candidates';
import { CandidatesRepo } from '../../src-main/drafting/store/candidates-repo';
import { DocumentsRepo } from '../../src-main/drafting/store/documents-repo';
import { versionOf } from '../fixtures/reliability/draft-text';
import { openStore } from '../fixtures/reliability/open-store';
import { tempDir } from '../helpers/temp';
import { integrity } from './support/db-health';
import { killLoop } from './support/kill-loop';
import { killRounds, seededRandom, testSeed } from './support/prng';

const CV = `Ana Pereira
ana.pereira@example.com

Experience
Senior Engineer, Acme GmbH, 2019 – 2024
Led a team of five engineers.

Education
MSc Computer Science, University of Porto, 2015`;

describe('kill -9 while a draft is being autosaved', () => {
  const seed = testSeed();
  const random = seededRandom(seed);
  const rounds = killRounds();
  let dir: string;
  let cleanup: () => void;
  let documentId: string;
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('aditus-kill9-draft-'));
    const store = openStore(dir);
    try {
      const read = await candidateFromBytes('ana-pereira.txt', Buffer.from(CV));
      const candidate = new CandidatesRepo(store, systemClock).create({
        ...read,
        sourceFile: Buffer.from(CV),
        sourceHash: sourceHash(read.sourceText),
      });
      documentId = new DocumentsRepo(store, systemClock).create('cv', candidate.id, null, 'CV draft', 'reliability');
    } finally {
      store.close();
    }
  });
  afterAll(() => cleanup());

  it(
    `keeps the last printed version or a later one, never an older or torn text, across ${rounds} kills (seed ${seed})`,
    async () => {
      let lastPrinted = 0;
      await killLoop({
        script: 'draft-autosaver.ts',
        args: [dir, documentId],
        rounds,
        random,
        minLines: 2,
        maxDelayMs: 120,
        afterKill: (lines, round) => {
          const where = `seed ${seed}, round ${round}`;
          const versions = lines.map(Number);
          expect(versions[0], `${where}: continues from the stored version`).toBeGreaterThan(lastPrinted);
          lastPrinted = versions[versions.length - 1] ?? lastPrinted;
          const store = openStore(dir);
          try {
            expect(integrity(store.sqlite), where).toBe('ok');
            const stored = versionOf(new DocumentsRepo(store, systemClock).get(documentId).draftText);
            expect(typeof stored === 'number' ? 'whole' : stored.corrupt, where).toBe('whole');
            expect(stored, `${where}: stored version`).toBeGreaterThanOrEqual(lastPrinted);
          } finally {
            store.close();
          }
        },
      });
    },
    rounds * 10_000,
  );
});
