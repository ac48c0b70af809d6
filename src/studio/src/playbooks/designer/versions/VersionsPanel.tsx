import { Alert, Badge, Button, Card, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { IconArrowsDiff, IconDownload, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { api, call } from '../../../api/client';
import { errorMessage } from '../../../api/problem';
import { dateTime, timeAgo } from '../../../common/time';
import { ErrorState, LoadingState } from '../../../common/QueryStates';
import type { PlaybookDefinition } from '../../model/definition';
import { useVersions } from '../../queries';
import type { Comparison } from './useComparison';

const statusColor: Record<string, string> = { Published: 'green', Draft: 'yellow', Superseded: 'gray', Retracted: 'orange' };

/** Every version with its author and time; compare two on the canvas, restore one as a new draft, or export it. */
export function VersionsPanel({ id, compare, onCompare, comparison, onRestore }: {
  id: string; current: PlaybookDefinition; compare: [number, number] | null; onCompare: (v: [number, number] | null) => void;
  comparison: Comparison; onRestore: (d: PlaybookDefinition) => void;
}) {
  const versions = useVersions(id);
  const [restoring, setRestoring] = useState<number | null>(null);
  const [restoreError, setRestoreError] = useState<unknown>(null);
  if (versions.isPending) return <LoadingState label="Loading versions" />;
  if (versions.error) return <ErrorState error={versions.error} title="Could not load the versions" onRetry={() => void versions.refetch()} />;
  const list = versions.data;
  const options = list.map((v) => ({ value: String(v.number), label: `v${v.number} · ${v.status.toLowerCase()}` }));
  const [from, to] = compare ?? [list[1]?.number ?? list[0]?.number ?? 1, list[0]?.number ?? 1];

  const restore = async (number: number) => {
    setRestoring(number);
    setRestoreError(null);
    try {
      const detail = await call(api.GET('/api/playbooks/{id}', { params: { path: { id }, query: { version: number } } }));
      onRestore(detail.definition);
    } catch (error) {
      setRestoreError(error);
    } finally {
      setRestoring(null);
    }
  };

  return (
    <Stack gap="sm" component="section" aria-label="Versions">
      <Title order={2} size="h4">Versions</Title>
      <Card withBorder padding="xs" radius="md">
        <Text size="sm" fw={600} mb={4}>Compare on the canvas</Text>
        <Group gap={6} grow>
          <Select size="xs" label="From" data={options} value={String(from)} allowDeselect={false} onChange={(v) => v && onCompare([Number(v), to])} />
          <Select size="xs" label="To" data={options} value={String(to)} allowDeselect={false} onChange={(v) => v && onCompare([from, Number(v)])} />
        </Group>
        {!compare && <Button size="xs" mt="xs" variant="light" leftSection={<IconArrowsDiff size={14} />} disabled={list.length < 2}
          onClick={() => onCompare([from, to])}>Show the differences</Button>}
        {comparison.loading && compare && <Loader size="xs" mt="xs" />}
        {comparison.error ? <Text size="xs" c="red">{errorMessage(comparison.error)}</Text> : null}
        {comparison.diff && (
          <Stack gap={2} mt="xs" aria-label="Differences">
            <Group gap={4}>
              <Badge size="xs" color="green">{[...comparison.diff.nodes.values()].filter((c) => c === 'added').length} added</Badge>
              <Badge size="xs" color="red">{[...comparison.diff.nodes.values()].filter((c) => c === 'removed').length} removed</Badge>
              <Badge size="xs" color="yellow">{[...comparison.diff.nodes.values()].filter((c) => c === 'changed').length} changed</Badge>
              <Badge size="xs" color="gray">{[...comparison.diff.edges.values()].filter((c) => c !== 'same').length} connections differ</Badge>
            </Group>
            {comparison.diff.settingsChanged.length > 0 && <Text size="xs">Also changed: {comparison.diff.settingsChanged.join(', ')}</Text>}
          </Stack>
        )}
      </Card>
      {restoreError ? <Alert color="red" role="alert">{errorMessage(restoreError)}</Alert> : null}
      {list.map((v) => (
        <Card key={v.number} withBorder padding="xs" radius="md">
          <Group justify="space-between" wrap="nowrap">
            <Group gap={6}>
              <Text fw={650}>v{v.number}</Text>
              <Badge size="sm" variant="light" color={statusColor[v.status] ?? 'gray'}>{v.status.toLowerCase()}</Badge>
              {v.running > 0 && <Badge size="sm" variant="outline" color="teal">{v.running} running</Badge>}
            </Group>
          </Group>
          <Text size="xs" c="dimmed" title={dateTime(v.createdAt)}>{v.author} · {timeAgo(v.createdAt)}{v.publishedAt ? ` · published ${timeAgo(v.publishedAt)}` : ''}</Text>
          {v.problems.length > 0 && <Text size="xs" c="red">{v.problems.length} problem{v.problems.length > 1 ? 's' : ''}</Text>}
          <Group gap={4} mt={4}>
            <Button size="compact-xs" variant="subtle" leftSection={<IconRestore size={12} />} loading={restoring === v.number}
              onClick={() => void restore(v.number)}>Restore as draft</Button>
            <Button size="compact-xs" variant="subtle" component="a" leftSection={<IconDownload size={12} />}
              href={`/api/playbooks/${encodeURIComponent(id)}/versions/${v.number}/export`}>Export</Button>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
