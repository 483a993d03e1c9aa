import type { Protocol, ScriptedReply } from './types';

/** Scripted replies waiting for the next matching requests, in push order. */
export class ReplyQueue {
  private entries: ScriptedReply[] = [];

  push(replies: readonly ScriptedReply[]): void {
    this.entries.push(...replies);
  }

  take(protocol: Protocol): ScriptedReply | null {
    const index = this.entries.findIndex((r) => r.protocol === undefined || r.protocol === protocol);
    const reply = this.entries[index];
    if (!reply) return null;
    this.entries.splice(index, 1);
    return reply;
  }

  get size(): number {
    return this.entries.length;
  }

  clear(): void {
    this.entries = [];
  }
}
