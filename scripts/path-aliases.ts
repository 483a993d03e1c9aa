import { resolve } from 'node:path';

/**
 * The shared layer's import names, for every bundler and test runner (tsconfig.base.json `paths` says the same
 * for tsc, tsx and Playwright): `@contract` is the IPC contract, `@shared/…` the pure helpers main and renderer
 * both use.
 */
export const pathAliases = {
  '@contract': resolve(__dirname, '../src-preload/contract/index.ts'),
  '@shared': resolve(__dirname, '../src-preload/shared'),
};
