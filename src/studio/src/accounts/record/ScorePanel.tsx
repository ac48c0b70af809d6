import { BarChart } from '@mantine/charts';
import { Badge, Group, Paper, Progress, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import type { AccountDetail } from '../types';
import { componentBars, percent, pointsLabel, reasonGroups, type ComponentBar } from './scoreChart';

/** The components as a chart, how each adds up to the composite, and the reasons behind the points by component. */
export function ScorePanel({ detail }: { detail: AccountDetail }) {
  const { score, breakdown } = detail;
  return (
    <Paper component="section" aria-label="Score" withBorder radius="lg" p="lg">
      <Group justify="space-between" mb="sm" align="flex-start">
        <div>
          <Title order={2} size="h4">Score</Title>
          <Text size="sm" c="dimmed">
            {score ? `Evaluated ${new Date(score.evaluatedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })} on ruleset ${score.rulesetVersion}`
              : 'Not scored yet: the rules score an account when it is imported and whenever a signal arrives.'}
          </Text>
        </div>
        {score && <Text fz={28} fw={700} lh={1} style={{ fontVariantNumeric: 'tabular-nums' }}>{score.composite.toFixed(1)}<Text span c="dimmed" fz="sm" fw={500}> / 100</Text></Text>}
      </Group>
      {breakdown && breakdown.components.length > 0 && <ScoreChart bars={componentBars(breakdown)} composite={score?.composite ?? 0} />}
      {breakdown && <Reasons detail={detail} />}
    </Paper>
  );
}

function ScoreChart({ bars, composite }: { bars: ComponentBar[]; composite: number }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" mb="md">
      <div>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>Components (0–100)</Text>
        <BarChart h={Math.max(150, bars.length * 42)} data={bars.map((b) => ({ component: b.component, Score: b.score }))} dataKey="component"
          orientation="vertical" series={[{ name: 'Score', color: 'indigo.6' }]} gridAxis="x" withBarValueLabel maxBarWidth={22}
          xAxisProps={{ domain: [0, 100] }} yAxisProps={{ width: 110 }} getBarColor={(value) => (value >= 70 ? 'teal.6' : value >= 40 ? 'indigo.5' : 'gray.5')}
          valueFormatter={(v) => v.toFixed(0)} aria-label="Component scores" />
      </div>
      <div>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>How the composite adds up</Text>
        <Progress.Root size={26} radius="md" aria-label={`Composite ${composite.toFixed(1)} of 100`}>
          {bars.filter((b) => b.contribution > 0).map((b) => (
            <Tooltip key={b.component} label={`${b.component}: ${b.score.toFixed(0)} × ${percent(b.share)} = ${b.contribution.toFixed(1)}`}>
              <Progress.Section value={b.contribution} color={b.color}>
                <Progress.Label>{b.contribution >= 6 ? b.contribution.toFixed(1) : ''}</Progress.Label>
              </Progress.Section>
            </Tooltip>
          ))}
        </Progress.Root>
        <Stack gap={6} mt="md">
          {bars.map((b) => (
            <Group key={b.component} justify="space-between" wrap="nowrap">
              <Group gap={8} wrap="nowrap">
                <span style={{ width: 10, height: 10, borderRadius: 3, background: `var(--mantine-color-${b.color}-6)`, flexShrink: 0 }} aria-hidden />
                <Text size="sm">{b.component}</Text>
                <Text size="xs" c="dimmed">weight {percent(b.share)}</Text>
              </Group>
              <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {b.score.toFixed(0)} <Text span c="dimmed" size="xs">→</Text> <b>{b.contribution.toFixed(1)}</b>
              </Text>
            </Group>
          ))}
        </Stack>
      </div>
    </SimpleGrid>
  );
}

function Reasons({ detail }: { detail: AccountDetail }) {
  const groups = reasonGroups(detail.breakdown!);
  if (groups.length === 0) {
    return <Text size="sm" c="dimmed">No scoring rule gives this account points yet.</Text>;
  }
  return (
    <div>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={6}>Why: the rules that gave points</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="sm">
        {groups.map((group) => (
          <Stack key={group.component ?? 'other'} gap={4} aria-label={`Reasons for ${group.component ?? 'other'}`} component="section">
            <Group gap={8}>
              <span style={{ width: 10, height: 10, borderRadius: 3, background: `var(--mantine-color-${group.color}-6)` }} aria-hidden />
              <Text size="sm" fw={600}>{group.component ?? 'Other'}</Text>
              {group.component && <Text size="xs" c="dimmed">{pointsLabel(group.total)} points</Text>}
            </Group>
            {group.reasons.map((reason, i) => (
              <Group key={i} gap="xs" wrap="nowrap" pl={18} align="flex-start">
                {reason.points != null && (
                  <Badge size="sm" variant="light" color={reason.points < 0 ? 'red' : 'green'} w={44} style={{ flexShrink: 0 }}>{pointsLabel(reason.points)}</Badge>
                )}
                <Text size="sm">{reason.text}</Text>
              </Group>
            ))}
          </Stack>
        ))}
      </SimpleGrid>
    </div>
  );
}
