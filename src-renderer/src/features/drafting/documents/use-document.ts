import { useCallback, useEffect, useState } from 'react';
import type { DocumentDto } from '@contract';
import { call, errorMessage } from '../../../lib/ipc';

/** The fresher of two copies of a document: more versions, then the later update. */
function fresher(a: DocumentDto | undefined, b: DocumentDto): DocumentDto {
  if (!a) return b;
  const va = a.versions[0]?.version ?? 0;
  const vb = b.versions[0]?.version ?? 0;
  if (va !== vb) return va > vb ? a : b;
  return a.updatedAt > b.updatedAt ? a : b;
}

/**
 * The open document with its versions; `setDoc` takes a fresher copy returned by a mutation. Copies are kept per
 * document id and a copy never replaces a fresher one, so a late answer (a load, or a mutation of a document the
 * user has since left) cannot stand in for the document now picked. Opening a document drops the copies of the
 * others, so going back to one loads it again instead of showing an old copy.
 */
export function useDocument(id: string | null) {
  const [docs, setDocs] = useState<Readonly<Record<string, DocumentDto>>>({});
  const [failed, setFailed] = useState<{ id: string; message: string } | null>(null);
  const [tick, setTick] = useState(0);
  const [openedId, setOpenedId] = useState(id);
  if (openedId !== id) {
    setOpenedId(id);
    setDocs((prev) => (id !== null && prev[id] ? { [id]: prev[id] } : {}));
  }

  const setDoc = useCallback((d: DocumentDto) => setDocs((prev) => ({ ...prev, [d.id]: fresher(prev[d.id], d) })), []);

  useEffect(() => {
    if (id === null) return;
    let live = true;
    call('documents:get', { id }).then(
      (d) => {
        if (!live) return;
        setDoc(d);
        setFailed(null);
      },
      (err: unknown) => live && setFailed({ id, message: errorMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [id, tick, setDoc]);

  const current = id === null ? null : (docs[id] ?? null);
  const error = failed !== null && failed.id === id ? failed.message : null;
  return {
    doc: current,
    error,
    loading: id !== null && current === null && error === null,
    setDoc,
    reload: useCallback(() => setTick((t) => t + 1), []),
  };
}
