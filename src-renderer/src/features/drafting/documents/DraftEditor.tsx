import { ScrollArea, Tabs, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { MarkdownText } from '../../../components/MarkdownText';

/**
 * The draft as editable Markdown source in a plain textarea, and a preview rendered as React elements (never HTML):
 * model output is untrusted text.
 */
export function DraftEditor({
  label,
  value,
  onChange,
  streaming,
}: {
  label: string;
  value: string;
  onChange?: (value: string) => void;
  streaming: boolean;
}) {
  const [tab, setTab] = useState<string | null>('edit');
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    // Follow the text as it streams in.
    if (streaming && area.current) area.current.scrollTop = area.current.scrollHeight;
  }, [streaming, value]);

  return (
    <Tabs value={streaming ? 'edit' : tab} onChange={setTab}>
      <Tabs.List>
        <Tabs.Tab value="edit">Edit</Tabs.Tab>
        <Tabs.Tab value="preview" disabled={streaming}>
          Preview
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="edit" pt="sm">
        <Textarea
          ref={area}
          label={label}
          description={
            streaming ? 'Read-only while the draft is being written' : 'Markdown; changes save automatically'
          }
          value={value}
          onChange={(e) => onChange?.(e.currentTarget.value)}
          readOnly={streaming || onChange === undefined}
          autosize
          minRows={14}
          maxRows={26}
          spellCheck
          data-testid="draft-editor"
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13, lineHeight: 1.55 } }}
        />
      </Tabs.Panel>
      <Tabs.Panel value="preview" pt="sm">
        <ScrollArea.Autosize mah={640} type="auto" aria-label={`${label} preview`}>
          <MarkdownText source={value} />
        </ScrollArea.Autosize>
      </Tabs.Panel>
    </Tabs>
  );
}
