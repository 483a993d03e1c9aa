import type { CandidateRecord, Resume, SourceRef, UnassignedItem } from '@contract';

/** Collects a resume with the provenance of each fact, keyed by JSON pointer. */
export class RecordBuilder {
  readonly resume: Resume = {};
  readonly provenance: Record<string, SourceRef> = {};
  readonly unassigned: UnassignedItem[] = [];

  /** Records where the value at `pointer` ("/work/0/position") was read. */
  from(pointer: string, ref: SourceRef | undefined): void {
    if (ref) this.provenance[pointer] = ref;
  }

  /** Appends an entry to a section and returns its index. */
  push<K extends keyof Resume>(section: K, entry: NonNullable<Resume[K]> extends (infer E)[] ? E : never): number {
    const list = (this.resume[section] ??= [] as never) as unknown[];
    list.push(entry);
    return list.length - 1;
  }

  leaveUnassigned(text: string, section: string, source: SourceRef): void {
    this.unassigned.push({ text, section, source });
  }

  build(): CandidateRecord {
    return { resume: this.resume, provenance: this.provenance, unassigned: this.unassigned };
  }
}
