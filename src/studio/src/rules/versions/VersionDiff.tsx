import { Badge, Group, Modal, NavLink, Select, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconFileCode } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { ErrorState, LoadingState } from '../../common/QueryStates';
import { dateTime } from '../../common/time';
import { type RuleVersion, useRuleVersion } from '../queries';
import { DiffView } from './DiffView';
import { fileChanges } from './fileChanges';

/** The per-file text diff between two versions: by default from the live one to the one picked (what rolling back to
 *  it would change); either side can be any other version. */
export function VersionDiff({ versions, picked, onClose }: { versions: RuleVersion[]; picked: string; onClose: () => void }) {
  const live = versions.find((v) => v.status === 'Active')?.id;
  const previous = versions.find((v) => v.id !== picked && v.status !== 'Rejected')?.id;
  const [from, setFrom] = useState<string | null>(live && live !== picked ? live : previous ?? null);
  const [to, setTo] = useState<string>(picked);
  const options = versions.map((v) => ({ value: v.id, label: `${v.id.slice(0, 10)} · ${v.status.toLowerCase()}${v.status === 'Active' ? ' (live)' : ''} · ${dateTime(v.createdAt)}` }));
  const fromVersion = useRuleVersion(from);
  const toVersion = useRuleVersion(to);
  const changes = useMemo(() => (fromVersion.data && toVersion.data ? fileChanges(fromVersion.data.files, toVersion.data.files) : []),
    [fromVersion.data, toVersion.data]);
  const [file, setFile] = useState<string | null>(null);
  const shown = changes.find((c) => c.name === file) ?? changes[0];
  const pending = fromVersion.isPending || toVersion.isPending;
  const error = fromVersion.error ?? toVersion.error;

  return (
    <Modal opened onClose={onClose} size="min(1280px, 96vw)" title={<Text fw={700}>Compare rule versions</Text>}>
      <Stack gap="sm">
        <Group align="flex-end" gap="sm">
          <Select label="From" data={options} value={from} onChange={setFrom} allowDeselect={false} w={360} searchable />
          <IconArrowRight size={18} style={{ marginBottom: 8 }} />
          <Select label="To" data={options} value={to} onChange={(v) => v && setTo(v)} allowDeselect={false} w={360} searchable />
        </Group>
        {!from ? <Text size="sm" c="dimmed">There is no other version to compare with.</Text>
          : error ? <ErrorState error={error} title="Could not load a version" />
          : pending ? <LoadingState label="Loading both versions" />
          : (
            <Group align="flex-start" gap="sm" wrap="nowrap">
              <Stack gap={2} w={240} component="nav" aria-label="Changed files">
                {changes.map((c) => (
                  <NavLink key={c.name} label={c.name} active={c.name === shown?.name} onClick={() => setFile(c.name)} leftSection={<IconFileCode size={14} />}
                    style={{ borderRadius: 6 }} rightSection={c.status === 'same' ? <Text size="xs" c="dimmed">same</Text> : (
                      <Group gap={4} wrap="nowrap">
                        {c.status !== 'changed' && <Badge size="xs" variant="light" color={c.status === 'added' ? 'teal' : 'red'}>{c.status}</Badge>}
                        {c.added > 0 && <Text size="xs" c="teal.8" fw={600}>+{c.added}</Text>}
                        {c.removed > 0 && <Text size="xs" c="red.8" fw={600}>−{c.removed}</Text>}
                      </Group>
                    )} />
                ))}
              </Stack>
              <Stack gap={4} style={{ flex: 1, minWidth: 0 }} component="section" aria-label={`Diff of ${shown?.name ?? 'no file'}`}>
                {shown && (
                  <>
                    <Group justify="space-between">
                      <Text size="xs" c="dimmed" ff="monospace">{from.slice(0, 12)} · {fromVersion.data?.author}</Text>
                      <Text size="xs" c="dimmed" ff="monospace">{to.slice(0, 12)} · {toVersion.data?.author}</Text>
                    </Group>
                    {shown.status === 'same' ? <Text size="sm" c="dimmed" py="md">{shown.name} is the same in both versions.</Text>
                      : <DiffView key={`${from}-${to}-${shown.name}`} before={shown.before} after={shown.after} label={shown.name} />}
                  </>
                )}
              </Stack>
            </Group>
          )}
      </Stack>
    </Modal>
  );
}
