import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconEyeOff } from '@tabler/icons-react';

/**
 * The one time a token's clear text is on screen. It lives only in the state of whoever opened this dialog and is
 * dropped when it closes; the server keeps only its SHA-256, so it can never be shown again.
 */
export function TokenShownOnce({ token, owner, onClose }: { token: string; owner: string; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title="Copy the token now" centered size="lg" closeOnClickOutside={false}>
      <Stack gap="md">
        <Alert color="yellow" variant="light" icon={<IconEyeOff size={18} />} title="This is the only time it is shown">
          Store it in the integration's secret store. If it is lost, revoke it and create a new one.
        </Alert>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput label={`API token for ${owner}`} value={token} readOnly style={{ flex: 1 }} styles={{ input: { fontFamily: 'monospace' } }}
            onFocus={(e) => e.currentTarget.select()} data-autofocus />
          <CopyButton value={token}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy to the clipboard'}>
                <Button onClick={copy} color={copied ? 'teal' : 'indigo'} leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}>
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <div>
          <Text size="xs" c="dimmed" mb={4}>Use it as a bearer token:</Text>
          <Code block>{`curl -H "Authorization: Bearer ${token.slice(0, 8)}…" ${globalThis.location?.origin ?? ''}/api/accounts`}</Code>
        </div>
        <Group justify="flex-end">
          <Button onClick={onClose}>I have stored it</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
