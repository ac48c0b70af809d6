import { describe, expect, it } from 'vitest';
import { record, redo, startHistory, undo } from './history';

describe('undo/redo history', () => {
  it('undoes and redoes each edit in order', () => {
    let h = startHistory('a');
    h = record(h, 'b');
    h = record(h, 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    h = undo(h);
    expect(h.present).toBe('a');
    h = redo(h);
    h = redo(h);
    expect(h.present).toBe('c');
  });
  it('merges successive edits with the same key into one step', () => {
    let h = startHistory('');
    for (const text of ['P', 'P2', 'P2D']) h = record(h, text, 'input:due');
    expect(h.past).toEqual(['']);
    expect(undo(h).present).toBe('');
  });
  it('forgets the redo branch after a new edit', () => {
    let h = record(record(startHistory(1), 2), 3);
    h = record(undo(h), 4);
    expect(h.future).toEqual([]);
    expect(redo(h).present).toBe(4);
  });
});
