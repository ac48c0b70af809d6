import { Badge, List, Stack, Text, UnstyledButton } from '@mantine/core';
import type { ActivityDescriptor, ProblemView } from '../../../api/types';
import type { PlaybookDefinition } from '../../model/definition';
import { portsOf } from '../../model/ports';
import { summarise } from '../../model/summary';
import { activityLabel } from '../canvas/activityStyle';
import { stepOrder } from './stepOrder';

/** The playbook as an ordered list, for people who cannot use the canvas: each step, what it does and where each
 *  of its outcomes leads. Selecting a step opens it in the inspector. */
export function OutlineView({ definition, descriptors, problems, onSelect }: {
  definition: PlaybookDefinition; descriptors: Map<string, ActivityDescriptor>; problems: ProblemView[]; onSelect: (nodeId: string) => void;
}) {
  const ordered = stepOrder(definition);
  return (
    <Stack p="md" maw={860} component="section" aria-label="Outline of the playbook">
      <Text size="sm" c="dimmed">Steps in the order they run from Start; unreachable steps come last.</Text>
      <List type="ordered" spacing="sm">
        {ordered.map((node) => {
          const descriptor = descriptors.get(node.type);
          const nodeProblems = problems.filter((p) => p.nodeId === node.id);
          return (
            <List.Item key={node.id}>
              <UnstyledButton onClick={() => onSelect(node.id)} aria-label={`Open step ${node.id}`}>
                <Text fw={600} span>{activityLabel(node.type)}</Text> <Text span ff="monospace" size="sm" c="dimmed">{node.id}</Text>
                {nodeProblems.length > 0 && <Badge color="red" size="xs" ml={6}>{nodeProblems.length} problem{nodeProblems.length > 1 ? 's' : ''}</Badge>}
              </UnstyledButton>
              {summarise(node, descriptor) && <Text size="sm">{summarise(node, descriptor)}</Text>}
              <List size="sm" withPadding listStyleType="disc">
                {portsOf(descriptor, node).map((port) => {
                  const next = (definition.edges ?? []).filter((e) => e.from === node.id && e.port === port).map((e) => e.to);
                  return <List.Item key={port}>{port} → {next.length ? next.join(' and ') : <Text span c="red" size="sm">not connected</Text>}</List.Item>;
                })}
              </List>
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}
