import { Alert, Anchor, Avatar, Badge, Group, Paper, RingProgress, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { dateTime, timeAgo } from '../../common/time';
import { initials } from '../initials';
import { TierBadge, tierColor, tierLabel } from '../TierBadge';
import type { AccountDetail } from '../types';

/** Who the account is, its tier and since when, its composite score, and anything a person should look at. */
export function AccountHeader({ detail }: { detail: AccountDetail }) {
  const { account, score } = detail;
  const facts = [account.industry, account.employees != null ? `${account.employees.toLocaleString()} employees` : null, account.country]
    .filter(Boolean).join(' · ');
  return (
    <Paper component="header" withBorder radius="lg" p="lg">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="md" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
          <Avatar size={56} radius="md" color={tierColor(score?.tier)} variant="filled">{initials(account.name)}</Avatar>
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={1} size="h2" lh={1.15}>{account.name}</Title>
            <Group gap="xs">
              {account.domain && <Anchor href={`https://${account.domain}`} target="_blank" rel="noreferrer" size="sm">{account.domain}</Anchor>}
              {facts && <Text size="sm" c="dimmed">{facts}</Text>}
            </Group>
            <Group gap={6} mt={4}>
              <TierBadge tier={score?.tier} size="lg" variant="filled" />
              {score && (
                <Tooltip label={dateTime(score.tierSince)}>
                  <Text size="sm" c="dimmed">in {tierLabel(score.tier)} since {new Date(score.tierSince).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })} ({timeAgo(score.tierSince)})</Text>
                </Tooltip>
              )}
              <Badge variant="outline" color="gray">{account.lifecycle}</Badge>
              {account.segment && <Badge variant="light" color="gray" tt="none">{account.segment}</Badge>}
            </Group>
          </Stack>
        </Group>
        {score && (
          <RingProgress size={92} thickness={9} roundCaps sections={[{ value: score.composite, color: tierColor(score.tier) }]}
            aria-label={`Composite score ${score.composite.toFixed(1)} of 100`}
            label={<Stack gap={0} align="center"><Text fw={700} size="lg" lh={1}>{score.composite.toFixed(1)}</Text><Text size="xs" c="dimmed">score</Text></Stack>} />
        )}
      </Group>
      {score?.reviewFlag && (
        <Alert mt="md" color="orange" icon={<IconAlertTriangle size={18} />} title="Flagged for review" p="sm">{score.reviewFlag}</Alert>
      )}
      {score?.heldTier && score.holdUntil && (
        <Alert mt="md" color="violet" variant="light" icon={<IconLock size={18} />} p="sm">
          A promotion holds the account at {tierLabel(score.heldTier)} or better until {dateTime(score.holdUntil)}, whatever the score says.
        </Alert>
      )}
    </Paper>
  );
}
