import { Badge } from '@mantine/core';
import type { ProviderKind } from '@contract';
import { KIND_COLORS, KIND_LABELS } from './kinds';

export function ProviderKindBadge({ kind }: { kind: ProviderKind }) {
  return (
    <Badge color={KIND_COLORS[kind]} variant="light">
      {KIND_LABELS[kind]}
    </Badge>
  );
}
