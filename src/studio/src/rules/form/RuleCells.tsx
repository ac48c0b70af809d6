import { Code, Paper, Stack, Switch, Text, Title, Tooltip, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { problemText, type RuleProblem } from '../ruleProblems';
import type { FormRule, RuleChange, RulePath } from './ruleForm';

/** What every part of the form gets: a way to write a change into the text, and the server's problems of a rule. */
export interface FormPartProps {
  onEdit: (path: RulePath, change: RuleChange) => void;
  problemsOf: (rule: FormRule) => RuleProblem[];
}

/** One card of the form: a titled section for screen readers and keyboard users. */
export function FormSection({ title, description, aside, children }: { title: string; description?: ReactNode; aside?: ReactNode; children: ReactNode }) {
  return (
    <Paper component="section" aria-label={title} withBorder radius="lg" p="lg" shadow="xs">
      <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
        <div>
          <Title order={2} size="h4">{title}</Title>
          {description && <Text size="sm" c="dimmed" mt={2}>{description}</Text>}
        </div>
        {aside}
      </Group>
      {children}
    </Paper>
  );
}

export function EnabledSwitch({ rule, onEdit }: { rule: FormRule; onEdit: FormPartProps['onEdit'] }) {
  return (
    <Tooltip label={rule.enabled ? 'On: the rule counts' : 'Off: the rule is skipped ("Enabled": false)'} openDelay={400}>
      <Switch size="sm" checked={rule.enabled} aria-label={`${rule.name} enabled`}
        onChange={(e) => onEdit(rule.path, { field: 'enabled', value: e.currentTarget.checked })} />
    </Tooltip>
  );
}

/** The rule's name, its reason in plain words, and the server's problems with it. */
export function RuleTitle({ rule, problems }: { rule: FormRule; problems: RuleProblem[] }) {
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600} c={rule.enabled ? undefined : 'dimmed'} td={rule.enabled ? undefined : 'line-through'}>{rule.name}</Text>
      {rule.reason && <Text size="xs" c="dimmed" lineClamp={2}>{rule.reason}</Text>}
      <Problems problems={problems} />
    </Stack>
  );
}

export function Problems({ problems }: { problems: RuleProblem[] }) {
  return problems.map((p, i) => <Text key={i} size="xs" c="red.8">{problemText(p)}</Text>);
}

/** An expression the form does not edit: shown, to be changed in the JSON view. */
export function Condition({ expression }: { expression: string }) {
  return (
    <Tooltip label={expression} multiline maw={480} openDelay={300}>
      <Code block={false} style={{ display: 'inline-block', maxWidth: 340, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap',
        verticalAlign: 'middle', fontSize: 11.5 }}>{expression}</Code>
    </Tooltip>
  );
}
