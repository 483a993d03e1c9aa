import { Button, Card, Divider, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { AnswerMeta, ValidationReport } from '@contract';
import { call } from '../../../lib/ipc';
import { failureOf, type Failure } from '../shared/failure';
import { FailureAlert } from '../shared/FailureAlert';
import { formatClock } from '../shared/format-clock';
import { CoverageView } from './CoverageView';
import { FindingsList } from './FindingsList';
import { ScoreSummary } from './ScoreSummary';
import { announceQueued } from '../shared/queue-events';

export interface ValidationResult {
  report: ValidationReport;
  meta: AnswerMeta | null;
  /** The text that was checked (to say when the draft changed since). */
  text: string;
  at: number;
}

/** Validate → score, must-have coverage, findings; the saved text is what gets checked. */
export function ValidationPanel({
  documentId,
  text,
  result,
  prepare,
  disabled,
  onResult,
}: {
  documentId: string;
  text: string;
  result: ValidationResult | undefined;
  prepare: () => Promise<void>;
  disabled: boolean;
  onResult: (result: ValidationResult) => void;
}) {
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const validate = async () => {
    setRunning(true);
    setFailure(null);
    try {
      await prepare();
      const { report, meta, queued } = await call('drafts:validate', { documentId });
      if (queued) announceQueued(queued);
      onResult({ report, meta, text, at: Date.now() });
    } catch (err) {
      setFailure(failureOf(err));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="validation-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={4} id="validation-title">
            Validation
          </Title>
          <Button size="xs" onClick={() => void validate()} loading={running} disabled={disabled}>
            {result ? 'Validate again' : 'Validate'}
          </Button>
        </Group>
        {running && (
          <Stack gap={4} role="status" aria-live="polite">
            <Progress value={100} striped animated size="sm" aria-label="Validating" />
            <Text size="xs" c="dimmed">
              Checking claims against the candidate’s source and the posting…
            </Text>
          </Stack>
        )}
        {failure && <FailureAlert title="Validation failed" failure={failure} onClose={() => setFailure(null)} />}
        {!result && !running && (
          <Text size="sm" c="dimmed">
            Checks every claim against the candidate’s source, the posting’s must-haves, sections, length and ATS
            formatting.
          </Text>
        )}
        {result && (
          <>
            <ScoreSummary report={result.report} meta={result.meta} />
            <Text size="xs" c={result.text === text ? 'dimmed' : 'orange'}>
              Checked {formatClock(result.at)}
              {result.text === text ? '' : ' · the draft changed since: validate again'}
            </Text>
            <CoverageView coverage={result.report.mustHaveCoverage} />
            <Divider />
            <FindingsList findings={result.report.findings} />
          </>
        )}
      </Stack>
    </Card>
  );
}
