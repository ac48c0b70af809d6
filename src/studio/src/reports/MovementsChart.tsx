import { BarChart } from '@mantine/charts';
import { ColorSwatch, Group, SegmentedControl, Text } from '@mantine/core';
import { useState } from 'react';
import { count } from './format';
import { movementBars, movementSeries, movementTotals } from './movements';
import { csvHref, useMovements } from './queries';
import { defaultInterval, type ReportRange } from './range';
import { ReportCard } from './ReportCard';

/** Tier moves over the range, stacked by cause, per day or week. */
export function MovementsChart({ range }: { range: ReportRange }) {
  const [interval, chooseInterval] = useState<'day' | 'week'>(defaultInterval(range.days));
  const [forRange, setForRange] = useState(range.days);
  if (forRange !== range.days) {
    // A new range picks its natural interval again.
    setForRange(range.days);
    chooseInterval(defaultInterval(range.days));
  }
  const query = useMovements(range, interval);
  return (
    <ReportCard title="Tier movements" description="Accounts that changed tier, by what moved them"
      query={query} csv={csvHref('/api/reports/movements', { from: range.from, to: range.to, interval })}
      isEmpty={(rows) => rows.every((r) => r.total === 0)} emptyTitle="No tier moves in this range"
      emptyText="Moves appear when scores, triggers or new rules change an account's tier."
      controls={
        <SegmentedControl size="xs" value={interval} onChange={(v) => chooseInterval(v as 'day' | 'week')} aria-label="Group moves by"
          data={[{ value: 'day', label: 'Day' }, { value: 'week', label: 'Week' }]} />
      }>
      {(rows) => {
        const totals = movementTotals(rows);
        return (
          <>
            <BarChart h={260} data={movementBars(rows)} dataKey="label" type="stacked" series={[...movementSeries]}
              valueFormatter={count} tickLine="y" gridAxis="y" maxBarWidth={interval === 'week' ? 48 : 28}
              xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 16 }} />
            {/* The legend, in stacking order, with each cause's total over the range. */}
            <Group gap="lg" component="ul" aria-label="Moves in the range by cause" p={0} m={0} style={{ listStyle: 'none' }}>
              {movementSeries.map((s) => (
                <Group key={s.name} component="li" gap={6} wrap="nowrap">
                  <ColorSwatch color={`var(--mantine-color-${s.color.replace('.', '-')})`} size={10} withShadow={false} />
                  <Text size="sm" c="dimmed"><Text span fw={600} c="dark">{count(totals[s.name])}</Text> {s.label.toLowerCase()}</Text>
                </Group>
              ))}
            </Group>
          </>
        );
      }}
    </ReportCard>
  );
}
