import { Alert, Button, ScrollArea, Stack, Text } from '@mantine/core';
import { IconBraces } from '@tabler/icons-react';
import { useMemo } from 'react';
import { EmptyState } from '../../common/QueryStates';
import { problemText, type RuleProblem } from '../ruleProblems';
import { ComponentWeights } from './ComponentWeights';
import type { FormPartProps } from './RuleCells';
import { editRule, formatNumber, readRuleForm } from './ruleForm';
import { ScoringRules } from './ScoringRules';
import { TierThresholds } from './TierThresholds';
import { TriggerRules } from './TriggerRules';

interface Props {
  /** The rule file's text: the same text the JSON view edits. */
  text: string;
  /** The live file's text: the tier counts start from today's tiers and move only the accounts an edit moves. */
  live: string;
  onChange: (text: string) => void;
  /** The server's problems with this text (empty while a check is pending). */
  problems: RuleProblem[];
  onShowJson: () => void;
}

/** The form view of a rule file, for everyday changes: tier thresholds over today's scores, component weights,
 *  each rule's points, on/off per rule. Every edit rewrites only its value in the text, so the JSON view shows the
 *  same file with that one change. */
export function RuleForm({ text, live, onChange, problems, onShowJson }: Props) {
  const read = useMemo(() => readRuleForm(text), [text]);
  const liveRead = useMemo(() => readRuleForm(live), [live]);
  if (!read.ok) {
    return (
      <Alert color="red" title="The form needs the JSON to be readable" role="alert" icon={<IconBraces size={18} />}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{read.error}</Text>
          <Button size="xs" variant="light" color="red" onClick={onShowJson}>Fix it in the JSON view</Button>
        </Stack>
      </Alert>
    );
  }
  const part: FormPartProps = {
    onEdit: (path, change) => onChange(editRule(text, path, change)),
    problemsOf: (rule) => problems.filter((p) => p.rule === rule.name && (!p.workflow || p.workflow === rule.workflow)),
  };
  const workflows = read.workflows;
  const weights = workflows.filter((w) => w.concern === 'composite').flatMap((w) => w.rules);
  const totalWeight = weights.reduce((sum, r) => sum + (r.enabled && r.catchAll ? r.weight ?? 0 : 0), 0);
  const shareOf = (component: string) => {
    const weight = weights.find((r) => r.component === component && r.enabled && r.catchAll)?.weight;
    return weight && totalWeight ? `${formatNumber(Math.round((weight / totalWeight) * 1000) / 10)}%` : null;
  };
  const unlisted = problems.filter((p) => !workflows.some((w) => w.rules.some((r) => r.name === p.rule)));

  return (
    <ScrollArea type="auto" offsetScrollbars component="section" aria-label="Form view" bg="gray.0"
      style={{ flex: 1, minHeight: 0, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
      <Stack gap="lg" p="md" maw={1180}>
        {workflows.length === 0 && <EmptyState title="No workflows in this file">Add one in the JSON view.</EmptyState>}
        {unlisted.length > 0 && (
          <Alert color="red" variant="light" title="Problems in this file">
            {unlisted.map((p, i) => <Text key={i} size="sm">{p.workflow ? `${p.workflow}: ` : ''}{problemText(p)}</Text>)}
          </Alert>
        )}
        {workflows.filter((w) => w.concern === 'tiering').map((w) => <TierThresholds key={w.index} workflow={w} {...part}
          live={liveRead.ok ? liveRead.workflows.find((l) => l.name === w.name) : undefined} />)}
        {workflows.filter((w) => w.concern === 'composite').map((w) => <ComponentWeights key={w.index} workflow={w} {...part} />)}
        {workflows.filter((w) => w.concern === 'component').map((w) => <ScoringRules key={w.index} workflow={w} share={shareOf(w.name)} {...part} />)}
        {workflows.filter((w) => w.concern === 'triggers').map((w) => <TriggerRules key={w.index} workflow={w} {...part} />)}
      </Stack>
    </ScrollArea>
  );
}
