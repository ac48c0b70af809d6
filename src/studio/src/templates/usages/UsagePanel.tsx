import { Anchor, Badge, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { IconArrowUpRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../common/QueryStates';
import { useTemplateUsages } from '../queries';
import { groupUsages } from './usageGroups';

/** The playbook steps that render this template, in published versions and newer drafts, each a link to the step in
 *  the designer. A change here reaches every task those steps create from now on. */
export function UsagePanel({ name, linkToDesigner }: { name: string; linkToDesigner: boolean }) {
  const usages = useTemplateUsages(name);
  if (usages.isPending) return <LoadingState label="Finding the playbooks that use it" />;
  if (usages.error) return <ErrorState error={usages.error} title="Could not find the playbooks" onRetry={() => void usages.refetch()} />;
  const groups = groupUsages(usages.data);
  if (groups.length === 0) {
    return (
      <EmptyState title="No playbook uses this template">
        A playbook step names a template in its Template input (Create task, Escalate). Until one does, saving it creates no tasks.
      </EmptyState>
    );
  }
  return (
    <ScrollArea h="100%" type="auto" offsetScrollbars>
      <Stack gap="sm">
        <Text size="xs" c="dimmed">A save changes the tasks these steps create from now on; tasks already created keep their text.</Text>
        {groups.map((group) => (
          <Paper key={group.playbookId} withBorder radius="md" p="sm" component="section" aria-label={`Used in ${group.playbookName}`}>
            <Group justify="space-between" gap="xs" mb={6} wrap="nowrap">
              <Text fw={650} size="sm" truncate>{group.playbookName}</Text>
              <Group gap={4} wrap="nowrap">{group.versions.map((v) => <VersionBadge key={v} version={v} />)}</Group>
            </Group>
            <Stack gap={4}>
              {group.steps.map((step) => (
                <Group key={step.nodeId} gap="xs" justify="space-between" wrap="nowrap">
                  {linkToDesigner ? (
                    <Anchor component={Link} to={step.href} size="sm" aria-label={`Open step ${step.nodeId} of ${group.playbookName} in the designer`}>
                      <Group gap={4} wrap="nowrap">{step.label} · <Text span ff="monospace" size="sm">{step.nodeId}</Text><IconArrowUpRight size={14} /></Group>
                    </Anchor>
                  ) : (
                    <Text size="sm">{step.label} · <Text span ff="monospace" size="sm">{step.nodeId}</Text></Text>
                  )}
                  {group.versions.length > 1 && step.versions.length < group.versions.length && (
                    <Text size="xs" c="dimmed">only in {step.versions.join(', ').toLowerCase()}</Text>
                  )}
                </Group>
              ))}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </ScrollArea>
  );
}

function VersionBadge({ version }: { version: string }) {
  return <Badge size="xs" variant="light" color={version.startsWith('Draft') ? 'yellow' : 'teal'} tt="none">{version}</Badge>;
}
