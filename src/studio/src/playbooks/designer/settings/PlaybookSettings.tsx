import { ActionIcon, Autocomplete, Button, Card, Divider, Group, MultiSelect, NumberInput, SegmentedControl, Select, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { PlaybookDefinition, TriggerDefinition } from '../../model/definition';
import { DurationField } from '../inspector/DurationField';
import type { Vocabulary } from '../inspector/InputField';
import { MapField } from '../inspector/MapField';

const triggerTypes = [
  { value: 'tierEntered', label: 'An account enters a tier' },
  { value: 'signal', label: 'A signal arrives' },
  { value: 'triggerRule', label: 'A trigger rule fires' },
  { value: 'segmentEntered', label: 'An account enters a segment' },
  { value: 'segmentLeft', label: 'An account leaves a segment' },
  { value: 'motionEntered', label: 'A customer enters a motion' },
  { value: 'dateApproaching', label: 'A date is near (renewal…)' },
];

/** A picker's options: the known values, plus the one chosen if the rules no longer name it. */
const withChosen = (known: string[], chosen: string | null | undefined) => [...new Set([...known, ...(chosen ? [chosen] : [])])];

/** What the whole playbook does: when it starts (triggers), when an account leaves it early, and re-enrollment. */
export function PlaybookSettings({ definition, vocabulary, apply }: {
  definition: PlaybookDefinition; vocabulary: Vocabulary; apply: (edit: (d: PlaybookDefinition) => PlaybookDefinition, coalesce?: string) => void;
}) {
  const triggers = definition.triggers ?? [];
  const setTrigger = (index: number, change: Partial<TriggerDefinition>, coalesce?: string) =>
    apply((d) => ({ ...d, triggers: (d.triggers ?? []).map((t, i) => (i === index ? { ...t, ...change } : t)) }), coalesce);
  const exit = definition.exit ?? {};
  const reenrollment = definition.reenrollment ?? { policy: 'never' };

  return (
    <Stack gap="sm" component="section" aria-label="Playbook settings">
      <Title order={2} size="h4">Playbook</Title>
      <TextInput label="Name" value={definition.name} onChange={(e) => { const name = e.currentTarget.value; apply((d) => ({ ...d, name }), 'name'); }} />
      <Textarea label="Description" autosize minRows={2} maxRows={6} value={definition.description ?? ''}
        onChange={(e) => { const description = e.currentTarget.value || null; apply((d) => ({ ...d, description }), 'description'); }} />

      <Divider label="Starts when" labelPosition="left" />
      {triggers.length === 0 && <Text size="xs" c="dimmed">No trigger: this playbook never starts on its own.</Text>}
      {triggers.map((t, i) => (
        <Card key={i} withBorder padding="xs" radius="md">
          <Stack gap={6}>
            <Group gap={4} wrap="nowrap">
              <Select size="xs" aria-label={`Trigger ${i + 1} type`} data={triggerTypes} value={t.type} flex={1}
                onChange={(type) => type && setTrigger(i, { type })} allowDeselect={false} />
              <ActionIcon variant="subtle" color="gray" aria-label={`Remove trigger ${i + 1}`}
                onClick={() => apply((d) => ({ ...d, triggers: (d.triggers ?? []).filter((_, j) => j !== i) }))}><IconTrash size={14} /></ActionIcon>
            </Group>
            {t.type === 'tierEntered' && (
              <Select size="xs" label="Tier" data={[...new Set([...vocabulary.tiers, ...(t.tier ? [t.tier] : [])])]} value={t.tier ?? null}
                onChange={(tier) => setTrigger(i, { tier })} placeholder="Choose a tier" />
            )}
            {t.type === 'signal' && (
              <>
                <MultiSelect size="xs" label="Signal types" data={[...new Set([...vocabulary.signalTypes, ...(t.signalTypes ?? [])])]} searchable
                  value={t.signalTypes ?? []} onChange={(signalTypes) => setTrigger(i, { signalTypes })} />
                <MapField label="Only signals where" value={t.filter ?? {}} onChange={(filter) => setTrigger(i, { filter }, `filter-${i}`)} />
                <MultiSelect size="xs" label="Only accounts in" placeholder="any tier" data={[...new Set([...vocabulary.tiers, ...(t.tiers ?? [])])]}
                  value={t.tiers ?? []} onChange={(tiers) => setTrigger(i, { tiers })} />
              </>
            )}
            {(t.type === 'segmentEntered' || t.type === 'segmentLeft') && (
              <Select size="xs" label="Segment" description="A segment of the live rules' Segments workflow" searchable
                data={withChosen(vocabulary.segments, t.segment)} value={t.segment ?? null} onChange={(segment) => setTrigger(i, { segment })}
                placeholder="Choose a segment" />
            )}
            {t.type === 'motionEntered' && (
              <Select size="xs" label="Motion" description="Customers only; the Motions workflow names them"
                data={withChosen(vocabulary.motions, t.motion)} value={t.motion ?? null} onChange={(motion) => setTrigger(i, { motion })}
                placeholder="Choose a motion" />
            )}
            {t.type === 'dateApproaching' && (
              <>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <NumberInput size="xs" label="Days before" min={0} max={3650} w={110} value={t.daysBefore ?? ''}
                    onChange={(days) => setTrigger(i, { daysBefore: typeof days === 'number' ? days : null }, `days-${i}`)} />
                  <Autocomplete size="xs" label="Date field" description="A custom field holding an ISO date" flex={1}
                    data={vocabulary.customFields} value={t.field ?? ''} placeholder="renewal_date"
                    onChange={(field) => setTrigger(i, { field: field || null }, `field-${i}`)} />
                </Group>
                <MultiSelect size="xs" label="Only accounts in" placeholder="any tier" data={[...new Set([...vocabulary.tiers, ...(t.tiers ?? [])])]}
                  value={t.tiers ?? []} onChange={(tiers) => setTrigger(i, { tiers })} />
                <Text size="xs" c="dimmed">Starts once per date; a changed date (next year's renewal) starts it again.</Text>
              </>
            )}
            {t.type === 'triggerRule' && (
              <Select size="xs" label="Trigger rule" description="A rule of the live ruleset's triggers" searchable
                data={[...new Set([...vocabulary.triggerRules, ...(t.rule ? [t.rule] : [])])]} value={t.rule ?? null}
                onChange={(rule) => setTrigger(i, { rule })} />
            )}
          </Stack>
        </Card>
      ))}
      <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} w="fit-content"
        onClick={() => apply((d) => ({ ...d, triggers: [...(d.triggers ?? []), { type: 'tierEntered', tier: vocabulary.tiers[0] ?? null, signalTypes: [], filter: {}, tiers: [] }] }))}>
        Add a trigger
      </Button>

      <Divider label="Leaves early when" labelPosition="left" />
      <Switch label="Its tier changes" checked={exit.onTierChange ?? false} onChange={(e) => { const on = e.currentTarget.checked; apply((d) => ({ ...d, exit: { ...d.exit, onTierChange: on } })); }} />
      <Switch label="Its motion changes (customers)" checked={exit.onMotionChange ?? false} onChange={(e) => { const on = e.currentTarget.checked; apply((d) => ({ ...d, exit: { ...d.exit, onMotionChange: on } })); }} />
      <Switch label="It is disqualified" checked={exit.onDisqualification ?? true} onChange={(e) => { const on = e.currentTarget.checked; apply((d) => ({ ...d, exit: { ...d.exit, onDisqualification: on } })); }} />
      <MultiSelect label="One of these signals arrives" placeholder="e.g. unsubscribe, meeting_booked" searchable
        data={[...new Set([...vocabulary.signalTypes, ...(exit.onSignals ?? [])])]} value={exit.onSignals ?? []}
        onChange={(onSignals) => apply((d) => ({ ...d, exit: { ...d.exit, onSignals } }))} />

      <Divider label="Re-enrollment" labelPosition="left" />
      <SegmentedControl size="xs" aria-label="Re-enrollment" data={[{ value: 'never', label: 'Never again' }, { value: 'cooldown', label: 'After a cooldown' }]}
        value={reenrollment.policy ?? 'never'}
        onChange={(policy) => apply((d) => ({ ...d, reenrollment: { policy, cooldown: policy === 'cooldown' ? d.reenrollment?.cooldown ?? 'P30D' : null } }))} />
      {reenrollment.policy === 'cooldown' && (
        <DurationField label="Cooldown" required business={false} value={reenrollment.cooldown ?? ''}
          onChange={(cooldown) => apply((d) => ({ ...d, reenrollment: { ...d.reenrollment, cooldown } }), 'cooldown')} />
      )}
    </Stack>
  );
}
