import { Button, CopyButton, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { CheckIcon, CopyIcon, DownloadIcon } from '../../../components/icons';
import { downloadText } from '../../../lib/download';

function codesFileText(codes: string[]): string {
  return [
    'Aditus admin recovery codes',
    `Created ${new Date().toISOString()}`,
    'Each code unlocks the admin area once, instead of an authenticator code.',
    '',
    ...codes,
    '',
  ].join('\n');
}

/** The recovery codes, shown once, with Copy and Download. */
export function RecoveryCodesPanel({ codes }: { codes: string[] }) {
  const text = codesFileText(codes);
  return (
    <Stack gap="sm">
      <Text size="sm">
        Each recovery code unlocks the admin area once if you lose your authenticator. They are shown only now: keep
        them somewhere safe, away from this computer.
      </Text>
      <Paper withBorder p="md" aria-label="Recovery codes" role="group">
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
          {codes.map((code) => (
            <Text key={code} ff="monospace" size="sm">
              {code}
            </Text>
          ))}
        </SimpleGrid>
      </Paper>
      <Group gap="xs">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button
              variant="default"
              onClick={copy}
              leftSection={copied ? <CheckIcon size={16} /> : <CopyIcon size={16} />}
            >
              {copied ? 'Copied' : 'Copy codes'}
            </Button>
          )}
        </CopyButton>
        <Button
          variant="default"
          leftSection={<DownloadIcon size={16} />}
          onClick={() => downloadText('aditus-recovery-codes.txt', text, 'text/plain')}
        >
          Download codes
        </Button>
      </Group>
    </Stack>
  );
}
