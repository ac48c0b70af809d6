import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Stack align="center" mt="xl" gap="sm">
      <Title order={2}>Nothing here</Title>
      <Text c="dimmed">This address is not a page of the Studio.</Text>
      <Button component={Link} to="/">Go to the start page</Button>
    </Stack>
  );
}
