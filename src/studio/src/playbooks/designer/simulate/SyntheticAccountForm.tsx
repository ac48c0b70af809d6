import { Group, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { components } from '../../../api/schema';

export type SimulatedAccount = components['schemas']['SimulatedAccount'];

/** A made-up account for "what would happen to an account like this": the fields tiering and assignment read. */
export function SyntheticAccountForm({ account, tiers, onChange }: {
  account: SimulatedAccount; tiers: string[]; onChange: (a: SimulatedAccount) => void;
}) {
  const set = (change: Partial<SimulatedAccount>) => onChange({ ...account, ...change });
  return (
    <SimpleGrid cols={2} spacing={6} verticalSpacing={6}>
      <TextInput size="xs" label="Name" value={account.name ?? ''} onChange={(e) => set({ name: e.currentTarget.value || null })} />
      <Select size="xs" label="Tier" data={tiers} value={account.tier ?? null} onChange={(tier) => set({ tier })} />
      <NumberInput size="xs" label="Score" min={0} max={100} value={account.score ?? ''} onChange={(v) => set({ score: typeof v === 'number' ? v : null })} />
      <NumberInput size="xs" label="Employees" min={0} value={account.employees ?? ''} onChange={(v) => set({ employees: typeof v === 'number' ? v : null })} />
      <TextInput size="xs" label="Industry" value={account.industry ?? ''} onChange={(e) => set({ industry: e.currentTarget.value || null })} />
      <Group grow gap={6}>
        <TextInput size="xs" label="Country" value={account.country ?? ''} onChange={(e) => set({ country: e.currentTarget.value || null })} />
        <TextInput size="xs" label="Region" value={account.region ?? ''} onChange={(e) => set({ region: e.currentTarget.value || null })} />
      </Group>
    </SimpleGrid>
  );
}
