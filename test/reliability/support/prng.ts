export { seededRandom } from '../../helpers/seeded-random';

/** ADITUS_SEED when set (to replay a run), otherwise a fresh one. */
export function testSeed(): number {
  const fromEnv = Number(process.env['ADITUS_SEED']);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : Math.floor(Math.random() * 2 ** 31) + 1;
}

/** 20 rounds, or 200 with ADITUS_LONG=1. */
export const killRounds = (): number => (process.env['ADITUS_LONG'] === '1' ? 200 : 20);

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
