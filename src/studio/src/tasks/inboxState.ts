/**
 * The inbox's keyboard and selection state as a pure reducer: the cursor (the highlighted row), the open task (shown
 * on the right), and the snooze menu and shortcut list. Rows are named by task id, so a refetch that adds or removes
 * tasks keeps the cursor on the same task.
 */
export interface InboxState {
  cursorId: string | null;
  openId: string | null;
  snoozeOpen: boolean;
  helpOpen: boolean;
}

export type InboxAction =
  | { type: 'next' | 'previous' | 'open'; ids: string[] }
  | { type: 'select'; id: string }
  | { type: 'completed'; id: string; ids: string[] }
  | { type: 'snooze' | 'help'; open: boolean };

export const initialInboxState: InboxState = { cursorId: null, openId: null, snoozeOpen: false, helpOpen: false };

/** Which action a key press means (the keys `?` lists); null for keys the inbox does not use. */
export function actionForKey(key: string): 'next' | 'previous' | 'open' | 'done' | 'snooze' | 'help' | null {
  switch (key) {
    case 'j': return 'next';
    case 'k': return 'previous';
    case 'Enter': return 'open';
    case 'd': return 'done';
    case 's': return 'snooze';
    case '?': return 'help';
    default: return null;
  }
}

/** The cursor's row: its task if still listed, else the first row. */
export function cursorIndex(state: InboxState, ids: string[]): number {
  const index = state.cursorId ? ids.indexOf(state.cursorId) : -1;
  return index >= 0 ? index : 0;
}

export function inboxReducer(state: InboxState, action: InboxAction): InboxState {
  switch (action.type) {
    case 'next':
    case 'previous': {
      if (action.ids.length === 0) return state;
      const from = state.cursorId && action.ids.includes(state.cursorId) ? cursorIndex(state, action.ids) : -1;
      const to = from < 0 ? 0 : Math.min(action.ids.length - 1, Math.max(0, from + (action.type === 'next' ? 1 : -1)));
      return { ...state, cursorId: action.ids[to]! };
    }
    case 'open': {
      const id = action.ids[cursorIndex(state, action.ids)];
      return id ? { ...state, cursorId: id, openId: id } : state;
    }
    case 'select':
      return { ...state, cursorId: action.id, openId: action.id };
    case 'completed': {
      // The next task (or the one before, at the end) opens, so a rep works down the list without the mouse.
      const index = action.ids.indexOf(action.id);
      const rest = action.ids.filter((id) => id !== action.id);
      const next = index < 0 ? null : (rest[Math.min(index, rest.length - 1)] ?? null);
      return { ...state, cursorId: next, openId: state.openId === action.id ? next : state.openId, snoozeOpen: false };
    }
    case 'snooze':
      return { ...state, snoozeOpen: action.open };
    case 'help':
      return { ...state, helpOpen: action.open };
  }
}
