import { Badge, Table, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconFlag } from '@tabler/icons-react';
import { NumberField } from './NumberField';
import { Condition, EnabledSwitch, type FormPartProps, FormSection, RuleTitle } from './RuleCells';
import type { FormRule, FormWorkflow } from './ruleForm';
import { tierColor } from './tierColors';

/** The Triggers workflow: promotions, demotions and flags for review, with how long a promotion holds. */
export function TriggerRules({ workflow, onEdit, problemsOf }: { workflow: FormWorkflow } & FormPartProps) {
  return (
    <FormSection title="Triggers" description="Checked after the tier: a promotion holds the account at least that long; a demotion waits for the hold to end.">
      <Table verticalSpacing={8} highlightOnHover aria-label="Trigger rules">
        <Table.Thead>
          <Table.Tr><Table.Th w={60}>On</Table.Th><Table.Th>Rule</Table.Th><Table.Th>Does</Table.Th><Table.Th>When</Table.Th><Table.Th w={130}>Hold (days)</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {workflow.rules.map((rule) => (
            <Table.Tr key={rule.path.join('/')} opacity={rule.enabled ? 1 : 0.55}>
              <Table.Td><EnabledSwitch rule={rule} onEdit={onEdit} /></Table.Td>
              <Table.Td><RuleTitle rule={rule} problems={problemsOf(rule)} /></Table.Td>
              <Table.Td><Action rule={rule} /></Table.Td>
              <Table.Td><Condition expression={rule.expression} /></Table.Td>
              <Table.Td>
                {rule.holdDays != null
                  ? <NumberField w={92} value={rule.holdDays} min={0} max={3650} step={1} allowDecimal={false} aria-label={`${rule.name} hold days`}
                      onCommit={(value) => onEdit(rule.path, { field: 'holdDays', value })} />
                  : <Text size="xs" c="dimmed">—</Text>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </FormSection>
  );
}

function Action({ rule }: { rule: FormRule }) {
  const action = rule.action?.toLowerCase();
  if (action === 'flag') return <Badge variant="light" color="yellow" tt="none" leftSection={<IconFlag size={12} />}>flag for review</Badge>;
  const Icon = action === 'demote' ? IconArrowDown : IconArrowUp;
  return (
    <Badge variant="light" color={tierColor(rule.tier)} tt="none" leftSection={<Icon size={12} />}>
      {action ?? '?'} to {rule.tier ?? '?'}
    </Badge>
  );
}
