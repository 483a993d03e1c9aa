import { Accordion, ScrollArea, Text } from '@mantine/core';
import type { JobPostingDto } from '@contract';

/** The posting as imported (text is shown as text; an image posting is only named). */
export function PostingSource({ job }: { job: JobPostingDto }) {
  const label = job.hasImage
    ? `Image posting (${job.sourceFileName ?? 'image'})`
    : `Posting text${job.sourceFileName ? ` (${job.sourceFileName})` : ''}`;
  return (
    <Accordion variant="contained" defaultValue={job.fields ? null : 'source'}>
      <Accordion.Item value="source">
        <Accordion.Control>{label}</Accordion.Control>
        <Accordion.Panel>
          {job.rawText ? (
            <ScrollArea.Autosize mah={320}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {job.rawText}
              </Text>
            </ScrollArea.Autosize>
          ) : (
            <Text size="sm" c="dimmed">
              The posting is an image. Extraction reads it with a vision-capable AI provider (Gemini, OpenAI or Claude).
            </Text>
          )}
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
