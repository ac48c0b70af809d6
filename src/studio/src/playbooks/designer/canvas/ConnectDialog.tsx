import { Modal, Select, Stack, Text } from '@mantine/core';
import type { PlaybookDefinition } from '../../model/definition';
import { activityLabel } from './activityStyle';

/** "Connect to…": wires a port from the keyboard, which React Flow's drag-only handles cannot. */
export function ConnectDialog({ definition, from, port, onConnect, onClose }: {
  definition: PlaybookDefinition; from: string; port: string; onConnect: (to: string) => void; onClose: () => void;
}) {
  const current = (definition.edges ?? []).find((e) => e.from === from && e.port === port)?.to ?? null;
  const targets = (definition.nodes ?? []).filter((n) => n.id !== from && n.type !== 'Start')
    .map((n) => ({ value: n.id, label: `${n.id} — ${activityLabel(n.type)}` }));
  return (
    <Modal opened onClose={onClose} title={`Connect ${port} of ${from} to…`} size="sm">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">When {from} ends with {port}, the playbook continues at the step you choose.</Text>
        <Select data-autofocus label="Next step" searchable data={targets} value={current} dropdownOpened={undefined}
          onChange={(to) => { if (to) { onConnect(to); onClose(); } }} placeholder="Type to search steps" />
      </Stack>
    </Modal>
  );
}
