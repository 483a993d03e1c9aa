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

/** A channel's spec, as a function that builds it (`lazyChannels` calls it once, when the channel is first read). */
export function channel<I extends z.ZodType, O extends z.ZodType>(
  build: () => ChannelSpec<I, O>,
): () => ChannelSpec<I, O> {
  return build;
}

/** The channel map: one enumerable getter a channel, which builds its spec on first read and keeps it. */
export function lazyChannels<T extends Record<string, () => ChannelSpec>>(
  builders: T,
): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const map = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const [name, build] of Object.entries(builders)) {
    let spec: ChannelSpec | undefined;
    Object.defineProperty(map, name, { enumerable: true, get: () => (spec ??= build()) });
  }
  return map;
}
