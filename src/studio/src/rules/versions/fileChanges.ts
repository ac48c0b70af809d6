import { Chunk } from '@codemirror/merge';
import { Text } from '@codemirror/state';

export interface RuleFileText {
  name: string;
  content: string;
}

export interface FileChange {
  name: string;
  status: 'added' | 'removed' | 'changed' | 'same';
  /** Lines only in the second version, and lines only in the first. */
  added: number;
  removed: number;
  before: string;
  after: string;
}

/** File by file, what changes from one version to another, with the lines added and removed (a line-level diff, as
 *  the diff view shows it). Changed files first, then by name. */
export function fileChanges(from: RuleFileText[], to: RuleFileText[]): FileChange[] {
  const names = [...new Set([...from.map((f) => f.name), ...to.map((f) => f.name)])];
  const order = { changed: 0, added: 1, removed: 2, same: 3 };
  return names.map((name): FileChange => {
    const before = from.find((f) => f.name === name)?.content;
    const after = to.find((f) => f.name === name)?.content;
    if (before === undefined) return { name, status: 'added', added: lineCount(after!), removed: 0, before: '', after: after! };
    if (after === undefined) return { name, status: 'removed', added: 0, removed: lineCount(before), before, after: '' };
    const { added, removed } = changedLines(before, after);
    return { name, status: added || removed ? 'changed' : 'same', added, removed, before, after };
  }).sort((a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name));
}

export function changedLines(before: string, after: string): { added: number; removed: number } {
  const a = Text.of(before.split('\n'));
  const b = Text.of(after.split('\n'));
  let added = 0;
  let removed = 0;
  for (const chunk of Chunk.build(a, b)) {
    if (chunk.toA > chunk.fromA) removed += a.lineAt(chunk.endA).number - a.lineAt(chunk.fromA).number + 1;
    if (chunk.toB > chunk.fromB) added += b.lineAt(chunk.endB).number - b.lineAt(chunk.fromB).number + 1;
  }
  return { added, removed };
}

function lineCount(text: string): number {
  return text === '' ? 0 : text.split('\n').length;
}
