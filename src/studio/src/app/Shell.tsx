import { AppShell, Avatar, Badge, Button, Group, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { IconBell, IconBuildingSkyscraper, IconChartBar, IconChevronDown, IconFileCode, IconInbox, IconLogout, IconScale, IconSettings, IconSitemap, IconTemplate, IconUsersGroup } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client';
import { areasFor, type Area } from '../auth/roles';
import { meKey, useMe } from '../auth/useMe';
import { ErrorState, LoadingState } from '../common/QueryStates';
import { Logo } from './Logo';

const areaLinks: Record<Area, { label: string; icon: typeof IconSitemap }> = {
  playbooks: { label: 'Playbooks', icon: IconSitemap },
  rules: { label: 'Rules', icon: IconFileCode },
  templates: { label: 'Templates', icon: IconTemplate },
  inbox: { label: 'Inbox', icon: IconInbox },
  dashboard: { label: 'Dashboard', icon: IconChartBar },
  accounts: { label: 'Accounts', icon: IconBuildingSkyscraper },
  team: { label: 'Team', icon: IconUsersGroup },
  review: { label: 'Tier review', icon: IconScale },
  admin: { label: 'Admin', icon: IconSettings },
};

export function Shell() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <LoadingState label="Opening the Studio" />;
  if (me.error) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  const user = me.data;

  return (
    <AppShell header={{ height: 56 }} padding={0}>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Link to="/" aria-label="AccountPlaybooks start page" style={{ textDecoration: 'none', color: 'inherit' }}>
              <Logo />
            </Link>
            <Group component="nav" aria-label="Main" gap={2} wrap="nowrap">
              {areasFor(user.role).map((area) => {
                const { label, icon: Icon } = areaLinks[area];
                return (
                  <NavLink key={area} component={Link} to={`/${area}`} label={label} leftSection={<Icon size={16} />}
                    active={location.pathname.startsWith(`/${area}`)} w="auto" px={10} style={{ borderRadius: 8 }} />
                );
              })}
            </Group>
          </Group>
          <UserMenu name={user.name} role={user.role} email={user.email} isRep={!!user.repId} />
        </Group>
      </AppShell.Header>
      <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
        <Suspense fallback={<LoadingState label="Opening the page" />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

function UserMenu({ name, role, email, isRep }: { name: string; role: string; email: string; isRep: boolean }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = async () => {
    await api.POST('/api/auth/logout');
    queryClient.clear();
    queryClient.setQueryData(meKey, null);
    navigate('/login');
  };
  return (
    <Menu position="bottom-end" width={220}>
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${name}`}>
          <Group gap="xs" wrap="nowrap">
            <Avatar size="sm" color="indigo" radius="xl">{name.slice(0, 1)}</Avatar>
            <div>
              <Text size="sm" fw={600} lh={1.1}>{name}</Text>
              <Badge size="xs" variant="light">{role}</Badge>
            </div>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{email}</Menu.Label>
        {isRep && <Menu.Item leftSection={<IconBell size={14} />} component={Link} to="/settings/notifications">Notifications</Menu.Item>}
        <Menu.Item leftSection={<IconLogout size={14} />} onClick={() => void signOut()}>Sign out</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function WelcomePage() {
  const me = useMe();
  return (
    <Group justify="center" mt="xl">
      <Text c="dimmed" maw={520} ta="center">
        Welcome, {me.data?.name}. The Studio pages for your role ({me.data?.role}) are on their way; until then the API
        reference lists what you can do. <Button component="a" href="/api/docs" variant="subtle" size="compact-sm">Open the API reference</Button>
      </Text>
    </Group>
  );
}
