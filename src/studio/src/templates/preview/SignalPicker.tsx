import { Select } from '@mantine/core';
import { errorMessage } from '../../api/problem';
import { useRecentSignals } from '../queries';
import { noSignal, signalOptions } from './signalOptions';

/** Picks the signal a preview's task answers: none (a task from a tier change) or one of the account's recent signals. */
export function SignalPicker({ accountId, value, onChange }: { accountId: string | null; value: string | null; onChange: (id: string | null) => void }) {
  const signals = useRecentSignals(accountId);
  const items = signals.data?.items ?? [];
  const data = signalOptions(items);
  if (value && !data.some((d) => d.value === value)) data.push({ value, label: value });
  return (
    <Select label="Signal" size="sm" data={data} value={value ?? noSignal} allowDeselect={false} disabled={!accountId}
      onChange={(id) => onChange(id && id !== noSignal ? id : null)} searchable
      description={accountId && signals.isSuccess && items.length === 0 ? 'This account has no signals yet' : undefined}
      placeholder={signals.isFetching ? 'Loading signals…' : undefined}
      error={signals.error ? errorMessage(signals.error) : undefined} comboboxProps={{ withinPortal: true }} />
  );
}
