import { Badge, Button, Group, Menu, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconCopy, IconDots, IconFileImport, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PlaybookSummary } from '../../api/types';
import { EmptyState, ErrorState, LoadingState } from '../../common/QueryStates';
import { timeAgo } from '../../common/time';
import { usePlaybooks } from '../queries';
import { ImportPlaybookButton } from './ImportPlaybookButton';
import { NewPlaybookDialog } from './NewPlaybookDialog';

export function PlaybookListPage() {
  const playbooks = usePlaybooks();
  const [creating, setCreating] = useState<{ from?: PlaybookSummary } | null>(null);

  return (
    <Stack p="lg" gap="md" maw={1280} w="100%" mx="auto">
      <Group justify="space-between">
        <div>
          <Title order={1} size="h2">Playbooks</Title>
          <Text c="dimmed" size="sm">What each tier gets: touches, waits, SLAs and escalations, started by tier changes and signals.</Text>
        </div>
        <Group>
          <ImportPlaybookButton />
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating({})}>New playbook</Button>
        </Group>
      </Group>
      <Paper withBorder radius="lg">
        {playbooks.isPending ? (
          <LoadingState label="Loading playbooks" />
        ) : playbooks.error ? (
          <ErrorState error={playbooks.error} title="Could not load the playbooks" onRetry={() => void playbooks.refetch()} />
        ) : playbooks.data.length === 0 ? (
          <EmptyState title="No playbooks yet" action={<Button onClick={() => setCreating({})}>Create the first playbook</Button>}>
            A playbook says what happens to an account when it enters a tier or sends a signal.
          </EmptyState>
        ) : (
          <PlaybookTable rows={playbooks.data} onDuplicate={(from) => setCreating({ from })} />
        )}
      </Paper>
      {creating && <NewPlaybookDialog from={creating.from} taken={playbooks.data?.map((p) => p.id) ?? []} onClose={() => setCreating(null)} />}
    </Stack>
  );
}

function PlaybookTable({ rows, onDuplicate }: { rows: PlaybookSummary[]; onDuplicate: (from: PlaybookSummary) => void }) {
  return (
    <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label="Playbooks">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Playbook</Table.Th>
          <Table.Th>Starts when</Table.Th>
          <Table.Th miw={170}>Live</Table.Th>
          <Table.Th ta="right">Running</Table.Th>
          <Table.Th>Last published</Table.Th>
          <Table.Th w={48}><span className="visually-hidden">Actions</span></Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>
              <Text component={Link} to={`/playbooks/${encodeURIComponent(p.id)}`} fw={600} c="indigo.8" style={{ textDecoration: 'none' }}>
                {p.name}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace">{p.id}</Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {p.triggers.length === 0 ? <Text size="sm" c="dimmed">never (no trigger)</Text>
                  : p.triggers.map((t) => <Text key={t} size="xs" px={8} py={2} bg="gray.1" style={{ borderRadius: 12 }}>{t}</Text>)}
              </Group>
            </Table.Td>
            <Table.Td miw={170}>
              <Group gap={6} wrap="nowrap">
                {p.publishedVersion != null ? <Badge color="green" variant="light">v{p.publishedVersion}</Badge>
                  : <Badge color={p.status === 'Retracted' ? 'orange' : 'gray'} variant="light">{p.status === 'Retracted' ? 'retracted' : 'not published'}</Badge>}
                {p.latestDraft != null && (
                  <Tooltip label={`Draft v${p.latestDraft} is newer than what is live`}>
                    <Badge color="yellow" variant="dot">draft v{p.latestDraft}</Badge>
                  </Tooltip>
                )}
              </Group>
            </Table.Td>
            <Table.Td ta="right"><Text fw={500}>{p.running.toLocaleString()}</Text></Table.Td>
            <Table.Td>
              {p.publishedAt ? (
                <Text size="sm">{p.publishedBy} <Text span c="dimmed" size="sm">· {timeAgo(p.publishedAt)}</Text></Text>
              ) : <Text size="sm" c="dimmed">—</Text>}
            </Table.Td>
            <Table.Td>
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button variant="subtle" color="gray" size="compact-sm" aria-label={`More actions for ${p.name}`}><IconDots size={16} /></Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconCopy size={14} />} onClick={() => onDuplicate(p)}>Duplicate</Menu.Item>
                  <Menu.Item leftSection={<IconFileImport size={14} />} component="a"
                    href={p.publishedVersion != null ? `/api/playbooks/${encodeURIComponent(p.id)}/versions/${p.publishedVersion}/export` : undefined}
                    disabled={p.publishedVersion == null}>Export live version</Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
