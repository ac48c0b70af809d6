import { Group, NavLink, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileCode } from '@tabler/icons-react';
import { Link, Navigate, useParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../common/QueryStates';
import { RuleEditor } from './RuleEditor';
import { useRuleFile, useRuleset } from './queries';
import { RulesSidePanel } from './side/RulesSidePanel';
import { RuleVersions } from './versions/RuleVersions';

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
        <RuleVersions />
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
  // A rollback (or a publish) changes the stored file: the editor starts again from it.
  return <RuleEditor key={file.data} name={name} stored={file.data} />;
}
