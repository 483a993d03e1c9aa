import type { ChannelOutput } from '@contract';

export type CredentialTest = ChannelOutput<'providers:test'> & { name: string };
