import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconPin } from '@tabler/icons-react';
import { useState } from 'react';
import { AccountPicker } from '../../accounts/AccountPicker';
import { ApiError, errorMessage } from '../../api/problem';
import { suggestedFileName } from './goldenRows';
import { type PinnedCase, usePinAccount } from './queries';

/** "Pin this account": a real account's facts and signals now, with what the live rules give, become a new golden case
 *  file. An existing file is only replaced after the person says so. */
export function PinAccountDialog({ opened, onClose, onPinned }: { opened: boolean; onClose: () => void; onPinned: (pinned: PinnedCase) => void }) {
  const [accountId, setAccountId] = useState<string | null>(null);
  const [accountName, setAccountName] = useState('');
  const [file, setFile] = useState('');
  const [fileEdited, setFileEdited] = useState(false);
  const [name, setName] = useState('');
  const pin = usePinAccount();
  const exists = pin.error instanceof ApiError && pin.error.status === 409;

  const reset = () => {
    setAccountId(null); setAccountName(''); setFile(''); setFileEdited(false); setName(''); pin.reset();
  };
  const submit = (overwrite: boolean) => {
    if (!accountId) return;
    pin.mutate({ accountId, file: file.trim(), name: name.trim() || null, overwrite }, {
      onSuccess: (pinned) => { onPinned(pinned); reset(); onClose(); },
    });
  };

  return (
    <Modal opened={opened} onClose={() => { reset(); onClose(); }} title="Pin an account as a golden case" size="md">
      <form onSubmit={(event) => { event.preventDefault(); submit(false); }}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            The account's facts and signals as they are now, and what the live rules give for them, become a new case in
            {' '}<Text span ff="monospace" size="sm">rules/tests/</Text>. From then on a publish that changes its result is refused.
          </Text>
          <AccountPicker label="Account" value={accountId} onChange={(id, accountLabel) => {
            setAccountId(id); setAccountName(accountLabel ?? ''); pin.reset();
            if (!fileEdited) setFile(id ? suggestedFileName(accountLabel ?? id) : '');
          }} />
          <TextInput label="File name" required value={file} onChange={(event) => { setFile(event.currentTarget.value); setFileEdited(true); pin.reset(); }}
            leftSection={<Text size="xs" c="dimmed" ff="monospace">tests/</Text>} leftSectionWidth={56}
            rightSection={<Text size="xs" c="dimmed" ff="monospace">.json</Text>} rightSectionWidth={44}
            description="Letters, digits, '-' and '_'" error={pin.error instanceof ApiError ? pin.error.problem.errors?.file?.[0] : undefined} />
          <TextInput label="Case name" value={name} onChange={(event) => setName(event.currentTarget.value)} maxLength={200}
            placeholder={accountName ? `${accountName} (${accountId}) is <its tier now>` : 'What this case guards'}
            description="Optional: what this case should keep true, e.g. “Acme stays Tier 1 while it keeps replying”" />
          {exists && (
            <Alert color="yellow" title={`tests/${file.trim().replace(/\.json$/, '')}.json already exists`} role="alert">
              <Group gap="xs">
                <Text size="sm">Replace it with this account, or choose another name.</Text>
                <Button size="xs" color="yellow" variant="light" onClick={() => submit(true)} loading={pin.isPending}>Replace it</Button>
              </Group>
            </Alert>
          )}
          {pin.error && !exists && !(pin.error instanceof ApiError && pin.error.problem.errors?.file) && (
            <Alert color="red" title="Not pinned" role="alert">{errorMessage(pin.error)}</Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => { reset(); onClose(); }}>Cancel</Button>
            <Button type="submit" leftSection={<IconPin size={16} />} disabled={!accountId || !file.trim()} loading={pin.isPending && !exists}>Pin account</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
