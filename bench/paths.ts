import { resolve } from 'node:path';

/** The repository root (bench/ sits directly under it). */
export const REPO_ROOT = resolve(__dirname, '..');
