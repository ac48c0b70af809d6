import { Alert, Badge, Box, Button, Group, Paper, SimpleGrid, Skeleton, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react';
import { useMemo } from 'react';
import { errorMessage } from '../../api/problem';
import { timeAgo } from '../../common/time';
import { NumberField } from './NumberField';
import { Condition, EnabledSwitch, type FormPartProps, FormSection, RuleTitle } from './RuleCells';
import type { Comparison, FormRule, FormWorkflow } from './ruleForm';
import { compositeBands, countSides, countTiers, estimateTiers, type ScoreCount, tiersDecidedElsewhere } from './scoreBands';
import { ScoreHistogram, type ThresholdLine } from './ScoreHistogram';
import { tierColor, tierShade } from './tierColors';
import { useScoreDistribution } from './useScoreDistribution';

const symbol: Record<Comparison, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };
const sides: Record<Comparison, [string, string]> = {
  '>=': ['at or above', 'below'], '>': ['above', 'at or below'], '<=': ['at or below', 'above'], '<': ['below', 'at or above'],
};

/** The Tiering workflow: its thresholds over a histogram of today's composite scores, with live counts per tier,
 *  and every tier rule in order (first match wins) with its condition and on/off switch. */
export function TierThresholds({ workflow, live, onEdit, problemsOf }: { workflow: FormWorkflow; live: FormWorkflow | undefined } & FormPartProps) {
  const distribution = useScoreDistribution();
  const rules = workflow.rules;
  const scores = useMemo<readonly ScoreCount[]>(() => distribution.data?.scores ?? [], [distribution.data]);
  const bands = useMemo(() => compositeBands(rules), [rules]);
  const estimate = useMemo(() => estimateTiers(rules, live?.rules ?? rules, scores), [rules, live, scores]);
  const today = useMemo(() => countTiers(scores), [scores]);
  const tiers = useMemo(() => [...new Map(rules.filter((r) => r.tier).sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99))
    .map((r) => [r.tier!, r])).keys()], [rules]);
  const elsewhere = useMemo(() => tiersDecidedElsewhere(rules), [rules]);
  const labels = thresholdLabels(rules);
  const lines: ThresholdLine[] = rules.filter((r) => r.enabled && r.tier && r.threshold?.score === 'Composite').map((r) => ({
    key: r.path.join('/'), tier: r.tier!, label: labels.get(r)!, op: symbol[r.threshold!.op], value: r.threshold!.value,
  }));
  const unreachable = lines.filter((l) => !bands.some((b) => b.tier === l.tier) && !elsewhere.has(l.tier));
  const setThreshold = (key: string, value: number) => {
    const rule = rules.find((r) => r.path.join('/') === key);
    if (rule) onEdit(rule.path, { field: 'threshold', value });
  };
  const data = distribution.data;

  return (
    <FormSection title="Tier thresholds"
      description="First match wins, top to bottom. Drag a threshold or type it: the counts follow today’s scores."
      aside={data && data.accounts > 0 && (
        <Text size="xs" c="dimmed" ta="right">
          {data.accounts.toLocaleString()} scored account{data.accounts === 1 ? '' : 's'}
          {data.evaluatedAt ? ` · evaluated ${timeAgo(data.evaluatedAt)}` : ''}
          {data.onOtherVersions > 0 ? <><br />{data.onOtherVersions.toLocaleString()} still on an earlier ruleset (re-evaluating)</> : null}
        </Text>
      )}>
      {distribution.isPending ? <Skeleton h={240} radius="md" aria-label="Loading today’s scores" />
        : distribution.error ? (
          <Alert color="red" icon={<IconAlertTriangle size={16} />} title="Today’s scores did not load" role="alert">
            <Text size="sm">{errorMessage(distribution.error)}</Text>
            <Button size="xs" variant="light" color="red" mt="xs" onClick={() => void distribution.refetch()}>Try again</Button>
          </Alert>
        ) : data!.accounts === 0 ? (
          <Paper bg="gray.0" radius="md" p="xl" ta="center">
            <Text fw={600}>No account has a score yet</Text>
            <Text size="sm" c="dimmed">Import accounts (or wait for the first evaluation) to see where the thresholds cut. The thresholds below can be edited meanwhile.</Text>
          </Paper>
        ) : (
          <ScoreHistogram scores={scores} tiers={[...tiers].reverse()} bands={bands} estimate={estimate} thresholds={lines} onChange={setThreshold} />
        )}

      {data && data.accounts > 0 && (
        <SimpleGrid cols={{ base: 2, md: Math.min(Math.max(tiers.length, 2), 5) }} mt="md" spacing="sm" component="section" aria-label="Accounts per tier">
          {tiers.map((tier) => <TierCount key={tier} tier={tier} estimate={estimate.get(tier) ?? 0} today={today.get(tier) ?? 0}
            cap={capOf(rules, tier)}
            rule={elsewhere.has(tier) ? describeRules(rules, tier) : describeBand(rules, tier)} />)}
        </SimpleGrid>
      )}
      {unreachable.map((l) => (
        <Alert key={l.key} mt="sm" color="yellow" variant="light" icon={<IconAlertTriangle size={16} />} py={6}>
          <Text size="sm">No composite reaches {l.tier}: a rule above it takes every score from {l.value} up.</Text>
        </Alert>
      ))}

      <Table mt="lg" verticalSpacing={8} highlightOnHover aria-label="Tier rules, first match wins">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>#</Table.Th><Table.Th w={60}>On</Table.Th><Table.Th>Tier</Table.Th><Table.Th>Condition</Table.Th>
            <Table.Th ta="right">Today’s scores on each side</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((rule, i) => (
            <Table.Tr key={rule.path.join('/')} opacity={rule.enabled ? 1 : 0.55}>
              <Table.Td><Text size="sm" c="dimmed">{i + 1}</Text></Table.Td>
              <Table.Td><EnabledSwitch rule={rule} onEdit={onEdit} /></Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Badge variant="light" color={tierColor(rule.tier)} tt="none" miw={72}>{rule.tier ?? '—'}</Badge>
                  <Box>
                    <RuleTitle rule={rule} problems={problemsOf(rule)} />
                    {rule.cap != null && <Text size="xs" c="dimmed">cap {rule.cap.toLocaleString()} accounts</Text>}
                  </Box>
                </Group>
              </Table.Td>
              <Table.Td><ThresholdCondition rule={rule} label={labels.get(rule)} onEdit={onEdit} /></Table.Td>
              <Table.Td ta="right">
                {rule.threshold?.score === 'Composite' && data && data.accounts > 0 ? <Sides rule={rule} scores={scores} /> : <Text size="xs" c="dimmed">—</Text>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="sm">
        The counts start from today’s tiers and move only the accounts whose composite lands in another tier under these
        thresholds; triggers are not re-run. <b>What if…</b> evaluates every rule against every account.
      </Text>
    </FormSection>
  );
}

function ThresholdCondition({ rule, label, onEdit }: { rule: FormRule; label: string | undefined; onEdit: FormPartProps['onEdit'] }) {
  if (rule.catchAll) return <Text size="sm" c="dimmed">Every other account</Text>;
  if (!rule.threshold) return <Condition expression={rule.expression} />;
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" fw={500}>{rule.threshold.score}</Text>
      <Text size="sm" c="dimmed" w={14} ta="center">{symbol[rule.threshold.op]}</Text>
      <NumberField w={84} value={rule.threshold.value} min={0} max={100} step={1} decimalScale={1} aria-label={label}
        onCommit={(value) => onEdit(rule.path, { field: 'threshold', value })} />
    </Group>
  );
}

function Sides({ rule, scores }: { rule: FormRule; scores: readonly ScoreCount[] }) {
  const { passing, failing } = countSides(scores, rule.threshold!);
  const [yes, no] = sides[rule.threshold!.op];
  return (
    <Text size="xs" aria-label={`${passing} ${yes}, ${failing} ${no}`}>
      <b>{passing.toLocaleString()}</b> {yes} · <b>{failing.toLocaleString()}</b> {no}
    </Text>
  );
}

function TierCount({ tier, estimate, today, cap, rule }: { tier: string; estimate: number; today: number; cap: number | undefined; rule: string }) {
  const delta = estimate - today;
  return (
    <Paper withBorder radius="md" p="sm" style={{ borderLeft: `4px solid ${tierShade(tier, 6)}` }} aria-label={`${tier}: ${estimate} accounts`}>
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="xs" fw={650} c={`${tierColor(tier)}.8`}>{tier}</Text>
        <Text size="xs" c="dimmed" truncate>{rule}</Text>
      </Group>
      <Group gap={6} align="baseline" mt={2}>
        <Text fz={26} fw={700} lh={1.1}>{estimate.toLocaleString()}</Text>
        <Text size="xs" c="dimmed">accounts</Text>
      </Group>
      <Text size="xs" c={delta > 0 ? 'teal.7' : delta < 0 ? 'red.7' : 'dimmed'} mt={2}>
        {delta > 0 ? <IconArrowUpRight size={12} /> : delta < 0 ? <IconArrowDownRight size={12} /> : null}
        {delta === 0 ? `same as today (${today.toLocaleString()})` : `${delta > 0 ? '+' : '−'}${Math.abs(delta).toLocaleString()} vs today’s ${today.toLocaleString()}`}
      </Text>
      {cap != null && estimate > cap && <Text size="xs" c="red.7" fw={600}>over its cap of {cap.toLocaleString()}</Text>}
    </Paper>
  );
}

/** "composite ≥ 80", "50 – 80", "below 50": where a tier's band lies under the form's thresholds. */
function describeBand(rules: readonly FormRule[], tier: string): string {
  const bands = compositeBands(rules).filter((b) => b.tier === tier);
  if (bands.length !== 1) return bands.length === 0 ? 'no composite reaches it' : 'several ranges';
  const { from, to } = bands[0]!;
  if (from === 0 && to === 100) return 'every composite';
  if (to === 100) return `composite ≥ ${from}`;
  if (from === 0) return `composite < ${Math.round((to + 0.1) * 10) / 10}`;
  return `composite ${from} – ${Math.round((to + 0.1) * 10) / 10}`;
}

/** The smallest cap the tier's rules set (the what-if weighs the top tier against it). */
function capOf(rules: readonly FormRule[], tier: string): number | undefined {
  const caps = rules.filter((r) => r.tier === tier && r.cap != null).map((r) => r.cap!);
  return caps.length ? Math.min(...caps) : undefined;
}

/** "Fit < 20": the conditions of a tier another score decides. */
function describeRules(rules: readonly FormRule[], tier: string): string {
  const leading = rules.filter((r) => r.enabled && r.tier === tier);
  return leading.map((r) => (r.threshold ? `${r.threshold.score} ${symbol[r.threshold.op]} ${r.threshold.value}` : r.name)).join(' or ');
}

/** "Tier1 threshold", with the rule's name when two threshold rules lead to the same tier. */
function thresholdLabels(rules: readonly FormRule[]): Map<FormRule, string> {
  const withThreshold = rules.filter((r) => r.threshold);
  return new Map(withThreshold.map((r) => {
    const name = r.tier ?? r.name;
    const shared = withThreshold.filter((o) => (o.tier ?? o.name) === name).length > 1;
    return [r, shared ? `${name} threshold (${r.name})` : `${name} threshold`];
  }));
}
