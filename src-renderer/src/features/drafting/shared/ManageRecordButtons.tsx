import { Alert, Button, Group, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Dependents } from '@contract';
import { removalConsequence } from '@shared/removal-text';
import { ActionDialog } from '../../../components/ActionDialog';
import { call, errorMessage } from '../../../lib/ipc';
import { notifySuccess, notifyWarning } from '../../../lib/notify';

type Owner = 'candidate' | 'job' | 'document';
const FAMILY = { candidate: 'candidates', job: 'jobs', document: 'documents' } as const;
const NOUN = { candidate: 'candidate', job: 'posting', document: 'document' } as const;
const ERASE_WORD = 'ERASE';

type Dialog = { kind: 'rename' } | { kind: 'delete' | 'erase'; dependents: Dependents } | null;

/**
 * Rename and Delete (and Erase, for a candidate) for the selected item. Delete and erase first say what goes with
 * the item; erase also asks for a typed word, since it cannot be undone and leaves no trace.
 */
export function ManageRecordButtons({
  owner,
  id,
  label,
  onRenamed,
  onRemoved,
}: {
  owner: Owner;
  id: string;
  label: string;
  onRenamed: () => void;
  onRemoved: () => void;
}) {
  const family = FAMILY[owner];
  const [dialog, setDialog] = useState<Dialog>(null);
  const [name, setName] = useState(label);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setDialog(null);
    setError(null);
    setTyped('');
  };
  const ask = async (kind: 'delete' | 'erase') => {
    setError(null);
    try {
      setDialog({ kind, dependents: await call(`${family}:dependents`, { id }) });
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const run = async <T,>(action: () => Promise<T>, done: (result: T) => void) => {
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      close();
      done(result);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          onClick={() => {
            setName(label);
            setDialog({ kind: 'rename' });
          }}
        >
          Rename
        </Button>
        <Button size="xs" variant="light" color="red" onClick={() => void ask('delete')}>
          Delete
        </Button>
        {owner === 'candidate' && (
          <Button size="xs" variant="outline" color="red" onClick={() => void ask('erase')}>
            Erase…
          </Button>
        )}
      </Group>
      {error && !dialog && (
        <Alert color="red" mt="xs" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {dialog?.kind === 'rename' && (
        <ActionDialog
          title={`Rename ${NOUN[owner]}`}
          actionLabel="Rename"
          disabled={name.trim() === ''}
          busy={busy}
          error={error}
          onClose={close}
          onAction={() =>
            void run(
              () => call(`${family}:rename`, { id, name: name.trim() }),
              () => {
                notifySuccess('Renamed', name.trim());
                onRenamed();
              },
            )
          }
        >
          <TextInput label="New name" value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
        </ActionDialog>
      )}
      {dialog?.kind === 'delete' && (
        <ActionDialog
          title={`Delete ${NOUN[owner]}`}
          actionLabel="Delete"
          danger
          busy={busy}
          error={error}
          onClose={close}
          onAction={() =>
            void run(
              () => call(`${family}:delete`, { id }),
              () => {
                notifySuccess('Deleted', label);
                onRemoved();
              },
            )
          }
        >
          <Text size="sm">
            Delete <b>{label}</b>? {removalConsequence(owner, dialog.dependents)}
          </Text>
        </ActionDialog>
      )}
      {dialog?.kind === 'erase' && (
        <ActionDialog
          title="Erase candidate (right to erasure)"
          actionLabel="Erase for good"
          danger
          disabled={typed.trim() !== ERASE_WORD}
          busy={busy}
          error={error}
          onClose={close}
          onAction={() =>
            void run(
              () => call('candidates:erase', { id }),
              ({ walTruncated }) => {
                if (walTruncated) notifySuccess('Erased', 'The candidate and everything derived from them are gone.');
                else
                  notifyWarning(
                    'Erased, with fragments left',
                    'The candidate is deleted, but another Aditus process holds the database, so its files could ' +
                      'not be rebuilt: fragments of their data may stay in them until the next erase with every ' +
                      'other Aditus process closed.',
                  );
                onRemoved();
              },
            )
          }
        >
          <Text size="sm">
            Erase <b>{label}</b> and everything derived from them: the record, the source text, every document and
            version, validations and queued tasks. {removalConsequence('candidate', dialog.dependents)}
          </Text>
          <Text size="sm">
            The stored bytes are overwritten, not only unlinked; the audit log keeps the id only. This cannot be undone.
          </Text>
          <TextInput
            label={`Type ${ERASE_WORD} to confirm`}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            data-autofocus
          />
        </ActionDialog>
      )}
    </>
  );
}
