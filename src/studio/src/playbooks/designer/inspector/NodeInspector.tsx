import { Alert, Button, Divider, Group, Select, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ActivityDescriptor, ProblemView } from '../../../api/types';
import type { NodeDefinition, PlaybookDefinition } from '../../model/definition';
import { portsOf } from '../../model/ports';
import { activityLabel, activityStyle } from '../canvas/activityStyle';
import { InputField, type Vocabulary } from './InputField';

export interface NodeEdits {
  setInput: (name: string, value: unknown) => void;
  rename: (to: string) => void;
  connect: (port: string, to: string | null) => void;
  remove: () => void;
}

/** The form of one node, generated from its activity's descriptor: inputs, where each port leads, and its problems. */
export function NodeInspector({ node, descriptor, definition, problems, vocabulary, edits }: {
  node: NodeDefinition; descriptor: ActivityDescriptor | undefined; definition: PlaybookDefinition; problems: ProblemView[];
  vocabulary: Vocabulary; edits: NodeEdits;
}) {
  const { icon: Icon, color } = activityStyle(node.type);
  const [id, setId] = useState(node.id);
  useEffect(() => setId(node.id), [node.id]);
  const idTaken = id !== node.id && (definition.nodes ?? []).some((n) => n.id === id);
  const idInvalid = !/^[A-Za-z0-9_-]+$/.test(id);
  const targets = (definition.nodes ?? []).filter((n) => n.id !== node.id && n.type !== 'Start').map((n) => ({ value: n.id, label: `${n.id} (${activityLabel(n.type)})` }));

  return (
    <Stack gap="sm" component="section" aria-label={`Inspector: ${node.id}`}>
      <Group gap="xs" wrap="nowrap">
        <ThemeIcon size={32} radius="md" color={color} variant="light"><Icon size={18} /></ThemeIcon>
        <div>
          <Title order={2} size="h4">{activityLabel(node.type)}</Title>
          <Text size="xs" c="dimmed">{descriptor?.description ?? 'An activity type this server does not know'}</Text>
        </div>
      </Group>
      {problems.length > 0 && (
        <Alert color="red" p="xs" role="alert" title={`${problems.length} problem${problems.length > 1 ? 's' : ''}`}>
          {problems.map((p, i) => <Text key={i} size="xs">{p.where ? `${p.where}: ` : ''}{p.message}</Text>)}
        </Alert>
      )}
      <TextInput label="Step id" description="Used in the journal, the inbox and the API; letters, digits, - and _" value={id}
        onChange={(e) => setId(e.currentTarget.value)}
        onBlur={() => { if (!idTaken && !idInvalid) edits.rename(id); else setId(node.id); }}
        onKeyDown={(e) => { if (e.key === 'Enter' && !idTaken && !idInvalid) edits.rename(id); }}
        error={idTaken ? 'Another step has this id' : idInvalid ? 'Use letters, digits, - and _' : undefined} />
      {(descriptor?.inputs ?? []).map((input) => (
        <InputField key={input.name} input={input} activityType={node.type} value={node.inputs?.[input.name]} vocabulary={vocabulary}
          onChange={(value) => edits.setInput(input.name, value)} />
      ))}
      {portsOf(descriptor, node).length > 0 && (
        <>
          <Divider label="Next steps" labelPosition="left" />
          {portsOf(descriptor, node).map((port) => {
            const edge = (definition.edges ?? []).filter((e) => e.from === node.id && e.port === port);
            const problem = problems.find((p) => p.where === `port ${port}`);
            return (
              <Select key={port} label={`When ${port}`} placeholder="not connected" data={targets} clearable searchable
                value={edge[0]?.to ?? null} onChange={(to) => edits.connect(port, to)} error={problem?.message}
                description={edge.length > 1 ? `and ${edge.length - 1} more path(s) in parallel` : undefined} />
            );
          })}
        </>
      )}
      {node.type !== 'Start' && (
        <Button variant="light" color="red" leftSection={<IconTrash size={14} />} onClick={edits.remove} mt="sm">Delete this step</Button>
      )}
    </Stack>
  );
}
