import { useCallback, useEffect, useState } from 'react';
import type { DocumentDto } from '@contract';
import { call, errorMessage } from '../../../lib/ipc';

/** The open document with its versions; `setDoc` takes a fresher copy returned by a mutation. */
export function useDocument(id: string | null) {
  const [doc, setDoc] = useState<DocumentDto | null>(null);
  const [failed, setFailed] = useState<{ id: string; message: string } | null>(null);
  const [tick, setTick] = useState(0);

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
  }, [id, tick]);

  const current = doc !== null && doc.id === id ? doc : null;
  const error = failed !== null && failed.id === id ? failed.message : null;
  return {
    doc: current,
    error,
    loading: id !== null && current === null && error === null,
    setDoc,
    reload: useCallback(() => setTick((t) => t + 1), []),
  };
}
