import { Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { AccountExplanation } from '../../accounts/explain/AccountExplanation';
import { AccountPicker } from '../../accounts/AccountPicker';
import { EmptyState } from '../../common/QueryStates';
import { useDebouncedDraft } from '../draft/ruleDraft';

/** "Explain an account" on the rules page: pick an account and see every rule's verdict and what would change its
 *  tier, on the draft in the editor while it differs from the live file. The account stays in the URL (?explain=id). */
export function ExplainPanel({ name }: { name: string | undefined }) {
  const [params, setParams] = useSearchParams();
  const accountId = params.get('explain');
  const draft = useDebouncedDraft(name);
  const [onDraft, setOnDraft] = useState(true);

  return (
    <Stack gap="sm" component="section" aria-label="Explain an account">
      <div>
        <Text fw={650}>Explain an account</Text>
        <Text size="xs" c="dimmed">Every rule's verdict for one account, the values it read, its evidence, and what would change its tier.</Text>
      </div>
      <AccountPicker label="Account" value={accountId} onChange={(id) => setParams((current) => {
        const next = new URLSearchParams(current);
        if (id) next.set('explain', id); else next.delete('explain');
        return next;
      }, { replace: true })} />
      {draft && (
        <Switch size="sm" checked={onDraft} onChange={(event) => setOnDraft(event.currentTarget.checked)}
          label={`On the draft of ${draft.name}.json (unpublished)`} />
      )}
      {accountId
        ? <AccountExplanation key={accountId} accountId={accountId} draft={draft && onDraft ? draft : null} />
        : <EmptyState title="Pick an account">See why it has its tier, rule by rule, and what one more signal would do.</EmptyState>}
    </Stack>
  );
}
