import { ActionIcon, Avatar, Badge, Button, Group, Menu, Paper, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconKey, IconLock, IconLockOpen, IconPlus, IconUserCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/problem';
import { useMe } from '../../auth/useMe';
import { EmptyState, ErrorState, LoadingState } from '../../common/QueryStates';
import { timeAgo } from '../../common/time';
import type { Rep, UserRole, UserView } from '../adminTypes';
import { useChangeRole, useReps, useSetDisabled, useUsers } from '../queries';
import { TokenShownOnce } from '../tokens/TokenShownOnce';
import { LinkRepDialog } from './LinkRepDialog';
import { NewUserDialog } from './NewUserDialog';
import { roleColors, roleOptions } from './roles';

/** Users and roles: who may sign in, with which role and rep record; create, change a role, disable and enable. */
export function UsersPage() {
  const users = useUsers();
  const reps = useReps();
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<{ name: string; token: string } | null>(null);

  return (
    <Stack gap="md" component="section" aria-label="Users and roles">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">A user's role decides what they can open; reps and managers work as a rep record (their tasks, their team).</Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>New user</Button>
      </Group>
      <Paper withBorder radius="lg">
        {users.isPending ? <LoadingState label="Loading users" />
          : users.error ? <ErrorState error={users.error} title="Could not load the users" onRetry={() => void users.refetch()} />
          : users.data.length === 0 ? <EmptyState title="No users yet">Create the first user.</EmptyState>
          : <UsersTable users={users.data} reps={reps.data ?? []} myId={me.data?.id ?? null} />}
      </Paper>
      {creating && (
        <NewUserDialog reps={reps.data ?? []} onClose={() => setCreating(false)} onCreated={({ name, token }) => {
          setCreating(false);
          notifications.show({ color: 'green', message: `${name} can now ${token ? 'use the API' : 'sign in'}` });
          if (token) setShown({ name, token });
        }} />
      )}
      {shown && <TokenShownOnce token={shown.token} owner={shown.name} onClose={() => setShown(null)} />}
    </Stack>
  );
}

function UsersTable({ users, reps, myId }: { users: UserView[]; reps: Rep[]; myId: string | null }) {
  const changeRole = useChangeRole();
  const setDisabled = useSetDisabled();
  const navigate = useNavigate();
  const [linking, setLinking] = useState<{ user: UserView; role: UserRole } | null>(null);
  const save = (user: UserView, role: UserRole, repId: string | null) => changeRole.mutate({ id: user.id, role, repId }, {
    onSuccess: () => {
      setLinking(null);
      notifications.show({ color: 'green', message: `${user.name} is now ${role.toLowerCase()}` });
    },
    onError: (error) => notifications.show({ color: 'red', title: `${user.name} keeps their role`, message: errorMessage(error) }),
  });
  // A rep or manager needs a rep record: ask for it when they have none (or to confirm it).
  const onRole = (user: UserView, role: UserRole) =>
    (role === 'Rep' || role === 'Manager') && !user.repId ? setLinking({ user, role }) : save(user, role, null);
  const onDisable = (user: UserView, disabled: boolean) => setDisabled.mutate({ id: user.id, disabled }, {
    onSuccess: () => notifications.show({ color: disabled ? 'orange' : 'green',
      message: disabled ? `${user.name} is disabled: signed out, tokens refused` : `${user.name} is enabled again` }),
    onError: (error) => notifications.show({ color: 'red', title: `Could not ${disabled ? 'disable' : 'enable'} ${user.name}`, message: errorMessage(error) }),
  });

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label="Users">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>User</Table.Th>
            <Table.Th w={170}>Role</Table.Th>
            <Table.Th>Works as</Table.Th>
            <Table.Th>Signs in with</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Added</Table.Th>
            <Table.Th w={48}><span className="visually-hidden">Actions</span></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => {
            const self = user.id === myId;
            const activeTokens = user.tokens.filter((t) => t.status === 'active').length;
            const needsRep = (user.role === 'Rep' || user.role === 'Manager') && !user.repId;
            return (
              <Table.Tr key={user.id} data-user-email={user.email} style={{ opacity: user.disabledAt ? 0.6 : 1 }}>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <Avatar size={32} radius="xl" color={roleColors[user.role]}>{user.name.slice(0, 1).toUpperCase()}</Avatar>
                    <div>
                      <Text size="sm" fw={600}>{user.name}{self && <Text span size="xs" c="dimmed"> (you)</Text>}</Text>
                      <Text size="xs" c="dimmed">{user.email}</Text>
                    </div>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Tooltip label="Another admin must change your role" disabled={!self}>
                    <Select size="xs" aria-label={`Role of ${user.name}`} data={roleOptions.map((r) => ({ value: r.value, label: r.value }))}
                      value={user.role} allowDeselect={false} disabled={self || changeRole.isPending}
                      onChange={(role) => role && role !== user.role && onRole(user, role as UserRole)} />
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  {user.repName ? <Text size="sm">{user.repName}</Text>
                    : needsRep ? <Tooltip label="Without a rep record they see no tasks: choose one">
                      <Badge component="button" color="yellow" variant="light" style={{ cursor: 'pointer', border: 0 }}
                        onClick={() => setLinking({ user, role: user.role })}>no rep linked</Badge></Tooltip>
                    : <Text size="sm" c="dimmed">—</Text>}
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    {user.hasPassword && <Badge variant="outline" color="gray" leftSection={<IconUserCheck size={11} />}>password</Badge>}
                    {activeTokens > 0 && <Badge variant="outline" color="indigo" leftSection={<IconKey size={11} />}>
                      {activeTokens} token{activeTokens === 1 ? '' : 's'}</Badge>}
                    {!user.hasPassword && activeTokens === 0 && <Text size="xs" c="dimmed">nothing (cannot sign in)</Text>}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {user.disabledAt
                    ? <Tooltip label={`Disabled ${timeAgo(user.disabledAt)}`}><Badge color="gray" variant="filled">disabled</Badge></Tooltip>
                    : <Badge color="green" variant="light">active</Badge>}
                </Table.Td>
                <Table.Td><Text size="sm" c="dimmed">{timeAgo(user.createdAt)}</Text></Table.Td>
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon variant="subtle" color="gray" aria-label={`More for ${user.name}`}><IconDots size={16} /></ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item leftSection={<IconKey size={14} />} disabled={!!user.disabledAt}
                        onClick={() => navigate(`/admin/tokens?new=${encodeURIComponent(user.id)}`)}>New API token…</Menu.Item>
                      {user.disabledAt
                        ? <Menu.Item leftSection={<IconLockOpen size={14} />} onClick={() => onDisable(user, false)}>Enable</Menu.Item>
                        : <Menu.Item leftSection={<IconLock size={14} />} color="red" disabled={self} onClick={() => onDisable(user, true)}>
                          Disable{self ? ' (not yourself)' : ''}</Menu.Item>}
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {linking && <LinkRepDialog user={linking.user} role={linking.role} reps={reps} busy={changeRole.isPending}
        onClose={() => setLinking(null)} onSave={(repId) => save(linking.user, linking.role, repId)} />}
    </Table.ScrollContainer>
  );
}
