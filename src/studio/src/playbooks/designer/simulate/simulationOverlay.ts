import type { components } from '../../../api/schema';

export type SimulationResult = components['schemas']['SimulationResult'];
export type ScriptEntry = components['schemas']['ScriptEntry'];

/** Where a simulated run went, for the canvas: each node's visits in order with their business time, and the edges taken. */
export function simulationOverlay(result: SimulationResult): { visits: Map<string, { order: number; at: string }[]>; edges: Set<string> } {
  const visits = new Map<string, { order: number; at: string }[]>();
  let order = 0;
  for (const step of result.steps) {
    if (!step.nodeId || !['entered', 'waiting', 'completed', 'ended'].includes(step.event)) continue;
    const seen = visits.get(step.nodeId) ?? [];
    // A waiting step that then completes is one visit; show it once, at its first business time.
    if (step.event === 'completed' && seen.length && result.steps.some((s) => s.nodeId === step.nodeId && s.event === 'waiting' && s.at <= step.at)) continue;
    order += 1;
    visits.set(step.nodeId, [...seen, { order, at: step.businessTime }]);
  }
  return { visits, edges: new Set(result.path.map((e) => `${e.from}:${e.port}->${e.to}`)) };
}
