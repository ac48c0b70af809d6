import { Anchor, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { accountFacetsQuery } from '../accounts/queries';
import { MotionBadge, motionColor } from '../accounts/MotionBadge';
import { count } from './format';
import { ReportCard } from './ReportCard';

/** Accounts per segment of the rules (an account may be in several) and customers per motion, today; each links to the
 *  accounts table filtered to it. */
export function SegmentsCard() {
  // ReportCard takes rows; the facets answer is one object.
  const query = useQuery({ ...accountFacetsQuery, select: (facets) => [facets] });
  return (
    <ReportCard title="Segments and motions" description="Accounts per segment of the rules, and customers per motion, today"
      query={query} isEmpty={(rows) => rows[0]!.inSegments.length + rows[0]!.motions.length === 0}
      emptyTitle="No segments yet" emptyText="Add a Segments workflow to the rules (docs/rules.md) to group accounts by kind.">
      {([facets]) => (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
          <Bars title="Segments" total={facets!.total} rows={facets!.inSegments} href={(v) => `/accounts?inSegment=${encodeURIComponent(v)}`} />
          <Stack gap="xs">
            <Title order={3} size="h6">Customer motions</Title>
            {facets!.motions.length === 0 && <Text size="sm" c="dimmed">No motion rules yet.</Text>}
            {facets!.motions.map((m) => (
              <Group key={m.value} justify="space-between" wrap="nowrap">
                <Anchor component={Link} to={`/accounts?motion=${encodeURIComponent(m.value)}`} underline="never" aria-label={`${m.value}: ${m.count} customers`}>
                  <MotionBadge motion={m.value} style={{ cursor: 'pointer' }} />
                </Anchor>
                <Progress value={percentOf(m.count, facets!.motions)} color={motionColor(m.value)} w="45%" size="md" aria-hidden />
                <Text size="sm" w={50} ta="right">{count(m.count)}</Text>
              </Group>
            ))}
          </Stack>
        </SimpleGrid>
      )}
    </ReportCard>
  );
}

function Bars({ title, total, rows, href }: { title: string; total: number; rows: { value: string; count: number }[]; href: (value: string) => string }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h6">{title}</Title>
      {rows.map((r) => (
        <Group key={r.value} justify="space-between" wrap="nowrap" gap="sm">
          <Anchor component={Link} to={href(r.value)} size="sm" w={140} truncate>{r.value}</Anchor>
          <Progress value={total === 0 ? 0 : (100 * r.count) / total} color="indigo" size="md" style={{ flex: 1 }} aria-hidden />
          <Text size="sm" w={50} ta="right">{count(r.count)}</Text>
        </Group>
      ))}
    </Stack>
  );
}

function percentOf(value: number, all: { count: number }[]): number {
  const total = all.reduce((sum, m) => sum + m.count, 0);
  return total === 0 ? 0 : (100 * value) / total;
}
