import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';

/** An object of text values (a signal filter): one row per key; a trailing * on a value matches a prefix. */
export function MapField({ label, description, value, onChange }: {
  label: string; description?: string; value: Record<string, string>; onChange: (value: Record<string, string>) => void;
}) {
  const rows = Object.entries(value);
  const set = (index: number, key: string, text: string) => {
    const next = rows.map((r, i) => (i === index ? [key, text] : r));
    onChange(Object.fromEntries(next));
  };
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>{label}</Text>
      {description && <Text size="xs" c="dimmed">{description}</Text>}
      {rows.map(([k, v], i) => (
        <Group key={i} gap={4} wrap="nowrap">
          <TextInput size="xs" aria-label={`${label} key ${i + 1}`} placeholder="property" value={k} onChange={(e) => set(i, e.currentTarget.value, v)} />
          <TextInput size="xs" aria-label={`${label} value ${i + 1}`} placeholder="value, e.g. /pricing*" value={v} onChange={(e) => set(i, k, e.currentTarget.value)} flex={1} />
          <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${k || 'row'}`} onClick={() => onChange(Object.fromEntries(rows.filter((_, j) => j !== i)))}>
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      ))}
      <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={() => onChange({ ...value, '': '' })} w="fit-content"
        disabled={'' in value}>Add a condition</Button>
    </Stack>
  );
}
