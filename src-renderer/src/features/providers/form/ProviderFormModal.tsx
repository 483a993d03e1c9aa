import { Button, Modal, Stack } from '@mantine/core';
import type { ProviderConfigDto } from '@contract';
import { CredentialTestAlert } from '../CredentialTestAlert';
import { useCredentialTest } from '../use-credential-test';
import { ProviderForm } from './ProviderForm';

/** The provider form in a dialog; editing a saved config also offers "Test credentials". */
export function ProviderFormModal({
  opened,
  saved,
  onClose,
  onSaved,
}: {
  opened: boolean;
  saved: ProviderConfigDto | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const tester = useCredentialTest(onSaved);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={saved ? `Edit provider: ${saved.name}` : 'Add a provider'}
      size="min(960px, 92vw)"
    >
      <Stack>
        {tester.result && <CredentialTestAlert result={tester.result} onClose={tester.clear} />}
        <ProviderForm
          key={saved?.id ?? 'new'}
          saved={saved}
          onCancel={onClose}
          onSaved={() => {
            onSaved();
            onClose();
          }}
          extraActions={
            saved && (
              <Button
                variant="light"
                loading={tester.testing === saved.name}
                onClick={() => void tester.test(saved.name)}
              >
                Test credentials
              </Button>
            )
          }
        />
      </Stack>
    </Modal>
  );
}
