import { Stack, Text } from '@mantine/core';
import { candidateLines, routeSummary, sentToLines } from '@shared/route-text';
import type { DocumentVersionDto } from '@contract';

/** For a version a provider made: why the router chose it (strategy, scores) and where the candidate's data went. */
export function VersionRoute({ version }: { version: DocumentVersionDto }) {
  const { routeReason, sentTo, providerName } = version;
  if (providerName === null || (routeReason === null && sentTo === null)) return null;
  return (
    <Stack
      gap={2}
      data-testid={`version-route-${version.version}`}
      aria-label={`How version ${version.version} was routed`}
    >
      {routeReason && (
        <Text size="xs" c="dimmed">
          {routeSummary(routeReason, providerName)}
        </Text>
      )}
      {sentToLines(sentTo ?? []).map((line) => (
        <Text key={line} size="xs" c="dimmed">
          {line}
        </Text>
      ))}
      {routeReason && routeReason.candidates.length > 0 && (
        <details>
          <Text component="summary" size="xs" c="dimmed" style={{ cursor: 'pointer' }}>
            Provider order and scores
          </Text>
          <Stack gap={0} component="ul" style={{ margin: 0, paddingLeft: 16 }}>
            {candidateLines(routeReason).map((line) => (
              <Text key={line} component="li" size="xs" c="dimmed">
                {line}
              </Text>
            ))}
          </Stack>
        </details>
      )}
    </Stack>
  );
}
