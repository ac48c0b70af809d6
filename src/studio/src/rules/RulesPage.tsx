import { Badge, Button, Group, NavLink, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileCode, IconRestore } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useParams } from 'react-router';
import { api, call } from '../api/client';
import { errorMessage } from '../api/problem';
import { timeAgo } from '../common/time';
import { EmptyState, ErrorState, LoadingState } from '../common/QueryStates';
import { RuleEditor } from './RuleEditor';
import { RulesSidePanel } from './side/RulesSidePanel';
import { useRuleFile, useRuleVersions, useRuleset } from './queries';

/** /rules/:name — ops edit the rule files: the files of the live ruleset, one in the editor, and the version history. */
export function RulesPage() {
  const { name } = useParams();
  const ruleset = useRuleset();
  if (ruleset.isPending) return <LoadingState label="Loading the rules" />;
  if (ruleset.error) return <ErrorState error={ruleset.error} title="Could not load the rules" onRetry={() => void ruleset.refetch()} />;
  const files = ruleset.data.files.map((f) => f.replace(/\.json$/, ''));
  if (!name && files[0]) return <Navigate to={`/rules/${encodeURIComponent(files[0])}`} replace />;

  return (
    <Group align="stretch" gap={0} wrap="nowrap" h="calc(100dvh - 56px)">
      <Stack w={280} p="md" gap="sm" style={{ borderRight: '1px solid var(--mantine-color-gray-3)', background: 'white' }} component="nav" aria-label="Rule files">
        <div>
          <Title order={1} size="h3">Rules</Title>
          <Text size="xs" c="dimmed">Live ruleset <Text span ff="monospace" size="xs">{ruleset.data.activeVersion?.slice(0, 12) ?? 'none'}</Text>
            {' '}· tiers {ruleset.data.tiers.map((t) => t.tier).join(', ')}</Text>
        </div>
        {files.length === 0 ? <EmptyState title="No rule files" /> : files.map((f) => (
          <NavLink key={f} component={Link} to={`/rules/${encodeURIComponent(f)}`} label={`${f}.json`} active={f === name}
            leftSection={<IconFileCode size={16} />} style={{ borderRadius: 8 }} />
        ))}
        <Versions />
      </Stack>
      <Paper radius={0} p="md" style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
        {name ? <FileEditor key={name} name={name} /> : <EmptyState title="Choose a rule file" />}
      </Paper>
      <RulesSidePanel name={name} />
    </Group>
  );
}

function FileEditor({ name }: { name: string }) {
  const file = useRuleFile(name);
  if (file.isPending) return <LoadingState label={`Loading ${name}.json`} />;
  if (file.error) return <ErrorState error={file.error} title={`Could not load ${name}.json`} onRetry={() => void file.refetch()} />;
  return <RuleEditor name={name} stored={file.data} />;
}

function Versions() {
  const versions = useRuleVersions();
  const queryClient = useQueryClient();
  const rollback = useMutation({
    mutationFn: (id: string) => call(api.POST('/api/rules/versions/{version}/rollback', { params: { path: { version: id } } })),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['rules'] });
      notifications.show({ color: 'green', message: `Rolled back: ruleset ${result.version.slice(0, 12)} is live` });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not rolled back', message: errorMessage(error) }),
  });
  if (versions.isPending) return <LoadingState label="Loading versions" />;
  if (versions.error) return <ErrorState error={versions.error} />;
  return (
    <Stack gap={4} style={{ flex: 1, minHeight: 0 }} component="section" aria-label="Versions">
      <Text size="sm" fw={600} mt="sm">Versions</Text>
      <ScrollArea flex={1} type="auto">
        {versions.data.slice(0, 50).map((v) => (
          <Stack key={v.id} gap={0} py={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
            <Group gap={4} justify="space-between" wrap="nowrap">
              <Group gap={4}>
                <Text size="xs" ff="monospace">{v.id.slice(0, 10)}</Text>
                <Badge size="xs" variant="light" color={v.status === 'Active' ? 'green' : v.status === 'Rejected' ? 'red' : 'gray'}>{v.status.toLowerCase()}</Badge>
              </Group>
              {v.status !== 'Active' && v.status !== 'Rejected' && (
                <Button size="compact-xs" variant="subtle" leftSection={<IconRestore size={12} />} loading={rollback.isPending && rollback.variables === v.id}
                  onClick={() => rollback.mutate(v.id)} aria-label={`Roll back to ${v.id.slice(0, 10)}`}>Roll back</Button>
              )}
            </Group>
            <Text size="xs" c="dimmed">{v.author} · {timeAgo(v.createdAt)}</Text>
            {v.messages[0] && <Text size="xs" c={v.status === 'Rejected' ? 'red.7' : 'dimmed'} lineClamp={2}>{v.messages[0]}</Text>}
          </Stack>
        ))}
      </ScrollArea>
    </Stack>
  );
}
