import { BarChart } from '@mantine/charts';
import { Group, SegmentedControl, Text } from '@mantine/core';
import { useState } from 'react';
import { count, percent } from './format';
import { csvHref, type SlaGrouping, useSlaAttainment } from './queries';
import type { ReportRange } from './range';
import { ReportCard } from './ReportCard';
import { overallAttainment, slaBars, slaColor, slaTarget } from './slaAttainment';

/** Of the tasks whose SLA came due in the range: the share met in time, per rep (or queue) or per playbook, worst first. */
export function SlaAttainmentChart({ range }: { range: ReportRange }) {
  const [by, setBy] = useState<SlaGrouping>('rep');
  const query = useSlaAttainment(range, by);
  return (
    <ReportCard title="SLA attainment" description="Tasks completed within their SLA, of those that came due"
      query={query} csv={csvHref('/api/reports/sla-attainment', { from: range.from, to: range.to, by })}
      isEmpty={(rows) => slaBars(rows, by).length === 0} emptyTitle="No SLA came due in this range"
      emptyText="Playbook steps with an SLA (a Tier 1 research brief, a pricing-visit reply) show here once their deadline passes."
      controls={
        <SegmentedControl size="xs" value={by} onChange={(v) => setBy(v as SlaGrouping)} aria-label="Group SLA attainment by"
          data={[{ value: 'rep', label: 'By rep' }, { value: 'playbook', label: 'By playbook' }]} />
      }>
      {(rows) => {
        const bars = slaBars(rows, by);
        const overall = overallAttainment(rows);
        const sum = (key: 'met' | 'breached' | 'open') => rows.reduce((total, r) => total + r[key], 0);
        return (
          <>
            <Group gap="lg" align="baseline">
              <Text fz={28} fw={700} c={overall == null ? 'dimmed' : slaColor(overall)} lh={1}>{percent(overall)}</Text>
              <Text size="sm" c="dimmed">{count(sum('met'))} met · {count(sum('breached'))} breached · {count(sum('open'))} still open · target {slaTarget}%</Text>
            </Group>
            <BarChart h={Math.max(140, bars.length * 38 + 40)} data={bars} dataKey="name" orientation="vertical" yAxisProps={{ width: 150 }}
              series={[{ name: 'attainment', label: 'Met in time', color: 'teal.6' }]} getBarColor={(value) => slaColor(value)}
              xAxisProps={{ domain: [0, 100] }} valueFormatter={(v) => percent(v)} withBarValueLabel maxBarWidth={22} gridAxis="x"
              barChartProps={{ margin: { top: 18 } }}
              referenceLines={[{ x: slaTarget, color: 'gray.6', label: `Target ${slaTarget}%`, labelPosition: 'top' }]} />
          </>
        );
      }}
    </ReportCard>
  );
}
