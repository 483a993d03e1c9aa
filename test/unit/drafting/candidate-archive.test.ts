import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { DocumentVersionDto } from '@contract';
import { candidateArchive } from '../../../src-main/drafting/export/candidate-archive';

const version = (n: number, over: Partial<DocumentVersionDto>): DocumentVersionDto => ({
  version: n,
  text: `# Lea Sørensen\n\nVersion ${n}`,
  origin: 'generated',
  providerName: null,
  model: null,
  requestId: null,
  offline: false,
  routeReason: null,
  sentTo: null,
  createdAt: Date.UTC(2026, 11, 1, 9, n),
  ...over,
});

describe("a candidate's data export", () => {
  it('names, per version, every provider the candidate’s data went to, with its region and masking', async () => {
    const sentTo = [
      { provider: 'us-cloud', region: 'us', masked: true },
      { provider: 'eu-cloud', region: 'eu', masked: true },
    ];
    const zip = await candidateArchive({
      candidate: { id: 'c1', name: 'Lea Sørensen', email: null, createdAt: 0, updatedAt: 0 },
      resume: { basics: { name: 'Lea Sørensen' } },
      source: { kind: 'text', fileName: null, text: 'Lea Sørensen', file: null, hash: null },
      documents: [
        {
          jobPostingTitle: null,
          document: {
            id: 'd1',
            kind: 'cv',
            candidateId: 'c1',
            jobPostingId: null,
            title: 'CV',
            draftText: '',
            autosavedAt: null,
            createdAt: 0,
            updatedAt: 0,
            versions: [version(1, { providerName: 'eu-cloud', model: 'm', sentTo }), version(2, { origin: 'edited' })],
          },
        },
      ],
      exportedAt: Date.UTC(2026, 11, 3),
    });
    const manifest = JSON.parse(strFromU8(unzipSync(zip)['manifest.json']!)) as {
      documents: { versions: { version: number; sentTo: unknown }[] }[];
    };
    expect(manifest.documents[0]!.versions.map((v) => [v.version, v.sentTo])).toEqual([
      [1, sentTo],
      [2, null],
    ]);
  });
});
