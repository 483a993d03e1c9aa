import { Code, Group, Text } from '@mantine/core';
import { CopyTextButton } from '../../components/CopyTextButton';
import { useCall } from '../../lib/use-call';
import { SettingsCard } from './SettingsCard';

/** Where the log file is (`app:info` logFile): what to look at, or send, when Aditus reports an internal error. */
export function LogFileCard() {
  const info = useCall('app:info', {});
  return (
    <SettingsCard
      title="Log file"
      description="Internal errors and start-up problems are written here, with API keys and other secrets removed. When it reaches 2 MB it is renamed aditus.log.1 (up to aditus.log.4 are kept)."
    >
      {info.error && (
        <Text size="sm" c="red">
          Could not read where the log file is: {info.error}
        </Text>
      )}
      {info.data && (
        <Group gap="xs" wrap="nowrap">
          <Code aria-label="Log file location" style={{ wordBreak: 'break-all' }}>
            {info.data.logFile}
          </Code>
          <CopyTextButton value={info.data.logFile} label="Copy the log file location" />
        </Group>
      )}
    </SettingsCard>
  );
}
