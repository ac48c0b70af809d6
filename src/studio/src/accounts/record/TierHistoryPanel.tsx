import { Badge, Code, Group, Paper, Stack, Text, ThemeIcon, Timeline, Title, Tooltip } from '@mantine/core';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight, IconFlag } from '@tabler/icons-react';
import { dateTime, timeAgo } from '../../common/time';
import { SignalIcon } from '../SignalIcon';
import { signalLabel, signalSummary } from '../signalWords';
import { TierBadge } from '../TierBadge';
import type { TierChangeView } from '../types';

const kinds: Record<string, string> = {
  score: 'Score', trigger: 'Trigger rule', 'rules-changed': 'Ruleset changed', 'first-evaluation': 'First evaluation', hold: 'Promotion hold',
};
interface Direction { color: string; icon: typeof IconArrowRight; word: string }
const lateral: Direction = { color: 'gray', icon: IconArrowRight, word: 'Moved' };
const directions: Record<string, Direction> = {
  promotion: { color: 'green', icon: IconArrowUpRight, word: 'Promoted' },
  demotion: { color: 'red', icon: IconArrowDownRight, word: 'Demoted' },
  entry: { color: 'blue', icon: IconFlag, word: 'Entered' },
  lateral,
};
const evidenceShown = 4;

/** Every move between tiers, newest first, with its cause: the deciding rule, the evidence signals, the ruleset. */
export function TierHistoryPanel({ history }: { history: TierChangeView[] }) {
  return (
    <Paper component="section" aria-label="Tier history" withBorder radius="lg" p="lg">
      <Title order={2} size="h4" mb="md">Tier history</Title>
      {history.length === 0 ? (
        <Text size="sm" c="dimmed">No tier yet: the account gets one at its first evaluation.</Text>
      ) : (
        <Timeline bulletSize={28} lineWidth={2} active={history.length}>
          {history.map((change) => <Timeline.Item key={change.id} bullet={<DirectionIcon direction={change.direction} />} title={<ChangeTitle change={change} />}>
            <ChangeCause change={change} />
          </Timeline.Item>)}
        </Timeline>
      )}
    </Paper>
  );
}

function DirectionIcon({ direction }: { direction: string }) {
  const { color, icon: Icon } = directions[direction] ?? lateral;
  return <ThemeIcon size={28} radius="xl" color={color} variant="light"><Icon size={16} /></ThemeIcon>;
}

function ChangeTitle({ change }: { change: TierChangeView }) {
  const { word } = directions[change.direction] ?? lateral;
  return (
    <Group gap={6} wrap="wrap">
      <Text fw={600} size="sm">{word}</Text>
      {change.fromTier && <><TierBadge tier={change.fromTier} size="sm" /><Text size="sm" c="dimmed" aria-label="to">→</Text></>}
      <TierBadge tier={change.toTier} size="sm" />
      <Badge size="sm" variant="outline" color="gray">{kinds[change.kind] ?? change.kind}</Badge>
      <Tooltip label={dateTime(change.changedAt)}><Text size="xs" c="dimmed">{timeAgo(change.changedAt)}</Text></Tooltip>
    </Group>
  );
}

function ChangeCause({ change }: { change: TierChangeView }) {
  const more = change.evidence.length - evidenceShown;
  return (
    <Stack gap={6} mt={6} mb="sm">
      {change.causes.map((cause) => (
        <div key={cause.rule}>
          <Group gap={6}>
            <Text size="xs" c="dimmed">{cause.concern === 'trigger' ? 'Trigger' : cause.concern === 'tier' ? 'Tier rule' : 'Rule'}</Text>
            <Code>{cause.rule}</Code>
            {cause.description && <Text size="sm">{cause.description}</Text>}
          </Group>
          {cause.expression && cause.concern !== 'trigger' && <Text size="xs" c="dimmed" ff="monospace" mt={2}>{cause.expression}</Text>}
        </div>
      ))}
      {change.evidence.length > 0 && (
        <Stack gap={4} component="section" aria-label="Evidence signals">
          <Text size="xs" c="dimmed">Evidence</Text>
          {change.evidence.slice(0, evidenceShown).map((signal) => (
            <Group key={signal.id} gap="xs" wrap="nowrap">
              <SignalIcon type={signal.type} size={20} />
              <Text size="sm">{signalLabel(signal.type)}</Text>
              <Text size="xs" c="dimmed" truncate>{[signalSummary(signal.properties), dateTime(signal.occurredAt)].filter(Boolean).join(' · ')}</Text>
            </Group>
          ))}
          {more > 0 && <Text size="xs" c="dimmed">and {more} more signal{more === 1 ? '' : 's'}</Text>}
        </Stack>
      )}
      <Text size="xs" c="dimmed">Ruleset <Code>{change.rulesetVersion}</Code>{change.approvedBy ? ` · approved in the tier review by ${change.approvedBy}` : ''}</Text>
    </Stack>
  );
}
