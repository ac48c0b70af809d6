import { Badge, Group, Paper, Stack, Text, ThemeIcon, Timeline, Title, Tooltip } from '@mantine/core';
import { IconArrowRight, IconLogin2, IconLogout2 } from '@tabler/icons-react';
import { dateTime, timeAgo } from '../../common/time';
import { MotionBadge } from '../MotionBadge';
import type { AccountMemberships, MembershipChangeView } from '../types';

const historyShown = 8;

/** What kind of account this is (the rules' segments, each with why) and, for a customer, its motion; then the recent
 *  moves in and out of them. Segment is not tier: tier is how much we invest. */
export function SegmentsPanel({ memberships, isCustomer }: { memberships: AccountMemberships; isCustomer: boolean }) {
  const { segments, motion, history } = memberships;
  return (
    <Paper component="section" aria-label="Segments and motion" withBorder radius="lg" p="lg">
      <Title order={2} size="h4" mb="sm">Segments{isCustomer ? ' and motion' : ''}</Title>
      <Stack gap="sm">
        {isCustomer && (
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Text size="sm" fw={600} w={70}>Motion</Text>
            {motion ? (
              <Stack gap={2}>
                <MotionBadge motion={motion.name} w="fit-content" />
                {motion.reason && <Text size="xs" c="dimmed">{motion.reason}{motion.since ? ` · since ${dateTime(motion.since)}` : ''}</Text>}
              </Stack>
            ) : <Text size="sm" c="dimmed">None: no motion rule passes.</Text>}
          </Group>
        )}
        {segments.length === 0 ? (
          <Text size="sm" c="dimmed">In no segment: no rule of the Segments workflow passes for this account.</Text>
        ) : (
          <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Segments">
            {segments.map((s) => (
              <Group key={s.name} component="li" gap="xs" wrap="nowrap" align="flex-start">
                <Badge variant="light" color="gray" radius="sm" tt="none" style={{ flexShrink: 0 }}>{s.name}</Badge>
                <Text size="xs" c="dimmed" pt={2}>{s.reason ?? ''}</Text>
              </Group>
            ))}
          </Stack>
        )}
        {history.length > 0 && (
          <Timeline bulletSize={20} lineWidth={1} mt="xs" aria-label="Segment and motion history">
            {history.slice(0, historyShown).map((change, i) => (
              <Timeline.Item key={i} bullet={<ChangeIcon change={change} />} title={<ChangeTitle change={change} />} />
            ))}
          </Timeline>
        )}
      </Stack>
    </Paper>
  );
}

function ChangeIcon({ change }: { change: MembershipChangeView }) {
  const Icon = change.kind === 'motion' ? IconArrowRight : change.to ? IconLogin2 : IconLogout2;
  return <ThemeIcon size={20} radius="xl" variant="light" color={change.to ? 'blue' : 'gray'}><Icon size={12} /></ThemeIcon>;
}

function ChangeTitle({ change }: { change: MembershipChangeView }) {
  const words = change.kind === 'motion'
    ? `Motion ${change.from ?? 'none'} → ${change.to ?? 'none'}`
    : change.to ? `Entered ${change.to}` : `Left ${change.from}`;
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm">{words}</Text>
      <Tooltip label={dateTime(change.changedAt)}><Text size="xs" c="dimmed">{timeAgo(change.changedAt)}</Text></Tooltip>
    </Group>
  );
}
