import { useState } from 'react';
import type { DocumentDto } from '@contract';
import { call, errorMessage } from '../../../lib/ipc';
import { notifySuccess } from '../../../lib/notify';

export type VersionAction = { what: 'save' } | { what: 'restore'; version: number } | { what: 'regenerate' };

/**
 * Save version, restore and regenerate on the open document. The working text is autosaved first, and before a
 * restore or a regeneration replaces it, edits not yet in a version are kept as one: nothing typed is lost.
 */
export function useVersionActions({
  doc,
  text,
  flush,
  onDocChanged,
  onRegenerate,
}: {
  doc: DocumentDto;
  text: string;
  flush: () => Promise<void>;
  onDocChanged: (doc: DocumentDto) => void;
  onRegenerate: (doc: DocumentDto) => void;
}) {
  const [busy, setBusy] = useState<VersionAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latestText = doc.versions[0]?.text;
  const unversioned = latestText === undefined ? text.trim() !== '' : latestText !== text;

  const run = async (what: VersionAction, work: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const keepEdits = async (): Promise<DocumentDto | null> => {
    await flush();
    return unversioned ? call('documents:save-version', { id: doc.id, text }) : null;
  };

  return {
    busy,
    error,
    clearError: () => setError(null),
    saveVersion: () =>
      run({ what: 'save' }, async () => {
        await flush();
        const saved = await call('documents:save-version', { id: doc.id, text });
        notifySuccess('Version saved', `Version ${saved.versions[0]?.version ?? ''} of ${doc.title}`);
        onDocChanged(saved);
      }),
    restore: (version: number) =>
      run({ what: 'restore', version }, async () => {
        await keepEdits();
        const restored = await call('documents:restore', { id: doc.id, version });
        notifySuccess('Version restored', `Version ${version} is now the latest version.`);
        onDocChanged(restored);
      }),
    regenerate: () =>
      run({ what: 'regenerate' }, async () => {
        const kept = await keepEdits();
        onRegenerate(kept ?? doc);
      }),
  };
}
