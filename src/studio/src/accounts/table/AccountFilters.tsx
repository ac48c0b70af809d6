import { Button, Chip, Group, Input, MultiSelect, SegmentedControl, Select, Text, TextInput, type ComboboxItem } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { tierColor, tierLabel } from '../TierBadge';
import type { AccountFacets, Lifecycle } from '../types';
import { type AccountTableState, type FilterKey, filterCount, lifecycles } from './tableState';

type Change = Partial<Pick<AccountTableState, FilterKey>>;

/** The tier chips (with how many accounts each tier holds), then search, owner, the rules' segments, customer motion,
 *  the CRM's segment field and lifecycle. */
export function AccountFilters({ state, facets, hasRep, onChange, onClear }: {
  state: AccountTableState; facets: AccountFacets | undefined; hasRep: boolean; onChange: (change: Change) => void; onClear: () => void;
}) {
  return (
    <Group component="section" aria-label="Filters" gap="sm" align="flex-end" wrap="wrap">
      <SearchBox value={state.q} onSearch={(q) => onChange({ q })} />
      <Select label="Owner" placeholder="Anyone" w={210} searchable clearable value={state.owner} onChange={(owner) => onChange({ owner })}
        data={ownerOptions(facets, hasRep, state.owner)} renderOption={withCount} nothingFoundMessage="No rep owns accounts by that name" />
      <MultiSelect label="Segment" description="From the rules; any of them" placeholder={state.inSegments.length ? undefined : 'Any segment'} w={250}
        searchable clearable value={state.inSegments} onChange={(inSegments) => onChange({ inSegments })}
        data={countedOptions(facets?.inSegments, state.inSegments)} renderOption={withCount} nothingFoundMessage="No segment by that name" />
      {(facets?.motions.length ?? 0) > 0 && (
        <MultiSelect label="Motion" description="Customers" placeholder={state.motions.length ? undefined : 'Any motion'} w={200} clearable
          value={state.motions} onChange={(motions) => onChange({ motions })}
          data={countedOptions(facets?.motions, state.motions)} renderOption={withCount} />
      )}
      <MultiSelect label="CRM segment" description="The imported field" placeholder={state.segments.length ? undefined : 'Any'} w={230} searchable
        clearable value={state.segments} onChange={(segments) => onChange({ segments })} data={countedOptions(facets?.segments, state.segments)}
        renderOption={withCount} nothingFoundMessage="No segment by that name" />
      <Input.Wrapper label="Lifecycle" labelElement="div">
        <SegmentedControl display="flex" aria-label="Lifecycle" value={state.lifecycle ?? 'all'}
          onChange={(value) => onChange({ lifecycle: value === 'all' ? null : (value as Lifecycle) })}
          data={[{ value: 'all', label: 'All' }, ...lifecycles.map((l) => ({ value: l, label: `${l}s` }))]} />
      </Input.Wrapper>
      {filterCount(state) > 0 && (
        <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} onClick={onClear}>
          Clear filters ({filterCount(state)})
        </Button>
      )}
    </Group>
  );
}

/** Tier chips double as the tier distribution: each shows its count; none chosen means every tier. */
export function TierChips({ state, facets, onChange }: { state: AccountTableState; facets: AccountFacets | undefined; onChange: (tiers: string[]) => void }) {
  const tiers = facets?.tiers ?? state.tiers.map((tier, i) => ({ tier, rank: i + 1, count: 0 }));
  return (
    <Chip.Group multiple value={state.tiers} onChange={onChange}>
      <Group gap={6} role="group" aria-label="Tiers">
        {tiers.map((t) => (
          <Chip key={t.tier} value={t.tier} color={tierColor(t.tier)} variant="light" radius="sm">
            {tierLabel(t.tier)} <span style={{ opacity: 0.65, marginLeft: 4 }}>{facets ? t.count.toLocaleString() : ''}</span>
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  );
}

/** Typing searches after a pause; Enter searches at once. Follows the address when it changes (back, a link). */
function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const debounced = useDebouncedCallback((q: string) => { if (q.trim() !== value) onSearch(q); }, 350);
  return (
    <TextInput label="Search" placeholder="Name, domain or id" w={240} leftSection={<IconSearch size={16} />} value={text}
      onChange={(e) => { setText(e.currentTarget.value); debounced(e.currentTarget.value); }}
      onKeyDown={(e) => { if (e.key === 'Enter') onSearch(text); }} />
  );
}

/** An option with how many accounts it has, right-aligned; the chosen value shows without it. */
type Counted = ComboboxItem & { count?: number };

function withCount({ option }: { option: ComboboxItem }) {
  const { count } = option as Counted;
  return (
    <Group justify="space-between" wrap="nowrap" w="100%" gap="xs">
      <Text size="sm" truncate>{option.label}</Text>
      {count !== undefined && <Text size="xs" c="dimmed">{count.toLocaleString()}</Text>}
    </Group>
  );
}

function ownerOptions(facets: AccountFacets | undefined, hasRep: boolean, chosen: string | null): Counted[] {
  const options: Counted[] = [
    ...(hasRep ? [{ value: 'me', label: 'My accounts' }] : []),
    { value: 'none', label: 'No owner', count: facets?.unowned },
    ...(facets?.owners ?? []).map((o) => ({ value: o.id, label: o.name ?? o.id, count: o.count })),
  ];
  // A rep named in the address who owns nothing (or is unknown) still shows as chosen.
  if (chosen && !options.some((o) => o.value === chosen)) options.push({ value: chosen, label: chosen });
  return options;
}

function countedOptions(values: { value: string; count: number }[] | undefined, chosen: string[]): Counted[] {
  const options: Counted[] = (values ?? []).map((s) => ({ value: s.value, label: s.value, count: s.count }));
  for (const value of chosen) if (!options.some((o) => o.value === value)) options.push({ value, label: value });
  return options;
}
