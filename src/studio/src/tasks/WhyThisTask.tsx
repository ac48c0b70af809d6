import { Anchor, Badge, Group, List, Skeleton, Stack, Text } from '@mantine/core';
import { IconBolt, IconRoute, IconStairsUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import { errorMessage } from '../api/problem';
import { mayOpen } from '../auth/roles';
import { useMe } from '../auth/useMe';
import { dateTime, timeAgo } from '../common/time';
import { signalWords, tierCauseWords } from './whyWords';

/** "Why this task": the playbook step that made it (a link to the run for those who may open playbooks), the tier and
 *  the rule behind it, and the signal it is about — so a rep knows what to say before the first word. */
export function WhyThisTask({ taskId }: { taskId: string }) {
  const me = useMe();
  const why = useQuery({
    queryKey: ['tasks', 'why', taskId],
    queryFn: () => call(api.GET('/api/tasks/{id}/why', { params: { path: { id: taskId } } })),
    staleTime: 60_000,
  });
  if (why.isPending) return <Skeleton h={60} aria-label="Loading why this task" />;
  if (why.error) return <Text size="xs" c="red.7" role="alert">Could not load why this task: {errorMessage(why.error)}</Text>;
  const { step, tier, signal } = why.data;
  const mayOpenRuns = !!me.data && mayOpen(me.data.role, 'playbooks');
  if (!step && !tier && !signal) return <Text size="xs" c="dimmed">This task was made outside a playbook.</Text>;
  return (
    <Stack gap={6} component="section" aria-label="Why this task">
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">Why this task</Text>
      <List spacing={6} size="sm" center>
        {step && (
          <List.Item icon={<IconRoute size={16} color="var(--mantine-color-indigo-6)" />}>
            <Text size="sm" span>Step <Text span ff="monospace" size="sm">{step.nodeId}</Text> of playbook <b>{step.playbookName}</b> v{step.version}</Text>
            {step.startedBy && <Text size="xs" c="dimmed">started by “{step.startedBy}”{step.startedAt ? `, ${timeAgo(step.startedAt)}` : ''}</Text>}
            {step.instanceId && mayOpenRuns && (
              <Anchor component={Link} size="xs" to={`/playbooks/${encodeURIComponent(step.playbookId)}/instances/${encodeURIComponent(step.instanceId)}`}>
                Open the run{step.instanceStatus ? ` (${step.instanceStatus.toLowerCase()})` : ''}
              </Anchor>
            )}
          </List.Item>
        )}
        {tier && (
          <List.Item icon={<IconStairsUp size={16} color="var(--mantine-color-teal-6)" />}>
            <Group gap={6}>
              <Badge size="sm" variant="light">{tier.tier}</Badge>
              <Text size="sm" span>since {timeAgo(tier.since)}, {tierCauseWords(tier)}</Text>
            </Group>
            {tier.reasons.length > 0 && <Text size="xs" c="dimmed" lineClamp={2}>{tier.reasons.slice(0, 3).join(' · ')}</Text>}
          </List.Item>
        )}
        {signal && (
          <List.Item icon={<IconBolt size={16} color="var(--mantine-color-orange-6)" />}>
            <Text size="sm" span ff="monospace">{signalWords(signal)}</Text>
            <Text size="xs" c="dimmed">{dateTime(signal.occurredAt)}{signal.source ? ` · from ${signal.source}` : ''} · {signal.role}</Text>
          </List.Item>
        )}
      </List>
    </Stack>
  );
}
