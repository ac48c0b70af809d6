import type { JournalLineView } from '../../api/types';
import { edgeKey, type PlaybookDefinition } from '../model/definition';

export interface PathTaken {
  /** Per node, each time it ran: its order in the journal and when. */
  visits: Map<string, { order: number; at: string }[]>;
  /** Edges followed: a node completed through a port and the next node on that port ran afterwards. */
  edges: Set<string>;
}

/** Reads the path an instance took from its journal, to draw it on the canvas. */
export function pathTaken(d: PlaybookDefinition, journal: JournalLineView[], formatTime: (iso: string) => string): PathTaken {
  const visits = new Map<string, { order: number; at: string }[]>();
  const edges = new Set<string>();
  const ran = journal.filter((l) => l.nodeId && ['Completed', 'Suspended', 'Ended', 'Faulted', 'Failed'].includes(l.event));
  let order = 0;
  const seen = new Set<string>();
  for (const line of ran) {
    const id = line.nodeId!;
    // A node that waits writes a line when it suspends and another when it completes: count the run once.
    if (!(line.event === 'Completed' && seen.has(`${id}#open`))) {
      order += 1;
      visits.set(id, [...(visits.get(id) ?? []), { order, at: formatTime(line.at) }]);
    }
    if (line.event === 'Suspended') seen.add(`${id}#open`); else seen.delete(`${id}#open`);
    if (line.event === 'Completed' && line.port) {
      const index = journal.indexOf(line);
      for (const e of d.edges ?? []) {
        if (e.from === id && e.port === line.port && journal.slice(index + 1).some((l) => l.nodeId === e.to)) edges.add(edgeKey(e));
      }
    }
  }
  return { visits, edges };
}
