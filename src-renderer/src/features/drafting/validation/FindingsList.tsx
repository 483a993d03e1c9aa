import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { FINDING_SEVERITIES, type ValidationFinding } from '@contract';
import { CheckIcon } from '../../../components/icons';
import { FindingItem } from './FindingItem';
import { SEVERITY } from './finding-labels';

/** Findings grouped by severity (errors first), and an explicit line when no claim is unsupported. */
export function FindingsList({ findings }: { findings: ValidationFinding[] }) {
  const claims = findings.filter((f) => f.kind === 'unsupported_claim').length;
  return (
    <Stack gap="sm">
      {claims === 0 ? (
        <Group gap={6} wrap="nowrap">
          <ThemeIcon size="sm" color="teal" variant="light" radius="xl" aria-hidden="true">
            <CheckIcon size={12} />
          </ThemeIcon>
          <Text size="sm" data-testid="no-unsupported-claims">
            No unsupported claims: everything checked is backed by the candidate’s source.
          </Text>
        </Group>
      ) : (
        <Text size="sm" c="red" fw={600}>
          {claims} unsupported {claims === 1 ? 'claim' : 'claims'}: remove or back them before sending.
        </Text>
      )}
      {FINDING_SEVERITIES.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        const { title, color } = SEVERITY[severity];
        return (
          <Stack key={severity} gap={6} component="section" aria-label={title}>
            <Text size="sm" fw={700} c={color === 'yellow' ? 'yellow.8' : color}>
              {title} ({group.length})
            </Text>
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {group.map((f, i) => (
                <FindingItem key={i} finding={f} />
              ))}
            </Stack>
          </Stack>
        );
      })}
      {findings.length === 0 && (
        <Text size="sm" c="dimmed">
          No other findings.
        </Text>
      )}
    </Stack>
  );
}
