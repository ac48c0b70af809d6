import { Badge, Code, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { type ExplainedRule, type Explanation, evidenceOf, pointsLabel, signalLabel, tierColor } from './explanationView';

/** One rule's verdict: passed or not, its points (or tier, or trigger action), what its expression read and the
 *  signals it counted. */
export function RuleLine({ rule, explanation, highlight = false }: { rule: ExplainedRule; explanation: Explanation; highlight?: boolean }) {
  const evidence = evidenceOf(rule, explanation);
  return (
    <Stack gap={3} py={6} px={8} component="li" aria-label={`${rule.rule}: ${rule.passed ? 'passed' : 'failed'}`}
      style={{ listStyle: 'none', borderRadius: 6, background: highlight ? 'var(--mantine-color-teal-0)' : undefined }}>
      <Group gap={8} wrap="nowrap" align="flex-start">
        <ThemeIcon size={18} radius="xl" variant={rule.passed ? 'filled' : 'light'} color={rule.passed ? 'teal' : 'gray'} mt={1}>
          {rule.passed ? <IconCheck size={12} /> : <IconX size={12} />}
        </ThemeIcon>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={500} c={rule.passed ? undefined : 'dimmed'}>{rule.rule}</Text>
          {rule.reason && rule.reason !== rule.rule && <Text size="xs" c="dimmed">{rule.reason}</Text>}
        </div>
        {rule.points != null && (
          <Badge size="sm" variant={rule.passed ? 'light' : 'outline'} color={rule.passed ? (rule.points < 0 ? 'red' : 'teal') : 'gray'}
            style={{ textDecoration: rule.passed ? undefined : 'line-through' }} aria-label={`${pointsLabel(rule.points)} points${rule.passed ? '' : ' (not counted)'}`}>
            {pointsLabel(rule.points)}
          </Badge>
        )}
        {rule.action && <Badge size="sm" variant="light" color={rule.passed ? 'orange' : 'gray'} tt="none">{rule.action}{rule.tier ? ` → ${rule.tier}` : ''}</Badge>}
        {!rule.action && rule.tier && <Badge size="sm" variant="light" color={tierColor(rule.tier)} tt="none">{rule.tier}</Badge>}
      </Group>
      {rule.values.length > 0 && (
        <Group gap={4} pl={26}>
          {rule.values.map((v) => (
            <Code key={v.expression} fz={11} style={{ whiteSpace: 'normal', wordBreak: 'break-word' }}>{v.expression} = <b>{v.value}</b></Code>
          ))}
        </Group>
      )}
      {evidence.length > 0 && (
        <Group gap={4} pl={26} aria-label={`Evidence for ${rule.rule}`}>
          {evidence.slice(0, 6).map((s) => (
            <Badge key={s.id} size="xs" variant="dot" color="indigo" tt="none" title={`${s.id} · ${new Date(s.occurredAt).toLocaleString()}`}>{signalLabel(s)}</Badge>
          ))}
          {evidence.length > 6 && <Text size="xs" c="dimmed">+{evidence.length - 6} more</Text>}
        </Group>
      )}
      {rule.error && <Text size="xs" c="red.7" pl={26}>Error: {rule.error}</Text>}
    </Stack>
  );
}
