import type { ChannelOutput } from '../../../../src-preload/contract';

export type CredentialTest = ChannelOutput<'providers:test'> & { name: string };
