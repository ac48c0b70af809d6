import { Box, Button, Group, Modal, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ActivityDescriptor, PlaybookDetail } from '../../api/types';
import { errorMessage } from '../../api/problem';
import { copyFragment, pasteFragment } from '../model/clipboard';
import type { PlaybookDefinition, Position } from '../model/definition';
import { positionOf } from '../model/definition';
import { mayConnect } from '../model/connections';
import { addNode, connect, freeSpot, moveNodes, removeEdges, removeNodes, renameNode, setInput } from '../model/edits';
import { elk } from '../model/elk';
import { layoutNodes } from '../model/layout';
import { portsOf } from '../model/ports';
import { ConnectDialog } from './canvas/ConnectDialog';
import { FlowCanvas } from './canvas/FlowCanvas';
import { descriptorMap, type Overlays, toFlowEdges, toFlowNodes } from './canvas/toFlow';
import { NodeInspector } from './inspector/NodeInspector';
import type { Vocabulary } from './inspector/InputField';
import { LiveDrawer } from './live/LiveDrawer';
import { LiveSummary } from './live/LiveSummary';
import { useLiveCounts } from './live/useLiveCounts';
import { OutlineView } from './outline/OutlineView';
import { ProblemsPanel } from './problems/ProblemsPanel';
import { Palette } from './palette/Palette';
import { PlaybookSettings } from './settings/PlaybookSettings';
import { readClipboard, writeClipboard } from './toolbar/clipboard';
import { DesignerToolbar, type DesignerView } from './toolbar/DesignerToolbar';
import { useLeaveGuard } from './toolbar/useLeaveGuard';
import { useDesignerState } from './useDesignerState';
import { SimulatorPanel } from './simulate/SimulatorPanel';
import { simulationOverlay, type SimulationResult } from './simulate/simulationOverlay';
import { VersionsPanel } from './versions/VersionsPanel';
import { useComparison } from './versions/useComparison';
import classes from './Designer.module.css';

export interface DesignerProps {
  detail: PlaybookDetail;
  activities: ActivityDescriptor[];
  vocabulary: Vocabulary;
  view: DesignerView;
  onView: (view: DesignerView) => void;
  compare: [number, number] | null;
  onCompare: (versions: [number, number] | null) => void;
  /** A step to select and bring into view once the canvas has measured its nodes (?node=). */
  focus?: string;
}

