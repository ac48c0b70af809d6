import { describe, expect, it } from 'vitest';
import { actionForKey, inboxReducer, initialInboxState, type InboxState } from './inboxState';

const ids = ['a', 'b', 'c'];
const run = (...actions: Parameters<typeof inboxReducer>[1][]): InboxState => actions.reduce(inboxReducer, initialInboxState);

describe('actionForKey', () => {
  it('maps the documented keys', () => {
    expect(['j', 'k', 'Enter', 'd', 's', '?', 'x'].map(actionForKey)).toEqual(['next', 'previous', 'open', 'done', 'snooze', 'help', null]);
  });
});

describe('inboxReducer', () => {
  it('moves the cursor with j and k, stopping at the ends', () => {
    expect(run({ type: 'next', ids }).cursorId).toBe('a');
    expect(run({ type: 'next', ids }, { type: 'next', ids }, { type: 'next', ids }, { type: 'next', ids }).cursorId).toBe('c');
    expect(run({ type: 'next', ids }, { type: 'next', ids }, { type: 'previous', ids }, { type: 'previous', ids }).cursorId).toBe('a');
  });

  it('opens the row under the cursor with Enter, the first row when there is no cursor', () => {
    expect(run({ type: 'open', ids }).openId).toBe('a');
    expect(run({ type: 'next', ids }, { type: 'next', ids }, { type: 'open', ids }).openId).toBe('b');
    expect(run({ type: 'open', ids: [] }).openId).toBeNull();
  });

  it('keeps the cursor on its task when the list changes', () => {
    const state = run({ type: 'select', id: 'b' }, { type: 'next', ids: ['new', 'a', 'b', 'c'] });
    expect(state.cursorId).toBe('c');
  });

  it('opens the next task after the open one is completed', () => {
    expect(run({ type: 'select', id: 'b' }, { type: 'completed', id: 'b', ids })).toMatchObject({ openId: 'c', cursorId: 'c' });
    expect(run({ type: 'select', id: 'c' }, { type: 'completed', id: 'c', ids })).toMatchObject({ openId: 'b' });
    expect(run({ type: 'select', id: 'a' }, { type: 'completed', id: 'a', ids: ['a'] })).toMatchObject({ openId: null });
  });

  it('opens and closes the snooze menu and the shortcut list', () => {
    expect(run({ type: 'snooze', open: true }).snoozeOpen).toBe(true);
    expect(run({ type: 'help', open: true }, { type: 'help', open: false }).helpOpen).toBe(false);
  });
});
