import { Badge, Group, Paper, Stack, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { timeAgo } from '../common/time';
import type { TeamQueue } from './teamTypes';

/** Work no rep holds: the marketing queue, the fallback queue for tasks nobody could take. Choosing one filters the table. */
export function QueuesPanel({ queues, selectedQueue, onShow }: {
  queues: TeamQueue[];
  selectedQueue: string | null;
  onShow: (queue: string | null) => void;
}) {
  return (
    <Paper withBorder radius="lg" component="section" aria-label="Queues">
      <Group justify="space-between" px="md" pt="md" pb="xs">
        <Title order={2} size="h5">Queues</Title>
        <Text size="xs" c="dimmed">{queues.length}</Text>
      </Group>
      <Stack gap={0} pb="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {queues.map((q) => {
          const selected = q.name === selectedQueue;
          const why = q.fallback
            ? 'Fallback: tasks land here when no rep can take them (no owner, or everyone away).'
            : `Tasks sent here by ${q.playbooks.join(', ') || 'a playbook'}.`;
          return (
            <li key={q.name}>
              <Tooltip label={why} multiline w={260} openDelay={300} position="right">
                <UnstyledButton w="100%" px="md" py={8} onClick={() => onShow(selected ? null : q.name)} aria-pressed={selected}
                  aria-label={`Queue ${q.name}: ${q.counts.open} open, ${q.counts.breached} breached`}
                  bg={selected ? 'grape.0' : undefined}
                  style={{ borderLeft: `3px solid ${selected ? 'var(--mantine-color-grape-6)' : 'transparent'}` }}>
                  <Group justify="space-between" wrap="nowrap">
                    <div style={{ minWidth: 0 }}>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={600} truncate>{q.name}</Text>
                        {q.fallback && <Badge size="xs" variant="outline" color="gray">fallback</Badge>}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {q.oldestOpenSince ? `oldest ${timeAgo(q.oldestOpenSince)}` : 'empty'}
                        {q.counts.breached > 0 && <Text span c="red.7" fw={600} size="xs"> · {q.counts.breached} breached</Text>}
                      </Text>
                    </div>
                    <Badge variant={q.counts.open > 0 ? 'light' : 'outline'} color={q.counts.open > 0 ? 'grape' : 'gray'}>{q.counts.open}</Badge>
                  </Group>
                </UnstyledButton>
              </Tooltip>
            </li>
          );
        })}
      </Stack>
    </Paper>
  );
}