/** The playbook designer: palette, canvas, inspector and problems around one definition being edited. */
export function Designer({ detail, activities, vocabulary, view, onView, compare, onCompare, focus }: DesignerProps) {
  const flow = useReactFlow();
  const descriptors = useMemo(() => descriptorMap(activities), [activities]);
  const state = useDesignerState(detail.definition, descriptors);
  const { definition, apply, problems } = state;
  // What React Flow reports as selected; the designer asks it to select through `selectRequest`.
  const [selected, setSelectedState] = useState<string[]>([]);
  const onSelect = useCallback((ids: string[]) =>
    setSelectedState((current) => (current.length === ids.length && current.every((id, i) => id === ids[i]) ? current : ids)), []);
  const [selectRequest, setSelectRequest] = useState<{ ids: string[] }>();
  const setSelected = useCallback((ids: string[]) => { setSelectRequest({ ids }); onSelect(ids); }, [onSelect]);
  const [connecting, setConnecting] = useState<{ from: string; port: string } | null>(null);
  const [liveNode, setLiveNode] = useState<string | null>(null);
  const [simulation, setSimulation] = useState<SimulationResult | null>(null);
  const blocker = useLeaveGuard(state.dirty);
  const live = useLiveCounts(detail.id, view === 'live');
  const comparison = useComparison(detail.id, compare);
  const readOnly = view === 'live' || comparison.active;

  const shown: PlaybookDefinition = comparison.union ?? definition;
  const overlays: Overlays = useMemo(() => {
    const simulated = view === 'simulate' && simulation ? simulationOverlay(simulation) : null;
    return {
      live: view === 'live' ? live.data : undefined,
      diff: comparison.diff ?? undefined,
      simulated: simulated?.visits,
      takenEdges: simulated?.edges,
    };
  }, [view, live.data, comparison.diff, simulation]);

  // Node data is rebuilt only when the definition or an overlay changes.
  const nodes = useMemo(() => toFlowNodes(shown, descriptors, comparison.active ? [] : problems, overlays, readOnly)
    .map((n) => ({ ...n, data: { ...n.data, onConnectPort: readOnly ? undefined : (port: string) => setConnecting({ from: n.id, port }),
      onOpenLive: () => setLiveNode(n.id) } })), [shown, descriptors, problems, overlays, readOnly, comparison.active]);
  const edges = useMemo(() => toFlowEdges(shown, overlays, readOnly), [shown, overlays, readOnly]);

  const focusNode = useCallback((id: string) => {
    if (view === 'outline') onView('edit');
    setSelected([id]);
    requestAnimationFrame(() => void flow.fitView({ nodes: [{ id }], duration: 300, maxZoom: 1.1 }));
  }, [flow, onView, view]);

  const nodesMeasured = useNodesInitialized();
  const focused = useRef(false);
  useEffect(() => {
    if (!focus || focused.current || !nodesMeasured || !definition.nodes?.some((n) => n.id === focus)) return;
    focused.current = true;
    focusNode(focus);
  }, [focus, nodesMeasured, definition.nodes, focusNode]);

  const canConnect = useCallback((from: string, port: string, to: string) => mayConnect(definition, descriptors, { from, port, to }),
    [definition, descriptors]);

  const doConnect = useCallback((from: string, port: string, to: string) => {
    const source = definition.nodes?.find((n) => n.id === from);
    apply((d) => connect(d, { from, port, to }, source?.type === 'Fork'));
  }, [apply, definition.nodes]);

  /** Adds a step; next to the selected step (wired to its first open port) when there is one, else mid-canvas. */
  const add = useCallback((type: string, at?: Position) => {
    const anchor = selected.length === 1 ? definition.nodes?.find((n) => n.id === selected[0]) : undefined;
    const openPort = anchor ? portsOf(descriptors.get(anchor.type), anchor).find((p) => !definition.edges?.some((e) => e.from === anchor.id && e.port === p)) : undefined;
    const place = at ?? freeSpot(definition, anchor && positionOf(anchor) ? { x: positionOf(anchor)!.x + 320, y: positionOf(anchor)!.y }
      : flow.screenToFlowPosition({ x: window.innerWidth / 2, y: window.innerHeight / 2 }));
    const defaults = Object.fromEntries((descriptors.get(type)?.inputs ?? []).filter((i) => i.required && i.options.length === 1).map((i) => [i.name, i.options[0]]));
    let created = '';
    apply((d) => {
      const [next, id] = addNode(d, type, place, defaults);
      created = id;
      return !at && anchor && openPort ? connect(next, { from: anchor.id, port: openPort, to: id }, anchor.type === 'Fork') : next;
    });
    requestAnimationFrame(() => setSelected([created]));
  }, [apply, definition, descriptors, flow, selected]);

  const arrange = useCallback(async (which: 'selected' | 'all') => {
    const move = new Set(which === 'all' ? (definition.nodes ?? []).map((n) => n.id) : selected);
    if (move.size === 0) return;
    try {
      const positions = await layoutNodes(elk, {
        definition, move,
        ports: (id) => { const n = definition.nodes?.find((x) => x.id === id); return n ? portsOf(descriptors.get(n.type), n) : []; },
        sizes: (id) => { const m = flow.getInternalNode(id)?.measured; return { width: m?.width ?? 250, height: m?.height ?? 110 }; },
      });
      apply((d) => moveNodes(d, positions));
      if (which === 'all') requestAnimationFrame(() => void flow.fitView({ padding: 0.15, maxZoom: 1 }));
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not arrange the steps', message: errorMessage(error) });
    }
  }, [apply, definition, descriptors, flow, selected]);

  const copy = useCallback(async () => {
    if (selected.length === 0) return;
    await writeClipboard(copyFragment(definition, new Set(selected)));
    notifications.show({ message: `Copied ${selected.length} step${selected.length > 1 ? 's' : ''}`, autoClose: 1500 });
  }, [definition, selected]);
  const paste = useCallback(async () => {
    const fragment = await readClipboard();
    if (!fragment || fragment.nodes.length === 0) return;
    let ids: string[] = [];
    apply((d) => { const [next, pasted] = pasteFragment(d, fragment); ids = pasted; return next; });
    requestAnimationFrame(() => setSelected(ids));
  }, [apply]);
  const save = useCallback(() => {
    if (!readOnly && state.dirty) state.save.mutate(definition);
  }, [definition, readOnly, state]);

  useHotkeys([
    ['mod+z', () => !readOnly && state.undo()],
    ['mod+shift+z', () => !readOnly && state.redo()],
    ['mod+y', () => !readOnly && state.redo()],
    ['mod+c', () => void copy()],
    ['mod+v', () => !readOnly && void paste()],
    ['mod+s', save],
  ]);

  const one = selected.length === 1 ? definition.nodes?.find((n) => n.id === selected[0]) : undefined;

  return (
    <Box className={classes.designer}>
      <DesignerToolbar detail={detail} state={state} view={view} onView={onView} readOnly={readOnly} selectedCount={selected.length}
        onArrange={(w) => void arrange(w)} onCopy={() => void copy()} onPaste={() => void paste()} onSave={save}
        compare={comparison} onExitCompare={() => onCompare(null)} />
      <div className={classes.body} data-palette={view !== 'outline' && !readOnly ? true : undefined}>
        {view !== 'outline' && !readOnly && (
          <aside className={classes.palette}><Palette activities={activities} onAdd={(t) => add(t)} disabled={readOnly} /></aside>
        )}
        <main className={classes.canvas} aria-label="Playbook canvas">
          {view === 'outline' ? (
            <OutlineView definition={definition} descriptors={descriptors} problems={problems} onSelect={(id) => { setSelected([id]); }} />
          ) : (
            <FlowCanvas nodes={nodes} edges={edges} readOnly={readOnly} canConnect={canConnect}
              onConnect={doConnect}
              onMove={(positions) => apply((d) => moveNodes(d, positions), `move:${[...positions.keys()].join(',')}`)}
              onDelete={(nodeIds, edgeIds) => apply((d) => removeEdges(removeNodes(d, new Set(nodeIds)), new Set(edgeIds)))}
              onDropActivity={(type, at) => add(type, at)}
              onSelect={onSelect} select={selectRequest} />
          )}
        </main>
        <aside className={classes.inspector} aria-label="Inspector">
          {view === 'versions' || comparison.active ? (
            <VersionsPanel id={detail.id} current={definition} compare={compare} onCompare={onCompare} comparison={comparison}
              onRestore={(restored) => { state.replace({ ...restored, id: detail.id }); onCompare(null); onView('edit'); }} />
          ) : view === 'live' ? (
            <LiveSummary version={detail.publishedVersion} counts={live} onOpenNode={setLiveNode} />
          ) : view === 'simulate' ? (
            <SimulatorPanel definition={definition} descriptors={descriptors} signalTypes={vocabulary.signalTypes} tiers={vocabulary.tiers}
              result={simulation} onResult={setSimulation} />
          ) : one ? (
            <NodeInspector key={one.id} node={one} descriptor={descriptors.get(one.type)} definition={definition} vocabulary={vocabulary}
              problems={problems.filter((p) => p.nodeId === one.id)}
              edits={{
                setInput: (name, value) => apply((d) => setInput(d, one.id, name, value), `input:${one.id}:${name}`),
                rename: (to) => { apply((d) => renameNode(d, one.id, to)); setSelected([to]); },
                connect: (port, to) => apply((d) => (to ? connect(d, { from: one.id, port, to }, one.type === 'Fork')
                  : { ...d, edges: (d.edges ?? []).filter((e) => !(e.from === one.id && e.port === port)) })),
                remove: () => { apply((d) => removeNodes(d, new Set([one.id]))); setSelected([]); },
              }} />
          ) : selected.length > 1 ? (
            <SelectionSummary count={selected.length} onArrange={() => void arrange('selected')} onCopy={() => void copy()}
              onDelete={() => { apply((d) => removeNodes(d, new Set(selected.filter((id) => definition.nodes?.find((n) => n.id === id)?.type !== 'Start')))); setSelected([]); }} />
          ) : (
            <PlaybookSettings definition={definition} vocabulary={vocabulary} apply={apply} />
          )}
        </aside>
      </div>
      {!readOnly && (
        <footer className={classes.problems}>
          <ProblemsPanel problems={problems} validating={state.validating} error={state.validationError} onFocusNode={focusNode} />
        </footer>
      )}
      {connecting && (
        <ConnectDialog definition={definition} from={connecting.from} port={connecting.port}
          onConnect={(to) => doConnect(connecting.from, connecting.port, to)} onClose={() => setConnecting(null)} />
      )}
      {liveNode && <LiveDrawer playbookId={detail.id} nodeId={liveNode} onClose={() => setLiveNode(null)} />}
      <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title="Leave without saving?">
        <Text size="sm">This playbook has changes that are not saved as a draft. They will be lost.</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => blocker.reset?.()}>Stay</Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>Leave and lose the changes</Button>
        </Group>
      </Modal>
    </Box>
  );
}

function SelectionSummary({ count, onArrange, onCopy, onDelete }: { count: number; onArrange: () => void; onCopy: () => void; onDelete: () => void }) {
  return (
    <Box>
      <Text fw={650}>{count} steps selected</Text>
      <Text size="xs" c="dimmed" mb="sm">Drag to move them together; Ctrl+C copies them, Delete removes them.</Text>
      <Group gap="xs">
        <Button size="xs" variant="light" onClick={onArrange}>Arrange these</Button>
        <Button size="xs" variant="light" onClick={onCopy}>Copy</Button>
        <Button size="xs" variant="light" color="red" onClick={onDelete}>Delete</Button>
      </Group>
    </Box>
  );
}
