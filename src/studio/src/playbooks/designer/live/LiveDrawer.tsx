import { Anchor, Badge, Drawer, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../../api/client';
import { timeAgo } from '../../../common/time';
import { EmptyState, ErrorState, LoadingState } from '../../../common/QueryStates';
import { playbookKeys } from '../../queries';

/** The accounts waiting at one node, newest first, each opening its instance. */
export function LiveDrawer({ playbookId, nodeId, onClose }: { playbookId: string; nodeId: string; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const instances = useQuery({
    queryKey: [...playbookKeys.instances(playbookId, nodeId), page],
    queryFn: () => call(api.GET('/api/playbooks/{id}/instances', {
      params: { path: { id: playbookId }, query: { node: nodeId, status: 'Waiting', page, pageSize: 25 } },
    })),
    placeholderData: (previous) => previous,
  });
  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={<Text fw={650}>Waiting at {nodeId}</Text>}>
      {instances.isPending ? <LoadingState label="Loading the accounts" />
        : instances.error ? <ErrorState error={instances.error} onRetry={() => void instances.refetch()} />
        : instances.data.items.length === 0 ? <EmptyState title="Nobody waits here now" />
        : (
          <Stack>
            <Text size="sm" c="dimmed">{instances.data.total.toLocaleString()} running instance{instances.data.total === 1 ? '' : 's'} wait at this step.</Text>
            <Table aria-label={`Instances waiting at ${nodeId}`} highlightOnHover>
              <Table.Thead><Table.Tr><Table.Th>Account</Table.Th><Table.Th>Version</Table.Th><Table.Th>Started</Table.Th><Table.Th>Waiting at</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {instances.data.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td><Anchor component={Link} to={`/playbooks/${encodeURIComponent(playbookId)}/instances/${encodeURIComponent(i.id)}`}>{i.accountId}</Anchor></Table.Td>
                    <Table.Td>v{i.version}</Table.Td>
                    <Table.Td><Text size="sm">{timeAgo(i.startedAt)}</Text><Text size="xs" c="dimmed">{i.startedBy}</Text></Table.Td>
                    <Table.Td><Group gap={4}>{i.waitingAt.map((n) => <Badge key={n} size="xs" variant="light">{n}</Badge>)}</Group></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {instances.data.total > 25 && <Pagination total={Math.ceil(instances.data.total / 25)} value={page} onChange={setPage} size="sm" />}
          </Stack>
        )}
    </Drawer>
  );
}
