import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../api/client';
import { errorMessage } from '../api/problem';

/** Picks a real account by name or id, searching on the server as you type; onChange also gets the account's name. */
export function AccountPicker({ label, value, onChange, size = 'sm' }: {
  label: string; value: string | null; onChange: (id: string | null, name?: string) => void; size?: 'xs' | 'sm';
}) {
  const [search, setSearch] = useState('');
  // The chosen account keeps its name after the search that found it changes.
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const [q] = useDebouncedValue(search, 250);
  const accounts = useQuery({
    queryKey: ['accounts', 'picker', q],
    queryFn: () => call(api.GET('/api/accounts', { params: { query: { q: q || undefined, pageSize: 20 } } })),
    placeholderData: (previous) => previous,
  });
  const items = accounts.data?.items ?? [];
  const data = items.map((a) => ({ value: a.id, label: `${a.name} · ${a.id}` }));
  if (value && !data.some((d) => d.value === value)) data.unshift(chosen?.value === value ? chosen : { value, label: value });
  return (
    <Select label={label} size={size} searchable clearable placeholder="Search accounts by name" data={data} value={value}
      onChange={(id, option) => { setChosen(id && option ? { value: id, label: option.label } : null); onChange(id, items.find((a) => a.id === id)?.name); }} searchValue={search} onSearchChange={setSearch} filter={({ options }) => options}
      nothingFoundMessage={accounts.isFetching ? 'Searching…' : 'No account matches'}
      error={accounts.error ? errorMessage(accounts.error) : undefined} />
  );
}
