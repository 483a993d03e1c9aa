import { Badge, Group, RingProgress, Stack, Text } from '@mantine/core';
import type { AnswerMeta, ValidationReport } from '@contract';
import { scoreColor } from './finding-labels';

/** The score as a ring plus how it was reached (local checks only, or with a provider's judgement). */
export function ScoreSummary({ report, meta }: { report: ValidationReport; meta: AnswerMeta | null }) {
  const color = scoreColor(report.score);
  return (
    <Group gap="md" wrap="nowrap">
      <RingProgress
        size={84}
        thickness={8}
        roundCaps
        sections={[{ value: report.score, color }]}
        label={
          <Text ta="center" fw={700} size="lg">
            {report.score}
          </Text>
        }
        aria-hidden="true"
      />
      <Stack gap={4}>
        <Text fw={600} data-testid="validation-score">
          Score {report.score}/100{report.claimsChecked ? '' : ' (claims not checked)'}
        </Text>
        {!report.claimsChecked && (
          <Badge variant="light" color="orange" tt="none" data-testid="claims-not-checked">
            Claims not checked: no candidate source
          </Badge>
        )}
        {report.offline || meta === null ? (
          <Badge variant="light" color="gray" tt="none">
            Local checks only
          </Badge>
        ) : (
          <Text size="xs" c="dimmed">
            With {meta.providerName}’s review{meta.model ? ` (${meta.model})` : ''}
          </Text>
        )}
      </Stack>
    </Group>
  );
}
