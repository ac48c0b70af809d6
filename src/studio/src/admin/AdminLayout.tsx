import { Stack, Tabs, Text, Title } from '@mantine/core';
import { IconCloudDownload, IconCloudUpload, IconHistory, IconKey, IconMailX, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { LoadingState } from '../common/QueryStates';

const sections = [
  { value: 'users', label: 'Users and roles', icon: IconUsers },
  { value: 'tokens', label: 'API tokens', icon: IconKey },
  { value: 'reps', label: 'Reps and teams', icon: IconUsersGroup },
  { value: 'dead-letters', label: 'Dead letters', icon: IconMailX },
  { value: 'crm-sync', label: 'CRM sync', icon: IconCloudUpload },
  { value: 'imports', label: 'Import runs', icon: IconCloudDownload },
  { value: 'audit', label: 'Audit log', icon: IconHistory },
] as const;

/** The admin area: one tab per section, each its own address (/admin/users, /admin/tokens, ...). */
export function AdminLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  const current = sections.find((s) => location.pathname.startsWith(`/admin/${s.value}`))?.value ?? 'users';
  return (
    <Stack p="lg" gap="md" maw={1320} w="100%" mx="auto">
      <div>
        <Title order={1} size="h2">Admin</Title>
        <Text c="dimmed" size="sm">Who can sign in and with what role, the tokens integrations use, the sales team's set-up, messages that did not go out, the CRM sync, the scheduled imports, and who changed what.</Text>
      </div>
      <Tabs value={current} onChange={(value) => value && navigate(`/admin/${value}`)} variant="outline" radius="md" keepMounted={false}>
        <Tabs.List aria-label="Admin sections">
          {sections.map(({ value, label, icon: Icon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} />}>{label}</Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Suspense fallback={<LoadingState label="Opening the page" />}>
        <Outlet />
      </Suspense>
    </Stack>
  );
}
