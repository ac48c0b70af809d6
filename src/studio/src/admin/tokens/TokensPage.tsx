import { Badge, Button, Code, Group, Modal, Paper, Stack, Switch, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBan, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../api/problem';
import { useMe } from '../../auth/useMe';
import { EmptyState, ErrorState, LoadingState } from '../../common/QueryStates';
import { dateTime, timeAgo } from '../../common/time';
import type { TokenView } from '../adminTypes';
import { useRevokeToken, useTokens, useUsers } from '../queries';
import { NewTokenDialog } from './NewTokenDialog';
import { TokenShownOnce } from './TokenShownOnce';

const statusColors: Record<string, string> = { active: 'green', revoked: 'gray', expired: 'orange' };

/** API tokens: by prefix (the token itself is never shown again), whose, when last used; create one (shown once), revoke. */
export function TokensPage() {
  const tokens = useTokens();
  const users = useUsers();
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const [showAll, setShowAll] = useState(false);
  const [shown, setShown] = useState<{ token: string; owner: string } | null>(null);
  const [revoking, setRevoking] = useState<TokenView | null>(null);
  // ?new=USER opens the dialog for that user (from the users page); "New token" opens it for yourself.
  const creatingFor = search.get('new');
  const openNew = (userId: string) => setSearch({ new: userId }, { replace: true });
  const closeNew = () => setSearch({}, { replace: true });

  const rows = (tokens.data ?? []).filter((t) => showAll || t.status === 'active');
  const hidden = (tokens.data?.length ?? 0) - rows.length;

  return (
    <Stack gap="md" component="section" aria-label="API tokens">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">Integrations call the API with a bearer token. Only its first characters are kept for display; the server stores a hash.</Text>
        <Group>
          <Switch label={`Show revoked and expired${hidden > 0 ? ` (${hidden})` : ''}`} checked={showAll} onChange={(e) => setShowAll(e.currentTarget.checked)} />
          <Button leftSection={<IconPlus size={16} />} onClick={() => openNew(me.data?.id ?? '')}>New token</Button>
        </Group>
      </Group>
      <Paper withBorder radius="lg">
        {tokens.isPending ? <LoadingState label="Loading tokens" />
          : tokens.error ? <ErrorState error={tokens.error} title="Could not load the tokens" onRetry={() => void tokens.refetch()} />
          : rows.length === 0 ? <EmptyState title={showAll ? 'No API tokens yet' : 'No active API tokens'}>Create one for each integration, so each can be revoked on its own.</EmptyState>
          : <TokensTable tokens={rows} onRevoke={setRevoking} />}
      </Paper>
      {creatingFor !== null && users.data && (
        <NewTokenDialog users={users.data} userId={creatingFor || null} onClose={closeNew}
          onIssued={(issued) => { closeNew(); setShown(issued); }} />
      )}
      {shown && <TokenShownOnce token={shown.token} owner={shown.owner} onClose={() => setShown(null)} />}
      {revoking && <RevokeDialog token={revoking} onClose={() => setRevoking(null)} />}
    </Stack>
  );
}

function TokensTable({ tokens, onRevoke }: { tokens: TokenView[]; onRevoke: (token: TokenView) => void }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label="API tokens">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Token</Table.Th>
            <Table.Th>User</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th w={110}><span className="visually-hidden">Actions</span></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((t) => (
            <Table.Tr key={t.id} data-token-prefix={t.prefix}>
              <Table.Td><Text size="sm" fw={600}>{t.name}</Text></Table.Td>
              <Table.Td><Code>{t.prefix}…</Code></Table.Td>
              <Table.Td>
                <Text size="sm">{t.userName}</Text>
                <Text size="xs" c="dimmed">{t.userEmail}</Text>
              </Table.Td>
              <Table.Td><Tooltip label={dateTime(t.createdAt)}><Text size="sm" c="dimmed">{timeAgo(t.createdAt)}</Text></Tooltip></Table.Td>
              <Table.Td><Text size="sm" c="dimmed">{t.expiresAt ? dateTime(t.expiresAt) : 'never'}</Text></Table.Td>
              <Table.Td>
                {t.lastUsedAt ? <Tooltip label={dateTime(t.lastUsedAt)}><Text size="sm">{timeAgo(t.lastUsedAt)}</Text></Tooltip>
                  : <Text size="sm" c="dimmed">never</Text>}
              </Table.Td>
              <Table.Td>
                <Tooltip label={t.revokedAt ? `Revoked ${dateTime(t.revokedAt)}` : t.status} disabled={!t.revokedAt}>
                  <Badge variant="light" color={statusColors[t.status] ?? 'gray'}>{t.status}</Badge>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                {t.status === 'active' && (
                  <Button size="compact-sm" variant="subtle" color="red" leftSection={<IconBan size={14} />} onClick={() => onRevoke(t)}
                    aria-label={`Revoke ${t.name} (${t.prefix}…)`}>Revoke</Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RevokeDialog({ token, onClose }: { token: TokenView; onClose: () => void }) {
  const revoke = useRevokeToken();
  return (
    <Modal opened onClose={onClose} title={`Revoke “${token.name}”?`} centered>
      <Stack gap="md">
        <Text size="sm">
          <Code>{token.prefix}…</Code> of {token.userName} stops working at once: whatever uses it gets “401 Unauthorized” from its next request.
          This cannot be undone; create a new token to replace it.
        </Text>
        {revoke.error != null && <Text size="sm" c="red" role="alert">{errorMessage(revoke.error)}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Keep it</Button>
          <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate(token.id, {
            onSuccess: () => {
              notifications.show({ color: 'orange', message: `${token.name} (${token.prefix}…) is revoked` });
              onClose();
            },
          })}>Revoke token</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
