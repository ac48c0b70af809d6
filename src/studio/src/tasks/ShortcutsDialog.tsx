import { Kbd, Modal, Table } from '@mantine/core';

export const inboxShortcuts: [string, string][] = [
  ['j', 'Next task'],
  ['k', 'Previous task'],
  ['Enter', 'Open the highlighted task'],
  ['d', 'Complete the open task as Done (with the note)'],
  ['s', 'Snooze the open task'],
  ['?', 'Show these shortcuts'],
];

export function ShortcutsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts">
      <Table aria-label="Keyboard shortcuts">
        <Table.Tbody>
          {inboxShortcuts.map(([key, what]) => (
            <Table.Tr key={key}><Table.Td w={80}><Kbd>{key}</Kbd></Table.Td><Table.Td>{what}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
