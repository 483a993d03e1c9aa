/** The counts of the contract's `Dependents` this sentence needs. */
interface Dependents {
  documents: number;
  versions: number;
  queuedTasks: number;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** What goes with a delete, in words: the same sentence in the confirmation dialog and the CLI. */
export function removalConsequence(owner: 'candidate' | 'job' | 'document', d: Dependents): string {
  const versions = plural(d.versions, 'version', 'versions');
  const tasks = d.queuedTasks > 0 ? `, and ${plural(d.queuedTasks, 'queued task', 'queued tasks')}` : '';
  if (owner === 'job')
    return d.documents > 0
      ? `${plural(d.documents, 'document', 'documents')} drafted for it stay, without the posting${tasks ? `; its queued extraction goes` : ''}.`
      : `No document was drafted for it${tasks ? '; its queued extraction goes' : ''}.`;
  if (owner === 'document') return `All ${versions} go too${tasks}.`;
  return d.documents > 0
    ? `${plural(d.documents, 'document', 'documents')} (${versions}) ${d.documents === 1 ? 'goes' : 'go'} too${tasks}.`
    : `No document was drafted for this candidate${tasks}.`;
}
