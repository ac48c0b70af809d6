/**
 * Which rows of the team table are selected, as a pure reducer. Rows are task ids, so a refetch that reorders rows
 * keeps the selection; `prune` drops rows that are no longer listed (worked, moved, filtered out). A shift-toggle
 * selects the range from the last toggled row (the anchor), as in a mail client.
 */
export interface Selection {
  ids: string[];
  anchor: string | null;
}

export type SelectionAction =
  | { type: 'toggle'; id: string; range?: boolean; visible: string[] }
  | { type: 'all'; visible: string[] }
  | { type: 'clear' }
  | { type: 'prune'; visible: string[] };

export const noSelection: Selection = { ids: [], anchor: null };

export function selectionReducer(state: Selection, action: SelectionAction): Selection {
  switch (action.type) {
    case 'toggle': {
      const from = action.range && state.anchor ? action.visible.indexOf(state.anchor) : -1;
      const to = action.visible.indexOf(action.id);
      if (from >= 0 && to >= 0) {
        // The range takes the anchor's state: selecting from a selected row adds, from an unselected one removes.
        const range = action.visible.slice(Math.min(from, to), Math.max(from, to) + 1);
        const adding = state.ids.includes(state.anchor!);
        const ids = adding ? [...new Set([...state.ids, ...range])] : state.ids.filter((id) => !range.includes(id));
        return { ids, anchor: action.id };
      }
      const ids = state.ids.includes(action.id) ? state.ids.filter((id) => id !== action.id) : [...state.ids, action.id];
      return { ids, anchor: action.id };
    }
    case 'all': {
      const everyVisible = action.visible.length > 0 && action.visible.every((id) => state.ids.includes(id));
      return everyVisible
        ? { ids: state.ids.filter((id) => !action.visible.includes(id)), anchor: null }
        : { ids: [...new Set([...state.ids, ...action.visible])], anchor: state.anchor };
    }
    case 'clear':
      return noSelection;
    case 'prune': {
      const ids = state.ids.filter((id) => action.visible.includes(id));
      const anchor = state.anchor && action.visible.includes(state.anchor) ? state.anchor : null;
      return ids.length === state.ids.length && anchor === state.anchor ? state : { ids, anchor };
    }
  }
}

/** The header checkbox: none, some (indeterminate) or all of the listed rows selected. */
export function headerState(selection: Selection, visible: string[]): 'none' | 'some' | 'all' {
  const selected = visible.filter((id) => selection.ids.includes(id)).length;
  return selected === 0 ? 'none' : selected === visible.length ? 'all' : 'some';
}
