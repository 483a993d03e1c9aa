import { Badge, Blockquote, Stack, Text } from '@mantine/core';
import type { ValidationFinding } from '@contract';
import { KIND_LABELS } from './finding-labels';

/** One finding; an unsupported claim is marked red with the draft text it is about. */
export function FindingItem({ finding }: { finding: ValidationFinding }) {
  const claim = finding.kind === 'unsupported_claim';
  return (
    <Stack gap={4} component="li" data-kind={finding.kind}>
      <Text size="sm">
        <Badge size="xs" variant={claim ? 'filled' : 'light'} color={claim ? 'red' : 'gray'} mr={6} tt="none">
          {KIND_LABELS[finding.kind]}
        </Badge>
        {finding.message}
      </Text>
      {finding.evidence && (
        <Blockquote
          color={claim ? 'red' : 'gray'}
          p="xs"
          ml={0}
          styles={{ root: claim ? { background: 'var(--mantine-color-red-light)' } : undefined }}
        >
          <Text size="sm" c={claim ? 'red' : undefined} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {claim && (
              <Text span size="xs" fw={700} tt="uppercase" mr={6}>
                Not in the candidate’s source:
              </Text>
            )}
            {finding.evidence}
          </Text>
        </Blockquote>
      )}
    </Stack>
  );
}
