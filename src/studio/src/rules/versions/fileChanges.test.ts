import { describe, expect, it } from 'vitest';
import { changedLines, fileChanges } from './fileChanges';

const tiers = (threshold: number) => `[\n  { "WorkflowName": "Tiering",\n    "Rules": [\n      { "Expression": "score.Composite >= ${threshold}" }\n    ] }\n]\n`;

describe('changedLines', () => {
  it('counts a changed line as one removed and one added', () => {
    expect(changedLines(tiers(80), tiers(70))).toEqual({ added: 1, removed: 1 });
  });
  it('counts inserted and deleted lines', () => {
    expect(changedLines('a\nb\nc', 'a\nx\ny\nb\nc')).toEqual({ added: 2, removed: 0 });
    expect(changedLines('a\nb\nc', 'a\nc')).toEqual({ added: 0, removed: 1 });
    expect(changedLines('same', 'same')).toEqual({ added: 0, removed: 0 });
  });
});

describe('fileChanges', () => {
  it('says which files changed, came or went, changed ones first', () => {
    const from = [{ name: 'tiers.json', content: tiers(80) }, { name: 'scoring.json', content: 'x' }, { name: 'old.json', content: 'a\nb' }];
    const to = [{ name: 'tiers.json', content: tiers(70) }, { name: 'scoring.json', content: 'x' }, { name: 'new.json', content: 'n' }];
    expect(fileChanges(from, to).map((f) => [f.name, f.status, f.added, f.removed])).toEqual([
      ['tiers.json', 'changed', 1, 1],
      ['new.json', 'added', 1, 0],
      ['old.json', 'removed', 0, 2],
      ['scoring.json', 'same', 0, 0],
    ]);
  });
});
