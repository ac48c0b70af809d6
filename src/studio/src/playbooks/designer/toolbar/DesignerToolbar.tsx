import { ActionIcon, Badge, Button, Group, Menu, SegmentedControl, Text, Tooltip } from '@mantine/core';
import {
  IconArrowBackUp, IconArrowForwardUp, IconArrowLeft, IconChevronDown, IconClipboard, IconCopy, IconDeviceFloppy, IconDownload, IconFileImport,
  IconLayoutDistributeVertical, IconRocket,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PlaybookDetail } from '../../../api/types';
import { errorMessage } from '../../../api/problem';
import { PlaybookJsonImport } from './PlaybookJsonImport';
import { PublishDialog } from './PublishDialog';
import { download } from './download';
import type { DesignerState } from '../useDesignerState';
import type { Comparison } from '../versions/useComparison';

export type DesignerView = 'edit' | 'outline' | 'live' | 'versions' | 'simulate';

/** The designer's commands: undo/redo, arrange, copy/paste, import/export, save, publish, and the views. */
export function DesignerToolbar({ detail, state, view, onView, readOnly, selectedCount, onArrange, onCopy, onPaste, onSave, compare, onExitCompare }: {
  detail: PlaybookDetail; state: DesignerState; view: DesignerView; onView: (v: DesignerView) => void; readOnly: boolean; selectedCount: number;
  onArrange: (which: 'selected' | 'all') => void; onCopy: () => void; onPaste: () => void; onSave: () => void;
  compare: Comparison; onExitCompare: () => void;
}) {
  const [publishing, setPublishing] = useState(false);
  const [importing, setImporting] = useState(false);
  const { definition } = state;
  return (
    <Group px="md" py={8} justify="space-between" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', background: 'white' }}
      role="toolbar" aria-label="Designer">
      <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
        <Tooltip label="All playbooks">
          <ActionIcon component={Link} to="/playbooks" variant="subtle" color="gray" aria-label="All playbooks"><IconArrowLeft size={18} /></ActionIcon>
        </Tooltip>
        <Text fw={650} truncate component="h1" m={0} size="md" title={definition.name} style={{ minWidth: 60 }}>{definition.name}</Text>
        {detail.publishedVersion != null ? <Badge color="green" variant="light" style={{ flexShrink: 0 }}>live v{detail.publishedVersion}</Badge>
          : <Badge color="gray" variant="light" style={{ flexShrink: 0 }}>draft</Badge>}
        {state.dirty ? <Badge color="yellow" variant="dot" style={{ flexShrink: 0 }}>unsaved</Badge>
          : detail.latestDraft != null && detail.publishedVersion != null ? <Badge color="yellow" variant="light" style={{ flexShrink: 0 }}>draft v{detail.latestDraft}</Badge> : null}
        {state.save.error && <Text size="xs" c="red" role="alert" truncate maw={320}>Not saved: {errorMessage(state.save.error)}</Text>}
      </Group>
      <Group gap={6} wrap="nowrap">
        {compare.active ? (
          <Button size="xs" variant="light" onClick={onExitCompare}>Close the comparison</Button>
        ) : (
          <SegmentedControl size="xs" value={view} onChange={(v) => onView(v as DesignerView)} aria-label="View"
            data={[
              { value: 'edit', label: 'Design' },
              { value: 'outline', label: 'Outline' },
              { value: 'live', label: 'Live', disabled: detail.publishedVersion == null },
              { value: 'simulate', label: 'Try it' },
              { value: 'versions', label: 'Versions' },
            ]} />
        )}
        <Tooltip label="Undo (Ctrl+Z)"><ActionIcon variant="subtle" aria-label="Undo" disabled={readOnly || !state.canUndo} onClick={state.undo}><IconArrowBackUp size={18} /></ActionIcon></Tooltip>
        <Tooltip label="Redo (Ctrl+Shift+Z)"><ActionIcon variant="subtle" aria-label="Redo" disabled={readOnly || !state.canRedo} onClick={state.redo}><IconArrowForwardUp size={18} /></ActionIcon></Tooltip>
        <Menu>
          <Menu.Target>
            <Button size="xs" variant="default" disabled={readOnly} rightSection={<IconChevronDown size={12} />} leftSection={<IconLayoutDistributeVertical size={14} />}>Arrange</Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item disabled={selectedCount === 0} onClick={() => onArrange('selected')}>Arrange the selected steps ({selectedCount})</Menu.Item>
            <Menu.Item onClick={() => onArrange('all')}>Arrange every step (moves what you placed)</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <Menu>
          <Menu.Target>
            <Button size="xs" variant="default" rightSection={<IconChevronDown size={12} />}>More</Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconCopy size={14} />} disabled={selectedCount === 0} onClick={onCopy}>Copy steps (Ctrl+C)</Menu.Item>
            <Menu.Item leftSection={<IconClipboard size={14} />} disabled={readOnly} onClick={onPaste}>Paste steps (Ctrl+V)</Menu.Item>
            <Menu.Divider />
            <Menu.Item leftSection={<IconDownload size={14} />} onClick={() => download(`${definition.id}.json`, JSON.stringify(definition, null, 2))}>Export JSON</Menu.Item>
            <Menu.Item leftSection={<IconFileImport size={14} />} disabled={readOnly} onClick={() => setImporting(true)}>Import JSON…</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <Button size="xs" variant="default" leftSection={<IconDeviceFloppy size={14} />} onClick={onSave} disabled={readOnly || !state.dirty}
          loading={state.save.isPending}>Save draft</Button>
        <Button size="xs" leftSection={<IconRocket size={14} />} onClick={() => setPublishing(true)} disabled={readOnly}>Publish…</Button>
      </Group>
      {publishing && <PublishDialog detail={detail} state={state} onClose={() => setPublishing(false)} />}
      {importing && <PlaybookJsonImport expectedId={definition.id} onImport={(d) => { state.replace(d); setImporting(false); }} onClose={() => setImporting(false)} />}
    </Group>
  );
}
