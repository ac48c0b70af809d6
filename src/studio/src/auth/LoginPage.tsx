import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client';
import { errorMessage } from '../api/problem';
import { Logo } from '../app/Logo';
import { homeFor } from './roles';
import { meKey, useMe } from './useMe';

export function LoginPage() {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v) ? null : 'Enter your email address'),
      password: (v) => (v ? null : 'Enter your password'),
    },
  });
  const login = useMutation({
    mutationFn: (values: { email: string; password: string }) => api.POST('/api/auth/login', { body: values }),
    onSuccess: ({ data }) => {
      queryClient.setQueryData(meKey, data);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/login' ? from : homeFor(data?.role ?? ''), { replace: true });
    },
  });

  if (me.data) return <Navigate to={homeFor(me.data.role)} replace />;

  return (
    <Center h="100%" bg="gray.1">
      <Paper component="main" withBorder shadow="sm" p="xl" w={380} radius="lg">
        <form onSubmit={form.onSubmit((values) => login.mutate(values))} noValidate>
          <Stack>
            <Logo />
            <div>
              <Title order={2}>Sign in</Title>
              <Text c="dimmed" size="sm">to the AccountPlaybooks Studio</Text>
            </div>
            {login.error && (
              <Alert color="red" role="alert" title="Not signed in">
                {errorMessage(login.error)}
              </Alert>
            )}
            <TextInput label="Email" type="email" autoComplete="username" autoFocus {...form.getInputProps('email')} />
            <PasswordInput label="Password" autoComplete="current-password" visibilityToggleButtonProps={{ "aria-label": "Show or hide what you typed" }} {...form.getInputProps("password")} />
            <Button type="submit" loading={login.isPending} fullWidth>Sign in</Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
