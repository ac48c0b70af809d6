import {
  Background, type Connection, Controls, MiniMap, type NodeChange, ReactFlow, applyNodeChanges, useReactFlow,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import { type DragEvent, useCallback, useEffect, useState } from 'react';
import type { Position } from '../../model/definition';
import { ActivityNode } from './ActivityNode';
import type { ActivityFlowNode, PortEdge } from './nodeData';

export const paletteMime = 'application/x-accountplaybooks-activity';
const nodeTypes = { activity: ActivityNode };

export interface FlowCanvasProps {
  nodes: ActivityFlowNode[];
  edges: PortEdge[];
  readOnly: boolean;
  onMove?: (positions: Map<string, Position>) => void;
  onConnect?: (from: string, port: string, to: string) => void;
  onDelete?: (nodeIds: string[], edgeIds: string[]) => void;
  onDropActivity?: (type: string, at: Position) => void;
  onSelect?: (nodeIds: string[]) => void;
  /** Whether a connection may be made; invalid ones do not snap. */
  canConnect?: (from: string, port: string, to: string) => boolean;
  /** Selects these nodes (a click in the problems list, a pasted group); a new object each time it is asked. */
  select?: { ids: string[] };
}

/** The React Flow canvas. It draws what it is given and reports intents; the definition lives in the designer. */
export function FlowCanvas({ nodes: given, edges, readOnly, onMove, onConnect, onDelete, onDropActivity, onSelect, canConnect, select }: FlowCanvasProps) {
  const flow = useReactFlow();
  // React Flow owns selection and measured sizes; positions move locally while dragging (smooth at 150 nodes) and
  // the definition changes once, when the drag ends. A new definition keeps what React Flow knows of each node.
  const [nodes, setNodes] = useState(given);
  useEffect(() => setNodes((current) => {
    const known = new Map(current.map((n) => [n.id, n]));
    return given.map((n) => { const was = known.get(n.id); return was ? { ...n, selected: was.selected, measured: was.measured } : n; });
  }), [given]);
  useEffect(() => {
    if (select) setNodes((current) => current.map((n) => (!!n.selected === select.ids.includes(n.id) ? n : { ...n, selected: !n.selected })));
  }, [select]);

  const onNodesChange = useCallback((changes: NodeChange<ActivityFlowNode>[]) => {
    setNodes((current) => applyNodeChanges(changes.filter((c) => c.type !== 'remove'), current));
    // A drag's last change, or an arrow-key nudge, is where the node now stays.
    const settled = changes.flatMap((c) => (c.type === 'position' && c.dragging === false && c.position ? [[c.id, c.position] as const] : []));
    if (settled.length > 0) onMove?.(new Map(settled));
  }, [onMove]);

  const isValidConnection = useCallback((c: Connection | PortEdge) =>
    !!c.source && !!c.target && !!c.sourceHandle && (canConnect?.(c.source, c.sourceHandle, c.target) ?? true), [canConnect]);

  const handleDrop = (event: DragEvent) => {
    const type = event.dataTransfer.getData(paletteMime);
    if (!type || readOnly) return;
    event.preventDefault();
    onDropActivity?.(type, flow.screenToFlowPosition({ x: event.clientX - 125, y: event.clientY - 30 }));
  };

  return (
    <ReactFlow<ActivityFlowNode, PortEdge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onConnect={(c) => c.sourceHandle && onConnect?.(c.source, c.sourceHandle, c.target)}
      onDelete={({ nodes: n, edges: e }) => onDelete?.(n.map((x) => x.id), e.map((x) => x.id))}
      onSelectionChange={({ nodes: selected }: OnSelectionChangeParams<ActivityFlowNode, PortEdge>) => onSelect?.(selected.map((n) => n.id))}
      isValidConnection={isValidConnection}
      onDragOver={(event) => { if (event.dataTransfer.types.includes(paletteMime)) { event.preventDefault(); event.dataTransfer.dropEffect = 'move'; } }}
      onDrop={handleDrop}
      nodesDraggable={!readOnly}
      nodesConnectable={!readOnly}
      deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
      multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
      selectionOnDrag={false}
      connectionRadius={28}
      onInit={(instance) => {
        // A long playbook opens at its beginning, readable, rather than shrunk to fit: show what lies within
        // ~1,600 px of the leftmost step (the rest is a scroll or the minimap away).
        const left = Math.min(...nodes.map((n) => n.position.x));
        void instance.fitView({ nodes: nodes.filter((n) => n.position.x < left + 1600), padding: 0.1, maxZoom: 1 });
      }}
      minZoom={0.1}
      ariaLabelConfig={{ 'node.a11yDescription.default': 'Press Enter or Space to select the node; Delete removes it; arrow keys move it.' }}
    >
      <Background gap={20} size={1.2} color="var(--mantine-color-gray-3)" />
      <Controls showInteractive={false} aria-label="Zoom controls" />
      <MiniMap pannable zoomable style={{ width: 160, height: 110 }} ariaLabel="Overview of the playbook" nodeColor={(n: ActivityFlowNode) => (n.data.problems.length ? '#fa5252' : '#748ffc')} />
    </ReactFlow>
  );
}
