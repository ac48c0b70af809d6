import { ActionIcon, Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ActivityDescriptor } from '../../../api/types';
import type { PlaybookDefinition } from '../../model/definition';
import { durationInWords } from '../../model/durations';
import { portsOf } from '../../model/ports';
import type { ScriptEntry } from './simulationOverlay';

const waitsForRep = new Set(['CreateTask', 'Escalate']);

/** What happens during the run, in a manager's words: "the task at brief is completed Done after 1 business day",
 *  "it is never completed", "signal meeting_booked on day 5". */
export function ScriptEditor({ definition, descriptors, signalTypes, script, onChange }: {
  definition: PlaybookDefinition; descriptors: Map<string, ActivityDescriptor>; signalTypes: string[];
  script: ScriptEntry[]; onChange: (script: ScriptEntry[]) => void;
}) {
  const taskNodes = (definition.nodes ?? []).filter((n) => waitsForRep.has(n.type));
  const set = (i: number, change: Partial<ScriptEntry>) => onChange(script.map((e, j) => (j === i ? { ...e, ...change } : e)));
  return (
    <Stack gap={6}>
      {script.length === 0 && <Text size="xs" c="dimmed">Nothing scripted: tasks stay open, so SLAs and timeouts take their course.</Text>}
      {script.map((entry, i) => {
        const node = taskNodes.find((n) => n.id === entry.node);
        const outcomes = node ? portsOf(descriptors.get(node.type), node).filter((p) => p !== 'SlaBreached' && p !== 'TimedOut') : [];
        const words = entry.after ? durationInWords(entry.after, { business: entry.signal == null }) : null;
        return (
          <Card key={i} withBorder padding={6} radius="md">
            <Group gap={4} wrap="nowrap" align="flex-end">
              {entry.signal != null ? (
                <Select size="xs" label={`Event ${i + 1}: signal`} data={[...new Set([...signalTypes, entry.signal].filter(Boolean))]} searchable
                  value={entry.signal || null} onChange={(signal) => set(i, { signal: signal ?? '' })} flex={1} />
              ) : (
                <>
                  <Select size="xs" label={`Event ${i + 1}: task at`} data={taskNodes.map((n) => n.id)} value={entry.node ?? null}
                    onChange={(n) => set(i, { node: n, outcome: 'Done' })} flex={1} miw={0} allowDeselect={false} />
                  <Select size="xs" label="is" miw={0} comboboxProps={{ width: 180 }} data={[...outcomes.map((o) => ({ value: o, label: `completed ${o}` })), { value: 'never', label: 'never done' }]}
                    value={entry.outcome ?? 'never'} onChange={(outcome) => set(i, { outcome })} flex={1.3} allowDeselect={false} />
                </>
              )}
              <TextInput size="xs" label="after" w={64} value={entry.after ?? ''} placeholder="P1D" disabled={entry.outcome === 'never'}
                onChange={(e) => set(i, { after: e.currentTarget.value.toUpperCase() || null })} />
              <ActionIcon variant="subtle" color="gray" aria-label={`Remove event ${i + 1}`} onClick={() => onChange(script.filter((_, j) => j !== i))}>
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
            {words && entry.outcome !== 'never' && (
              <Text size="xs" c="dimmed" mt={2}>{entry.signal != null ? `${words} after the start` : `${words} after the task is created`}</Text>
            )}
          </Card>
        );
      })}
      <Group gap={4}>
        <Button size="compact-xs" variant="light" leftSection={<IconPlus size={12} />} disabled={taskNodes.length === 0}
          onClick={() => onChange([...script, { node: taskNodes[0]?.id ?? null, outcome: 'Done', after: 'P1D' }])}>A task outcome</Button>
        <Button size="compact-xs" variant="light" leftSection={<IconPlus size={12} />}
          onClick={() => onChange([...script, { signal: signalTypes[0] ?? 'email_reply', after: 'P2D' }])}>A signal</Button>
      </Group>
    </Stack>
  );
}
