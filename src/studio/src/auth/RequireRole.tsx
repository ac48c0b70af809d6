import { Alert, Button, Stack } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import { type Area, mayOpen } from './roles';
import { useMe } from './useMe';

/** Shows the page only to roles that may open its area; the server refuses the calls anyway. */
export function RequireRole({ area }: { area: Area }) {
  const me = useMe();
  if (!me.data) return null;
  if (!mayOpen(me.data.role, area)) {
    return (
      <Stack maw={520} mx="auto" mt="xl">
        <Alert color="orange" title="Not available for your role" role="alert">
          The {area} area is not open to your role. You are signed in as {me.data.name} ({me.data.role}).
        </Alert>
        <Button component={Link} to="/" variant="light">Go to your start page</Button>
      </Stack>
    );
  }
  return <Outlet />;
}
