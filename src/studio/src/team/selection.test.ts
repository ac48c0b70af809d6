import { describe, expect, it } from 'vitest';
import { headerState, noSelection, selectionReducer, type Selection } from './selection';

const rows = ['a', 'b', 'c', 'd', 'e'];
const toggle = (state: Selection, id: string, range = false) => selectionReducer(state, { type: 'toggle', id, range, visible: rows });

describe('selection of team tasks', () => {
  it('toggles one row at a time', () => {
    const one = toggle(noSelection, 'b');
    expect(one).toEqual({ ids: ['b'], anchor: 'b' });
    expect(toggle(one, 'b').ids).toEqual([]);
  });

  it('selects a range from the anchor with shift', () => {
    const state = toggle(toggle(noSelection, 'b'), 'd', true);
    expect(state.ids.sort()).toEqual(['b', 'c', 'd']);
    // Upwards works the same.
    expect(toggle(toggle(noSelection, 'e'), 'c', true).ids.sort()).toEqual(['c', 'd', 'e']);
  });

  it('clears a range when the anchor was cleared', () => {
    const all = selectionReducer(noSelection, { type: 'all', visible: rows });
    const anchorOff = toggle(all, 'b');
    expect(toggle(anchorOff, 'd', true).ids.sort()).toEqual(['a', 'e']);
  });

  it('toggles every listed row from the header', () => {
    const all = selectionReducer(toggle(noSelection, 'a'), { type: 'all', visible: rows });
    expect(all.ids.sort()).toEqual(rows);
    expect(headerState(all, rows)).toBe('all');
    expect(selectionReducer(all, { type: 'all', visible: rows }).ids).toEqual([]);
    expect(headerState(toggle(noSelection, 'c'), rows)).toBe('some');
    expect(headerState(noSelection, rows)).toBe('none');
  });

  it('drops rows that are no longer listed and keeps the same state when nothing changed', () => {
    const state = toggle(toggle(noSelection, 'a'), 'c');
    expect(selectionReducer(state, { type: 'prune', visible: ['a', 'b'] })).toEqual({ ids: ['a'], anchor: null });
    expect(selectionReducer(state, { type: 'prune', visible: rows })).toBe(state);
  });

  it('clears everything', () => {
    expect(selectionReducer(toggle(noSelection, 'a'), { type: 'clear' })).toEqual(noSelection);
  });
});
