import { z } from 'zod';
import { attemptSchema, type AttemptDto } from '@contract';
import { errorMessage, IpcError } from '../../../lib/ipc';

/** A failed AI step: the readable message and, when the router got that far, its trail. */
export interface Failure {
  message: string;
  attempts: AttemptDto[];
}

const attemptsSchema = z.array(attemptSchema);

export function failureOf(err: unknown): Failure {
  const parsed = err instanceof IpcError ? attemptsSchema.safeParse(err.details?.['attempts']) : null;
  return { message: errorMessage(err), attempts: parsed?.success ? parsed.data : [] };
}
