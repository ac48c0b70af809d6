import { Anchor, Avatar, Badge, Blockquote, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { dateTime, timeAgo } from '../../common/time';
import { initials } from '../initials';
import type { AccountOwners, OwnerView } from '../types';

/** Who owns the account (AE and SDR) and why: the assignment step's own words, and when it decided. */
export function OwnersPanel({ owners }: { owners: AccountOwners }) {
  return (
    <Paper component="section" aria-label="Owners" withBorder radius="lg" p="lg">
      <Title order={2} size="h4" mb="sm">Owners</Title>
      {!owners.ae && !owners.sdr ? (
        <Text size="sm" c="dimmed">No owner yet. A playbook's Assign owner step picks one (by pair, territory or round-robin) when the account enters a tier that needs one.</Text>
      ) : (
        <Stack gap="sm">
          {owners.ae && <Owner owner={owners.ae} title="Account executive" />}
          {owners.sdr && <Owner owner={owners.sdr} title="SDR" />}
          {!owners.reason && (
            <Text size="xs" c="dimmed">Set by an import or the API: no playbook's Assign owner step has decided them yet.</Text>
          )}
          {owners.reason && (
            <Blockquote color="indigo" p="sm" mt={4} cite={owners.assignedAt
              ? <Tooltip label={dateTime(owners.assignedAt)}><span>assigned {timeAgo(owners.assignedAt)}</span></Tooltip> : undefined}>
              <Text size="sm"><Text span fw={600}>Why: </Text>{owners.reason}</Text>
            </Blockquote>
          )}
        </Stack>
      )}
    </Paper>
  );
}

function Owner({ owner, title }: { owner: OwnerView; title: string }) {
  const name = owner.name ?? owner.id;
  return (
    <Group gap="sm" wrap="nowrap" aria-label={`${title}: ${name}`}>
      <Avatar radius="xl" color="indigo">{initials(name)}</Avatar>
      <div style={{ minWidth: 0 }}>
        <Group gap={6}>
          <Text size="sm" fw={600}>{name}</Text>
          {owner.outOfOffice && <Badge size="xs" color="orange" variant="light">out of office</Badge>}
        </Group>
        <Text size="xs" c="dimmed">{[title, owner.team && `team ${owner.team}`].filter(Boolean).join(' · ')}</Text>
        {owner.email ? <Anchor href={`mailto:${owner.email}`} size="xs">{owner.email}</Anchor>
          : !owner.name && <Text size="xs" c="orange">No rep has this id</Text>}
      </div>
    </Group>
  );
}
