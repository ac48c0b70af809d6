import { Badge, Group, Table, Text } from '@mantine/core';
import { NumberField } from './NumberField';
import { Condition, EnabledSwitch, type FormPartProps, FormSection, RuleTitle } from './RuleCells';
import type { FormWorkflow } from './ruleForm';

/** One scoring component (Fit, Engagement, …): each rule's points, added when it passes; the component is clamped
 *  to 0–100. */
export function ScoringRules({ workflow, share, onEdit, problemsOf }: { workflow: FormWorkflow; share: string | null } & FormPartProps) {
  const enabled = workflow.rules.filter((r) => r.enabled);
  const most = enabled.reduce((sum, r) => sum + Math.max(r.points ?? 0, 0), 0);
  return (
    <FormSection title={workflow.name}
      description={`${enabled.length} of ${workflow.rules.length} rules on · at most ${most} points${most > 100 ? ', capped at 100' : ''}`}
      aside={share && <Badge variant="light" color="indigo" size="lg" tt="none">{share} of the composite</Badge>}>
      <Table verticalSpacing={8} highlightOnHover aria-label={`${workflow.name} rules`}>
        <Table.Thead>
          <Table.Tr><Table.Th w={60}>On</Table.Th><Table.Th>Rule</Table.Th><Table.Th>When</Table.Th><Table.Th w={120}>Points</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {workflow.rules.map((rule) => (
            <Table.Tr key={rule.path.join('/')} opacity={rule.enabled ? 1 : 0.55}>
              <Table.Td><EnabledSwitch rule={rule} onEdit={onEdit} /></Table.Td>
              <Table.Td><RuleTitle rule={rule} problems={problemsOf(rule)} /></Table.Td>
              <Table.Td><Condition expression={rule.expression} /></Table.Td>
              <Table.Td>
                {rule.points != null ? (
                  <Group gap={4} wrap="nowrap">
                    <NumberField w={92} value={rule.points} min={-100} max={100} step={1} decimalScale={2} aria-label={`${rule.name} points`}
                      styles={{ input: { color: rule.points < 0 ? 'var(--mantine-color-red-7)' : 'var(--mantine-color-teal-8)', fontWeight: 600 } }}
                      onCommit={(value) => onEdit(rule.path, { field: 'points', value })} />
                  </Group>
                ) : <Text size="xs" c="dimmed">edit in JSON</Text>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </FormSection>
  );
}
