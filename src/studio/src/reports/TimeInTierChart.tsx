import { BarChart } from '@mantine/charts';
import { SegmentedControl, Text } from '@mantine/core';
import { useState } from 'react';
import { csvHref, useTimeInTier } from './queries';
import type { ReportRange } from './range';
import { ReportCard } from './ReportCard';
import { timeInTierBars, type TimeInTierView } from './timeInTier';

/** Days in each tier, median and 75th percentile: for the accounts in it now, or for the stays that ended in the range. */
export function TimeInTierChart({ range }: { range: ReportRange }) {
  const [view, setView] = useState<TimeInTierView>('now');
  const query = useTimeInTier(range);
  return (
    <ReportCard title="Time in tier" description={view === 'now' ? 'Days so far, for the accounts in each tier today' : 'Days a stay lasted, for accounts that left a tier in the range'}
      query={query} csv={csvHref('/api/reports/time-in-tier', { from: range.from, to: range.to })}
      isEmpty={(rows) => timeInTierBars(rows, view).length === 0}
      emptyTitle={view === 'now' ? 'No tiered accounts yet' : 'Nobody left a tier in this range'}
      emptyText={view === 'now' ? 'The rules have not evaluated any account yet.' : 'Pick a longer range, or look at the accounts in each tier now.'}
      controls={
        <SegmentedControl size="xs" value={view} onChange={(v) => setView(v as TimeInTierView)} aria-label="Which stays"
          data={[{ value: 'now', label: 'In tier now' }, { value: 'exited', label: 'Left in range' }]} />
      }>
      {(rows) => {
        const bars = timeInTierBars(rows, view);
        return (
          <>
            <BarChart h={240} data={bars} dataKey="tier" withLegend legendProps={{ verticalAlign: 'bottom', height: 32 }}
              valueFormatter={(v) => `${v} d`} maxBarWidth={40} tickLine="y" gridAxis="y"
              series={[{ name: 'median', label: 'Median', color: 'indigo.6' }, { name: 'p75', label: '75th percentile', color: 'indigo.3' }]} />
            <Text size="xs" c="dimmed">
              {bars.map((b) => `${b.tier}: ${b.accounts} ${view === 'now' ? 'accounts' : 'stays'}`).join(' · ')}
            </Text>
          </>
        );
      }}
    </ReportCard>
  );
}
