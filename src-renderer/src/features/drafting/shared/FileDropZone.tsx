import { Button, FileButton, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useRef, useState, type DragEvent } from 'react';
import { PlusIcon } from '../../../components/icons';

/**
 * A drop target with a "Choose file" button (the keyboard path). The hidden file input carries `label` as its
 * accessible name so tests and assistive technology can reach it.
 */
export function FileDropZone({
  label,
  hint,
  extensions,
  busy,
  busyLabel,
  onFiles,
}: {
  label: string;
  hint: string;
  extensions: readonly string[];
  busy: boolean;
  busyLabel: string;
  onFiles: (files: File[]) => void;
}) {
  const [over, setOver] = useState(false);
  const resetRef = useRef<() => void>(null);
  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const files = Array.from(e.dataTransfer.files);
    if (files.length > 0 && !busy) onFiles(files);
  };

  return (
    <Paper
      withBorder
      p="md"
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-dragging={over || undefined}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-primary-color-filled)' : undefined,
        background: over ? 'var(--mantine-primary-color-light)' : undefined,
      }}
    >
      <Stack gap={6} align="center" ta="center">
        <Text fw={600} size="sm">
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          Drag a file here, or choose one. {hint}
        </Text>
        {busy ? (
          <Group gap="xs" role="status" aria-live="polite">
            <Loader size="xs" aria-hidden="true" />
            <Text size="sm">{busyLabel}</Text>
          </Group>
        ) : (
          <FileButton
            multiple
            accept={extensions.join(',')}
            resetRef={resetRef}
            onChange={(files) => {
              resetRef.current?.();
              if (files.length > 0) onFiles(files);
            }}
            inputProps={{ 'aria-label': label }}
          >
            {(props) => (
              <Button {...props} variant="light" size="xs" leftSection={<PlusIcon size={14} />}>
                Choose file…
              </Button>
            )}
          </FileButton>
        )}
      </Stack>
    </Paper>
  );
}
