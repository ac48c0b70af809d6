import { Badge, Group, Kbd, ScrollArea, Stack, Text, TextInput, ThemeIcon, UnstyledButton } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import type { ActivityDescriptor } from '../../../api/types';
import { activityLabel, activityStyle } from '../canvas/activityStyle';
import { paletteMime } from '../canvas/FlowCanvas';
import classes from './Palette.module.css';

/** The activities to add, grouped by category and searchable (`/` focuses the search). Drag one onto the canvas, or
 *  press Enter / double-click to add it next to the selected node. */
export function Palette({ activities, onAdd, disabled }: { activities: ActivityDescriptor[]; onAdd: (type: string) => void; disabled: boolean }) {
  const [query, setQuery] = useState('');
  const search = useRef<HTMLInputElement>(null);
  useHotkeys([['/', () => search.current?.focus()]]);
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const shown = activities.filter((a) => a.type !== 'Start' &&
      (!q || a.type.toLowerCase().includes(q) || activityLabel(a.type).toLowerCase().includes(q) || a.description.toLowerCase().includes(q)));
    const byCategory = new Map<string, ActivityDescriptor[]>();
    for (const a of shown) byCategory.set(a.category, [...(byCategory.get(a.category) ?? []), a]);
    return [...byCategory.entries()].sort(([a], [b]) => (a === 'Sales' ? -1 : b === 'Sales' ? 1 : a.localeCompare(b)));
  }, [activities, query]);

  return (
    <Stack gap="xs" h="100%" className={classes.palette} component="section" aria-label="Activities">
      <TextInput ref={search} size="xs" placeholder="Search activities" aria-label="Search activities" value={query}
        onChange={(e) => setQuery(e.currentTarget.value)} leftSection={<IconSearch size={14} />} rightSection={<Kbd size="xs">/</Kbd>}
        onKeyDown={(e) => { if (e.key === 'Enter' && groups[0]?.[1][0]) onAdd(groups[0][1][0].type); }} />
      <ScrollArea flex={1} type="auto">
        {groups.length === 0 && <Text size="xs" c="dimmed" p="xs">No activity matches “{query}”.</Text>}
        {groups.map(([category, items]) => (
          <Stack key={category} gap={4} mb="sm" role="group" aria-label={category}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px={4}>{category}</Text>
            {items.map((a) => {
              const { icon: Icon, color } = activityStyle(a.type);
              return (
                <UnstyledButton key={a.type} className={classes.item} draggable={!disabled} disabled={disabled}
                  aria-label={`Add ${activityLabel(a.type)}: ${a.description}`}
                  onDragStart={(e) => { e.dataTransfer.setData(paletteMime, a.type); e.dataTransfer.effectAllowed = 'move'; }}
                  onDoubleClick={() => onAdd(a.type)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); onAdd(a.type); } }}
                  data-activity={a.type}>
                  <Group gap={8} wrap="nowrap" align="flex-start">
                    <ThemeIcon size={24} radius="md" color={color} variant="light"><Icon size={14} /></ThemeIcon>
                    <div style={{ minWidth: 0 }}>
                      <Group gap={4}>
                        <Text size="sm" fw={600}>{activityLabel(a.type)}</Text>
                        {a.waits && <Badge size="xs" variant="outline" color="gray">waits</Badge>}
                      </Group>
                      <Text size="xs" c="dimmed" lineClamp={2}>{a.description}</Text>
                    </div>
                  </Group>
                </UnstyledButton>
              );
            })}
          </Stack>
        ))}
      </ScrollArea>
    </Stack>
  );
}
