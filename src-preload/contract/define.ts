import type { z } from 'zod';
import type { Role } from './dto/common';

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** The least role allowed to call the channel. */
  role: Role;
  /** One line for the docs and the CLI. */
  summary: string;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(spec: ChannelSpec<I, O>): ChannelSpec<I, O> {
  return spec;
}
