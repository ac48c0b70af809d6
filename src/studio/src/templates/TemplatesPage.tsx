import { Badge, Group, NavLink, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useParams } from 'react-router';
import { api, call } from '../api/client';
import { EmptyState, ErrorState, LoadingState } from '../common/QueryStates';
import { TemplateEditor } from './TemplateEditor';

/** /templates/:name — ops edit the task templates (templates/*.sbn) with a live preview. */
export function TemplatesPage() {
  const { name } = useParams();
  const templates = useQuery({ queryKey: ['templates'], queryFn: () => call(api.GET('/api/templates')) });
  if (templates.isPending) return <LoadingState label="Loading the templates" />;
  if (templates.error) return <ErrorState error={templates.error} title="Could not load the templates" onRetry={() => void templates.refetch()} />;
  if (!name && templates.data[0]) return <Navigate to={`/templates/${encodeURIComponent(templates.data[0].name)}`} replace />;

  return (
    <Group align="stretch" gap={0} wrap="nowrap" h="calc(100dvh - 56px)">
      <Stack w={300} p="md" gap="sm" style={{ borderRight: '1px solid var(--mantine-color-gray-3)', background: 'white' }} component="nav" aria-label="Templates">
        <Title order={1} size="h3">Templates</Title>
        <ScrollArea flex={1} type="auto">
          {templates.data.length === 0 ? <EmptyState title="No templates" /> : templates.data.map((t) => (
            <NavLink key={t.name} component={Link} to={`/templates/${encodeURIComponent(t.name)}`} active={t.name === name} style={{ borderRadius: 8 }}
              label={<Group gap={4} wrap="nowrap"><Text size="sm" ff="monospace">{t.name}</Text>{t.problems.length > 0 && <Badge size="xs" color="red">{t.problems.length}</Badge>}</Group>}
              description={t.sampleTitle ?? undefined} />
          ))}
        </ScrollArea>
      </Stack>
      <Paper radius={0} p="md" style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
        {name ? <TemplateFile key={name} name={name} /> : <EmptyState title="Choose a template" />}
      </Paper>
    </Group>
  );
}

function TemplateFile({ name }: { name: string }) {
  const file = useQuery({
    queryKey: ['templates', 'file', name],
    queryFn: async () => (await api.GET('/api/templates/{name}', { params: { path: { name } }, parseAs: 'text' })).data as string,
    staleTime: Infinity,
  });
  if (file.isPending) return <LoadingState label={`Loading ${name}.sbn`} />;
  if (file.error) return <ErrorState error={file.error} title={`Could not load ${name}.sbn`} onRetry={() => void file.refetch()} />;
  return <TemplateEditor name={name} stored={file.data} />;
}
