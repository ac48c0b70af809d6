import { type Diagnostic, linter, lintGutter } from '@codemirror/lint';
import { Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { Alert, Badge, Box, Button, Group, Paper, Stack, Tabs, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconBraces, IconDeviceFloppy, IconEye, IconLock, IconSitemap } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import CodeMirror, { type ReactCodeMirrorRef } from '@uiw/react-codemirror';
import { type ReactNode, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { api, asText, call } from '../api/client';
import { errorMessage, refusedProblems } from '../api/problem';
import { FieldPanel } from './fields/FieldPanel';
import { insertion } from './fields/fieldInsert';
import type { TemplateField } from './fields/fieldSearch';
import { LiveVersion } from './LiveVersion';
import { PreviewPanel, type PreviewMode } from './preview/PreviewPanel';
import { type PreviewTarget, useTemplatePreview } from './preview/useTemplatePreview';
import { templateKeys, type TemplateSummary } from './queries';
import { scriban } from './scribanMode';
import { type TemplateProblem, templateMarker } from './templateProblems';
import { UsagePanel } from './usages/UsagePanel';

export interface TemplateEditorProps {
  name: string;
  /** The file's text in the templates folder. */
  stored: string;
  summary: TemplateSummary | undefined;
  target: PreviewTarget;
  onTarget: (target: PreviewTarget) => void;
  readOnly: boolean;
  linkToDesigner: boolean;
}

/** One template in CodeMirror beside its preview, the model's fields and the playbook steps that use it. The text is
 *  rendered by the server for a real account and signal as you type (nothing saved), problems are marked at their
 *  line and column, and a save is refused with the reasons while the live version keeps rendering. */
export function TemplateEditor({ name, stored, summary, target, onTarget, readOnly, linkToDesigner }: TemplateEditorProps) {
  const queryClient = useQueryClient();
  const editor = useRef<ReactCodeMirrorRef>(null);
  const [text, setText] = useState(stored);
  const [mode, setMode] = useState<PreviewMode>('draft');
  // While the text is the live version's, the preview renders that; the editor's own text once it differs (or when
  // the file in the folder has problems, so that they are marked).
  const unchanged = text === stored && (summary?.problems.length ?? 0) === 0;
  const draft = useTemplatePreview(name, target, unchanged ? null : text);
  const live = useTemplatePreview(name, target, null, !unchanged && mode === 'live');

  const save = useMutation({
    mutationFn: (saved: string) => call(api.PUT('/api/templates/{name}', { params: { path: { name } }, body: saved, ...asText })),
    onSuccess: (_, saved) => {
      queryClient.setQueryData(templateKeys.file(name), saved);
      void queryClient.invalidateQueries({ queryKey: templateKeys.list, exact: true });
      void queryClient.invalidateQueries({ queryKey: templateKeys.preview(name) });
      notifications.show({ color: 'green', title: `${name}.sbn is live`, message: 'Tasks created from now on render with it.' });
    },
  });
  const refused = useMemo(() => { try { return save.error ? refusedProblems<TemplateProblem>(save.error) : []; } catch { return []; } }, [save.error]);
  const dirty = text !== stored;
  const canSave = !readOnly && dirty && !save.isPending;
  const saveNow = useCallback(() => { if (canSave) save.mutate(text); return true; }, [canSave, save, text]);
  // Ctrl+S calls the newest saveNow without rebuilding the editor's extensions on every keystroke.
  const saveKey = useRef(saveNow);
  useLayoutEffect(() => { saveKey.current = saveNow; }, [saveNow]);

  // The markers: the preview's problems while they are for the text as it is, and a refused save's until the next edit.
  const marked = useMemo(() => [...(draft.current ? draft.data?.problems ?? [] : []), ...refused], [draft.current, draft.data, refused]);
  const extensions = useMemo(() => [
    scriban, lintGutter(), EditorView.lineWrapping, EditorView.contentAttributes.of({ 'aria-label': `${name}.sbn` }),
    linter((view) => marked.map((p): Diagnostic => ({ ...templateMarker(view.state.doc.toString(), p), severity: 'error', message: p.message })), { delay: 0 }),
    Prec.high(keymap.of([{ key: 'Mod-s', run: () => saveKey.current(), preventDefault: true }])),
  ], [name, marked]);

  const insertField = (field: TemplateField) => {
    const view = editor.current?.view;
    if (!view) return;
    const { from, to } = view.state.selection.main;
    const change = insertion(view.state.doc.toString(), from, to, field);
    view.dispatch({ changes: { from: change.from, to: change.to, insert: change.insert }, selection: { anchor: change.cursor }, scrollIntoView: true });
    view.focus();
  };
  const goTo = (problem: TemplateProblem) => {
    const view = editor.current?.view;
    if (!view || problem.line == null) return;
    const { from } = templateMarker(view.state.doc.toString(), problem);
    view.dispatch({ selection: { anchor: from }, scrollIntoView: true });
    view.focus();
  };

  return (
    <Stack gap="sm" h="100%">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Text fw={650} ff="monospace" size="lg">{name}.sbn</Text>
          {readOnly && <Badge color="gray" variant="light" leftSection={<IconLock size={12} />}>read only</Badge>}
          {dirty && <Badge color="yellow" variant="dot">not saved</Badge>}
          <LiveVersion summary={summary} />
        </Group>
        {!readOnly && (
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" variant="default" leftSection={<IconArrowBackUp size={14} />} disabled={!dirty}
              onClick={() => { setText(stored); save.reset(); }}>Discard changes</Button>
            <Tooltip label="Checks the text with a trial render, then makes it live (Ctrl+S)">
              <Button size="xs" leftSection={<IconDeviceFloppy size={14} />} disabled={!dirty} loading={save.isPending} onClick={() => save.mutate(text)}>Save</Button>
            </Tooltip>
          </Group>
        )}
      </Group>
      {save.error && (
        <Alert color="red" role="alert" title={`Not saved: ${summary?.hash ? `the live version ${summary.hash.slice(0, 12)} stays` : 'there is no live version yet'}`}>
          {refused.length ? refused.map((p, i) => <Text key={i} size="xs" ff="monospace">{p.text}</Text>) : <Text size="sm">{errorMessage(save.error)}</Text>}
        </Alert>
      )}
      <Group align="stretch" gap="md" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <CodeMirror ref={editor} value={text} readOnly={readOnly} extensions={extensions} height="100%"
            onChange={(t) => { setText(t); if (save.error) save.reset(); }}
            style={{ flex: 1, minHeight: 0, overflow: 'auto', fontSize: 13, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }} />
          <Text size="xs" c="dimmed">
            {readOnly ? 'Read only: ops and admins edit templates. ' : ''}The first line that is not empty is the task's title, the rest its body
            (Markdown). Fields: the Fields tab; the language: docs/templates.md.
          </Text>
        </Stack>
        <Paper withBorder radius="md" p="sm" w={460} style={{ display: 'flex', flexDirection: 'column', minHeight: 0, flexShrink: 0 }}>
          <Tabs defaultValue="preview" keepMounted style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
            <Tabs.List mb="sm">
              <Tabs.Tab value="preview" leftSection={<IconEye size={14} />}>Preview</Tabs.Tab>
              <Tabs.Tab value="fields" leftSection={<IconBraces size={14} />}>Fields</Tabs.Tab>
              <Tabs.Tab value="usages" leftSection={<IconSitemap size={14} />}
                rightSection={summary ? <Badge size="xs" variant="light" color={summary.uses ? 'indigo' : 'gray'}>{summary.uses}</Badge> : undefined}>Used by</Tabs.Tab>
            </Tabs.List>
            <Pane value="preview" label="Preview">
              <PreviewPanel target={target} onTarget={onTarget} mode={unchanged ? null : mode} onMode={setMode}
                result={unchanged || mode === 'draft' ? draft : live} onGoTo={goTo} />
            </Pane>
            <Pane value="fields" label="Fields"><FieldPanel onInsert={readOnly ? undefined : insertField} /></Pane>
            <Pane value="usages" label="Used by"><UsagePanel name={name} linkToDesigner={linkToDesigner} /></Pane>
          </Tabs>
        </Paper>
      </Group>
    </Stack>
  );
}

/** A tab's panel, also a named region (Mantine gives the panel the role tabpanel). */
function Pane({ value, label, children }: { value: string; label: string; children: ReactNode }) {
  return (
    <Tabs.Panel value={value} style={{ flex: 1, minHeight: 0 }}>
      <Box component="section" aria-label={label} h="100%">{children}</Box>
    </Tabs.Panel>
  );
}
