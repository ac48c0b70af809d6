import { Alert, FileInput, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { PlaybookDefinition } from '../../model/definition';

/** Reads a playbook JSON file (as exported) into the canvas, as one undoable step; nothing is saved until you save. */
export function PlaybookJsonImport({ expectedId, onImport, onClose }: {
  expectedId: string; onImport: (d: PlaybookDefinition) => void; onClose: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const read = async (file: File | null) => {
    if (!file) return;
    const result = parsePlaybookFile(await file.text(), file.name);
    if ('error' in result) return setError(result.error);
    onImport({ ...result.definition, id: expectedId });
  };
  return (
    <Modal opened onClose={onClose} title="Import a playbook JSON file">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">The file replaces what the canvas shows (Ctrl+Z brings it back). Its id becomes “{expectedId}”.</Text>
        <FileInput label="Playbook file" accept="application/json,.json" placeholder="Choose a .json file" onChange={(f) => void read(f)} data-autofocus />
        {error && <Alert color="red" role="alert">{error}</Alert>}
      </Stack>
    </Modal>
  );
}

/** The file's definition, or what is wrong with it in words (the server checks the rest on save). */
export function parsePlaybookFile(text: string, fileName: string): { definition: PlaybookDefinition } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { error: `${fileName} is not JSON: ${(error as Error).message}` };
  }
  const d = parsed as Partial<PlaybookDefinition> | null;
  if (!d || typeof d !== 'object' || typeof d.id !== 'string' || typeof d.name !== 'string' || !Array.isArray(d.nodes)) {
    return { error: `${fileName} is not a playbook: it needs "id", "name" and "nodes" (see workflows/playbook.schema.json)` };
  }
  return { definition: d as PlaybookDefinition };
}
