import { Badge, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconTarget } from '@tabler/icons-react';
import { type Explanation, nearestThresholds, splitMoves, type TierMove, tierColor } from './explanationView';

/** The distance to each tier threshold, then the smallest sets of rules that would move the account up or down. */
export function WhatWouldChangeSection({ explanation }: { explanation: Explanation }) {
  const { up, down } = splitMoves(explanation);
  const change = explanation.whatWouldChange;
  return (
    <Stack gap="sm" component="section" aria-label="What would change the tier" id="what-would-change">
      <Text fw={650}>What would change the tier</Text>
      <Stack gap={4} component="ul" p={0} m={0} aria-label="Thresholds">
        {nearestThresholds(explanation).map((t) => (
          <Group key={`${t.rule}-${t.measure}`} gap={8} wrap="nowrap" component="li" style={{ listStyle: 'none' }}>
            <ThemeIcon size={20} radius="xl" variant="light" color={t.met ? tierColor(t.tier) : 'gray'}><IconTarget size={12} /></ThemeIcon>
            <Badge size="sm" variant="light" color={tierColor(t.tier)} tt="none" w={96}>{t.tier}</Badge>
            <Text size="sm">
              {t.measure} {t.comparison} {t.threshold}:{' '}
              {t.met ? <Text span c="dimmed" size="sm">met, {Math.abs(t.distance)} {t.comparison.startsWith('>') ? 'above' : 'below'}</Text>
                : t.comparison.startsWith('>') ? <Text span fw={600} size="sm">{Math.abs(t.distance)} to go</Text>
                  : <Text span c="dimmed" size="sm">{Math.abs(t.distance)} above it</Text>}
            </Text>
          </Group>
        ))}
      </Stack>
      <MoveList title="Up" moves={up} empty="No set of up to three rules would move it up." />
      <MoveList title="Down" moves={down} empty="No set of up to three rules would move it down." />
      {change.notes.map((note) => <Text key={note} size="xs" c="dimmed">{note}</Text>)}
      <Text size="xs" c="dimmed">
        Tried {change.setsTried.toLocaleString()} sets of up to {change.maxSetSize} rules, smallest and nearest first, on these rules
        {explanation.draft ? ' (the draft)' : ''}.
      </Text>
    </Stack>
  );
}

function MoveList({ title, moves, empty }: { title: string; moves: TierMove[]; empty: string }) {
  const up = title === 'Up';
  return (
    <Stack gap={6} component="section" aria-label={`Moves ${title.toLowerCase()}`}>
      <Group gap={6}>
        {up ? <IconArrowUpRight size={16} color="var(--mantine-color-teal-7)" /> : <IconArrowDownRight size={16} color="var(--mantine-color-red-7)" />}
        <Text size="sm" fw={600}>{title}</Text>
      </Group>
      {moves.length === 0 ? <Text size="xs" c="dimmed">{empty}</Text> : moves.map((m) => (
        <Paper key={m.text} withBorder radius="md" px="sm" py={8} component="article" aria-label={m.text}
          style={{ borderLeft: `3px solid var(--mantine-color-${up ? 'teal' : 'red'}-5)` }}>
          <Group gap={6} wrap="nowrap" align="flex-start" justify="space-between">
            <Text size="sm">{m.text.replace(/ → [^→]+$/, '')}</Text>
            <Badge size="sm" color={tierColor(m.toTier)} variant="filled" tt="none" style={{ flexShrink: 0 }}>→ {m.toTier}</Badge>
          </Group>
          <Group gap={4} mt={4}>
            {m.flips.map((f) => (
              <Badge key={f.rule} size="xs" variant="outline" color="gray" tt="none">
                {f.rule} {f.workflow === 'Triggers' ? (f.passes ? 'fires' : 'does not fire') : f.passes ? 'passes' : 'fails'}
              </Badge>
            ))}
            <Text size="xs" c="dimmed">composite {m.composite}</Text>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
