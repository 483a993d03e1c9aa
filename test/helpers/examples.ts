import { join } from 'node:path';

/** A file of the repository's examples/ folder (the candidates and postings a new user tries first). */
export const ex = (name: string): string => join(__dirname, '../../examples', name);

/** `aditus draft cv` for the example candidate and backend posting, written to `out`. */
export const draftCvArgs = (out: string): string[] => [
  'draft',
  'cv',
  '--candidate',
  ex('candidate.json'),
  '--job',
  ex('job-backend.txt'),
  '--out',
  out,
];
