import { Accordion, Alert, Anchor, Badge, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconInfoCircle } from '@tabler/icons-react';
import { ErrorState, LoadingState } from '../../common/QueryStates';
import { CompositeScale } from './CompositeScale';
import { componentGroups, decisionText, type Explanation, splitMoves, tierColor } from './explanationView';
import { type ExplainDraft, useAccountExplanation } from './queries';
import { RuleLine } from './RuleLine';
import { WhatWouldChangeSection } from './WhatWouldChangeSection';

/** Why an account has its tier: the decision, each component's rules (passed or failed, points, values read, evidence
 *  signals), the tier rules and triggers, then what would change the tier. On the live rules, or on a draft of one
 *  rule file (the rules page). Reused by the account page. */
export function AccountExplanation({ accountId, draft = null }: { accountId: string; draft?: ExplainDraft | null }) {
  const explanation = useAccountExplanation(accountId, draft);
  if (explanation.isPending) return <LoadingState label="Explaining the account" />;
  if (explanation.error) return <ErrorState error={explanation.error} title="Could not explain this account" onRetry={() => void explanation.refetch()} />;
  return (
    <div style={{ opacity: explanation.isPlaceholderData ? 0.6 : 1 }}>
      <ExplanationBody explanation={explanation.data} />
    </div>
  );
}

export function ExplanationBody({ explanation }: { explanation: Explanation }) {
  const groups = componentGroups(explanation);
  const { up, down } = splitMoves(explanation);
  const firedTriggers = explanation.triggers.filter((t) => t.passed).length;
  return (
    <Stack gap="md" component="section" aria-label={`Explanation of ${explanation.accountName}`}>
      <Paper withBorder radius="md" p="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Title order={3} size="h4" lineClamp={1}>{explanation.accountName}</Title>
            <Text size="xs" c="dimmed">
              {explanation.accountId} · rules <Text span ff="monospace" size="xs">{explanation.rulesVersion.slice(0, 12)}</Text>
              {explanation.draft && <Badge ml={6} size="xs" color="yellow" variant="light">draft</Badge>}
            </Text>
          </div>
          <Stack gap={0} align="flex-end">
            <Badge size="lg" color={tierColor(explanation.tier)} variant="filled" tt="none" aria-label={`Tier ${explanation.tier}`}>{explanation.tier}</Badge>
            <Text size="xs" c="dimmed" mt={2}>composite <b>{explanation.composite}</b></Text>
          </Stack>
        </Group>
        <Text size="sm" mt={6}>{explanation.tier}, {decisionText(explanation)}.</Text>
        <CompositeScale explanation={explanation} />
        {(up[0] || down[0]) && (
          <Stack gap={2} mt={4} aria-label="Nearest changes">
            {up[0] && <Group gap={4} wrap="nowrap"><IconArrowUpRight size={14} color="var(--mantine-color-teal-7)" /><Text size="xs">{up[0].text}</Text></Group>}
            {down[0] && <Group gap={4} wrap="nowrap"><IconArrowDownRight size={14} color="var(--mantine-color-red-7)" /><Text size="xs">{down[0].text}</Text></Group>}
            <Anchor size="xs" href="#what-would-change" onClick={(event) => {
              event.preventDefault();
              document.getElementById('what-would-change')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
            }}>All that would change the tier</Anchor>
          </Stack>
        )}
        {explanation.whatWouldChange.notes.length > 0 && (
          <Alert mt="xs" p={8} color="gray" variant="light" icon={<IconInfoCircle size={16} />}>
            {explanation.whatWouldChange.notes.map((n) => <Text key={n} size="xs">{n}</Text>)}
          </Alert>
        )}
      </Paper>

      <Stack gap={6} component="section" aria-label="Scores by component">
        <Text fw={650}>Scores by component</Text>
        <Accordion multiple variant="separated" radius="md" chevronPosition="left">
          {groups.map((g) => (
            <Accordion.Item key={g.name} value={g.name}>
              <Accordion.Control aria-label={`${g.name}: ${g.score} of 100, ${g.passed.length} of ${g.passed.length + g.failed.length} rules pass`}>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" fw={600} w={110} truncate>{g.name}</Text>
                  <Progress value={g.score} size="sm" style={{ flex: 1 }} color={g.score >= 60 ? 'teal' : g.score >= 30 ? 'indigo' : 'gray'} aria-hidden />
                  <Text size="sm" fw={600} w={30} ta="right">{g.score}</Text>
                  <Text size="xs" c="dimmed" w={92} ta="right">{g.sharePercent}% → +{g.contribution}</Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Text size="xs" c="dimmed" mb={4}>{g.passed.length} of {g.passed.length + g.failed.length} rules pass · weight {g.sharePercent}% of the composite</Text>
                <Stack gap={0} component="ul" p={0} m={0}>
                  {[...g.passed, ...g.failed].map((r) => <RuleLine key={r.rule} rule={r} explanation={explanation} />)}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
          <Accordion.Item value="tiering">
            <Accordion.Control aria-label={`Tier rules: ${explanation.tierRule} decides`}>
              <Group gap="xs"><Text size="sm" fw={600}>Tier rules</Text><Text size="xs" c="dimmed">first passing: {explanation.tierRule} → {explanation.scoreTier}</Text></Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap={0} component="ul" p={0} m={0}>
                {explanation.tiering.map((r) => <RuleLine key={r.rule} rule={r} explanation={explanation} highlight={r.rule === explanation.tierRule} />)}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
          <Accordion.Item value="triggers">
            <Accordion.Control aria-label={`Triggers: ${firedTriggers} fired`}>
              <Group gap="xs"><Text size="sm" fw={600}>Triggers</Text><Text size="xs" c="dimmed">{firedTriggers} of {explanation.triggers.length} fired</Text></Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap={0} component="ul" p={0} m={0}>
                {[...explanation.triggers].sort((a, b) => Number(b.passed) - Number(a.passed))
                  .map((r) => <RuleLine key={r.rule} rule={r} explanation={explanation} />)}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>

      <WhatWouldChangeSection explanation={explanation} />
    </Stack>
  );
}
