import { Badge, CopyButton, Group, Paper, SimpleGrid, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { dateTime } from '../../common/time';
import type { AccountDetail } from '../types';

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });

/** The account's fields as imported: firmographics, tech stack, custom fields, and the record's own id and dates. */
export function AboutPanel({ account }: { account: AccountDetail['account'] }) {
  const custom = Object.entries(account.customFields);
  return (
    <Paper component="section" aria-label="About" withBorder radius="lg" p="lg">
      <Title order={2} size="h4" mb="sm">About</Title>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        <Field label="Industry">{account.industry}</Field>
        <Field label="Employees">{account.employees?.toLocaleString()}</Field>
        <Field label="Annual revenue">{account.annualRevenue != null ? money.format(account.annualRevenue) : null}</Field>
        <Field label="Location">{[account.country, account.region].filter(Boolean).join(' · ') || null}</Field>
        <Field label="Funding">{[account.fundingStage, account.fundingDate && new Date(account.fundingDate).toLocaleDateString('en-GB', { month: 'short', year: 'numeric' })].filter(Boolean).join(', ') || null}</Field>
        <Field label="Segment">{account.segment}</Field>
      </SimpleGrid>
      {account.techStack.length > 0 && (
        <>
          <Text size="xs" c="dimmed" mt="sm" mb={4}>Tech stack</Text>
          <Group gap={4}>{account.techStack.map((t) => <Badge key={t} variant="default" size="sm" tt="none">{t}</Badge>)}</Group>
        </>
      )}
      {custom.length > 0 && (
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs" mt="sm">
          {custom.map(([key, value]) => <Field key={key} label={key}>{value}</Field>)}
        </SimpleGrid>
      )}
      <Group gap="xs" mt="md">
        <Text size="xs" c="dimmed">Id</Text>
        <CopyButton value={account.id}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : 'Copy the id'}>
              <UnstyledButton onClick={copy} aria-label={`Copy account id ${account.id}`}><Text size="xs" ff="monospace">{account.id}</Text></UnstyledButton>
            </Tooltip>
          )}
        </CopyButton>
        <Text size="xs" c="dimmed">· created {dateTime(account.createdAt)} · updated {dateTime(account.updatedAt)}</Text>
      </Group>
    </Paper>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm">{children ?? '—'}</Text>
    </div>
  );
}
