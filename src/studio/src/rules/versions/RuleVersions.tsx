import { ActionIcon, Badge, Group, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { IconGitCompare, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../common/QueryStates';
import { dateTime, timeAgo } from '../../common/time';
import { type RuleVersion, useRuleVersions } from '../queries';
import { RollbackDialog } from './RollbackDialog';
import { VersionDiff } from './VersionDiff';

const statusColor: Record<string, string> = { Active: 'green', Rejected: 'red', Superseded: 'gray' };

/** Every publish attempt, newest first: who, when, the note, accepted or refused (and why); compare any version with
 *  the live one or another, and roll back to an earlier accepted one. */
export function RuleVersions() {
  const versions = useRuleVersions();
  const [comparing, setComparing] = useState<string | null>(null);
  const [rollingBack, setRollingBack] = useState<RuleVersion | null>(null);
  if (versions.isPending) return <LoadingState label="Loading versions" />;
  if (versions.error) return <ErrorState error={versions.error} title="Could not load the versions" onRetry={() => void versions.refetch()} />;
  const live = versions.data.find((v) => v.status === 'Active')?.id;
  return (
    <Stack gap={4} style={{ flex: 1, minHeight: 0 }} component="section" aria-label="Versions">
      <Text size="sm" fw={600} mt="sm">Versions</Text>
      {versions.data.length === 0 ? <EmptyState title="No versions yet" /> : (
        <ScrollArea flex={1} type="auto" offsetScrollbars>
          {versions.data.slice(0, 50).map((v) => (
            <Stack key={v.id} gap={2} py={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} aria-label={`Version ${v.id.slice(0, 10)}`} role="group">
              <Group gap={4} justify="space-between" wrap="nowrap">
                <Group gap={4} wrap="nowrap">
                  <Text size="xs" ff="monospace">{v.id.slice(0, 10)}</Text>
                  <Badge size="xs" variant="light" color={statusColor[v.status] ?? 'gray'}>{v.status === 'Active' ? 'live' : v.status.toLowerCase()}</Badge>
                </Group>
                <Group gap={0} wrap="nowrap">
                  <Tooltip label="Compare with another version">
                    <ActionIcon size="sm" variant="subtle" color="gray" onClick={() => setComparing(v.id)} aria-label={`Compare ${v.id.slice(0, 10)}`}>
                      <IconGitCompare size={14} />
                    </ActionIcon>
                  </Tooltip>
                  {v.status === 'Superseded' && (
                    <Tooltip label="Roll back to this version">
                      <ActionIcon size="sm" variant="subtle" onClick={() => setRollingBack(v)} aria-label={`Roll back to ${v.id.slice(0, 10)}`}>
                        <IconRestore size={14} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
              </Group>
              <Tooltip label={dateTime(v.createdAt)} openDelay={400}>
                <Text size="xs" c="dimmed" lineClamp={1}>{v.author} · {timeAgo(v.createdAt)}</Text>
              </Tooltip>
              {v.note && <Text size="xs" lineClamp={3} style={{ whiteSpace: 'pre-line' }}>{v.note}</Text>}
              {v.messages[0] && <Text size="xs" c={v.status === 'Rejected' ? 'red.7' : 'dimmed'} lineClamp={2}>{v.messages[0]}</Text>}
            </Stack>
          ))}
        </ScrollArea>
      )}
      {comparing && <VersionDiff versions={versions.data} picked={comparing} onClose={() => setComparing(null)} />}
      {rollingBack && <RollbackDialog version={rollingBack} live={live} onClose={() => setRollingBack(null)} />}
    </Stack>
  );
}
