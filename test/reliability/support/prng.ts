/** mulberry32: a seeded PRNG, so a failing run can be repeated with the seed it printed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** ADITUS_SEED when set (to replay a run), otherwise a fresh one. */
export function testSeed(): number {
  const fromEnv = Number(process.env['ADITUS_SEED']);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : Math.floor(Math.random() * 2 ** 31) + 1;
}

/** 20 rounds, or 200 with ADITUS_LONG=1. */
export const killRounds = (): number => (process.env['ADITUS_LONG'] === '1' ? 200 : 20);

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
