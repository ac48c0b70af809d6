import { Badge, Group, Loader, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import type { ProblemView } from '../../../api/types';
import { errorMessage } from '../../../api/problem';

/** Every problem the server found, in words; clicking one focuses its node on the canvas. */
export function ProblemsPanel({ problems, validating, error, onFocusNode }: {
  problems: ProblemView[]; validating: boolean; error: unknown; onFocusNode: (nodeId: string) => void;
}) {
  return (
    <Stack gap={4} p="xs" component="section" aria-label="Problems" h="100%">
      <Group gap="xs">
        <Text size="sm" fw={650}>Problems</Text>
        {problems.length > 0 ? <Badge color="red" size="sm">{problems.length}</Badge> : null}
        {validating && <Loader size={12} aria-label="Checking" />}
      </Group>
      <ScrollArea flex={1} type="auto">
        {error ? (
          <Text size="xs" c="red" role="alert">The server could not check this playbook: {errorMessage(error)}</Text>
        ) : problems.length === 0 ? (
          <Group gap={6}><IconCircleCheck size={16} color="var(--mantine-color-teal-6)" /><Text size="xs" c="dimmed">No problems: this playbook can be published.</Text></Group>
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {problems.map((p, i) => (
              <li key={i}>
                <UnstyledButton onClick={() => p.nodeId && onFocusNode(p.nodeId)} disabled={!p.nodeId} w="100%" px={6} py={3}
                  style={{ borderRadius: 6 }} className="problem-row">
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <IconAlertCircle size={14} color="var(--mantine-color-red-6)" style={{ marginTop: 2, flexShrink: 0 }} />
                    <Text size="xs"><b>{p.nodeId ?? 'playbook'}</b>{p.where ? ` · ${p.where}` : ''}: {p.message}</Text>
                  </Group>
                </UnstyledButton>
              </li>
            ))}
          </ul>
        )}
      </ScrollArea>
    </Stack>
  );
}
