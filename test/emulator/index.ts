export { startEmulator, type Emulator } from './server';
export type {
  EmulatorOptions,
  FaultSpec,
  Protocol,
  RecordedRequest,
  ReplyUsage,
  ScriptedReply,
  ValidKeys,
} from './types';

/** The per-request fault header, for callers that can set headers. */
export const FAULT_HEADER = 'x-emulator-fault';
