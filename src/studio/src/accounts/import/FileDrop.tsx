import { Button, FileButton, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { type DragEvent, type ReactNode, useState } from 'react';
import { acceptedExtensions } from './importFile';

/** Drop a file on it or choose one; the native file input stays reachable by keyboard (the button) and by label. */
export function FileDrop({ onFile, disabled, children }: { onFile: (file: File) => void; disabled: boolean; children?: ReactNode }) {
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <Paper radius="lg" p="xl" withBorder aria-label="Drop a file here" role="region"
      onDragOver={(e) => { e.preventDefault(); if (!disabled) setOver(true); }} onDragLeave={() => setOver(false)} onDrop={drop}
      style={{
        borderStyle: 'dashed', borderWidth: 2, transition: 'background 120ms, border-color 120ms',
        borderColor: over ? 'var(--mantine-color-indigo-5)' : 'var(--mantine-color-gray-4)',
        background: over ? 'var(--mantine-color-indigo-0)' : 'var(--mantine-color-white)',
      }}>
      <Stack align="center" gap="xs">
        <ThemeIcon size={56} radius="xl" variant="light" color="indigo"><IconFileUpload size={30} /></ThemeIcon>
        <Text fw={600}>Drop a CSV or JSON file here</Text>
        <Text size="sm" c="dimmed" ta="center" maw={460}>
          A HubSpot or Salesforce company export imports as it is. Accounts are matched by id (or domain): new ones are
          created, known ones updated, and every one is scored at once.
        </Text>
        <Group>
          <FileButton onChange={(file) => file && onFile(file)} accept={acceptedExtensions.join(',')} disabled={disabled}
            inputProps={{ 'aria-label': 'Accounts file' }}>
            {(props) => <Button {...props} disabled={disabled}>Choose a file</Button>}
          </FileButton>
          {children}
        </Group>
        <Text size="xs" c="dimmed">.csv with a header row · .json (an object or an array) · .ndjson</Text>
      </Stack>
    </Paper>
  );
}
