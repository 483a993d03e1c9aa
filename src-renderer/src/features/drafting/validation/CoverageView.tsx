import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import type { MustHaveCoverage } from '@contract';
import { formatPercent } from '../../../lib/format';

/** Which of the posting's must-have skills the draft covers. */
export function CoverageView({ coverage }: { coverage: MustHaveCoverage }) {
  const total = coverage.covered.length + coverage.missing.length;
  if (total === 0)
    return (
      <Text size="sm" c="dimmed">
        The posting lists no must-have skills.
      </Text>
    );
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        Must-haves covered: {coverage.covered.length} of {total} ({formatPercent(coverage.ratio, 0)})
      </Text>
      <Progress
        value={coverage.ratio * 100}
        color={coverage.ratio === 1 ? 'teal' : coverage.ratio >= 0.6 ? 'yellow' : 'red'}
        aria-label="Must-have coverage"
      />
      <Group gap={4}>
        {coverage.covered.map((s) => (
          <Badge key={s} size="sm" variant="light" color="teal" tt="none">
            ✓ {s}
          </Badge>
        ))}
        {coverage.missing.map((s) => (
          <Badge key={s} size="sm" variant="light" color="red" tt="none">
            ✗ {s}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}
