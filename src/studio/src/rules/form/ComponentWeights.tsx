import { Group, Progress, Table, Text } from '@mantine/core';
import { NumberField } from './NumberField';
import { EnabledSwitch, type FormPartProps, FormSection, Problems } from './RuleCells';
import { type FormWorkflow, formatNumber } from './ruleForm';

/** The Composite workflow: each component's weight and its share of the composite (a weighted mean, so the
 *  weights need not add up to 100). */
export function ComponentWeights({ workflow, onEdit, problemsOf }: { workflow: FormWorkflow } & FormPartProps) {
  const total = workflow.rules.reduce((sum, r) => sum + (r.enabled && r.catchAll && r.weight ? r.weight : 0), 0);
  return (
    <FormSection title="Component weights"
      description="The composite is the weighted mean of the components: a component’s share is its weight over the sum of the weights.">
      <Table verticalSpacing={8} highlightOnHover aria-label="Component weights">
        <Table.Thead>
          <Table.Tr><Table.Th w={60}>On</Table.Th><Table.Th>Component</Table.Th><Table.Th w={120}>Weight</Table.Th><Table.Th w="40%">Share of the composite</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {workflow.rules.map((rule) => {
            const share = rule.enabled && rule.catchAll && rule.weight && total ? (rule.weight / total) * 100 : 0;
            return (
              <Table.Tr key={rule.path.join('/')} opacity={rule.enabled ? 1 : 0.55}>
                <Table.Td><EnabledSwitch rule={rule} onEdit={onEdit} /></Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600} c={rule.enabled ? undefined : 'dimmed'}>{rule.component ?? '—'}</Text>
                  <Text size="xs" c="dimmed">{rule.name}{rule.catchAll ? '' : ` · only when ${rule.expression}`}</Text>
                  <Problems problems={problemsOf(rule)} />
                </Table.Td>
                <Table.Td>
                  {rule.weight != null
                    ? <NumberField w={96} value={rule.weight} min={0.001} max={1000} step={1} decimalScale={3} aria-label={`${rule.component ?? rule.name} weight`}
                        onCommit={(value) => onEdit(rule.path, { field: 'weight', value })} />
                    : <Text size="xs" c="dimmed">edit in JSON</Text>}
                </Table.Td>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <Progress value={share} flex={1} size="lg" radius="xl" color="indigo" aria-hidden />
                    <Text size="sm" fw={600} w={52} ta="right">{rule.catchAll ? `${formatNumber(Math.round(share * 10) / 10)}%` : 'varies'}</Text>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </FormSection>
  );
}
