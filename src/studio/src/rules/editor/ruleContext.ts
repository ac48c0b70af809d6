/** Where the cursor is in a rule file, in the file's own terms: typing a key of a workflow, a rule or a rule's
 *  Properties, typing a value of a key, or inside an Expression. A small scanner over the text rather than the JSON
 *  syntax tree, because the file is mid-edit (half a key, a missing comma) exactly when completion is wanted, and rule
 *  files may hold // comments. */

export type Level = 'workflow' | 'rule' | 'properties';

export type RuleContext =
  /** A key: `from`–`to` is the text to replace (inside the quotes, or the bare word); `quoted` when inside quotes,
   *  `colon` when a ':' already follows (renaming a key: only the name changes). */
  | { kind: 'key'; level: Level; workflow: string | null; from: number; to: number; quoted: boolean; colon: boolean; present: string[] }
  /** A text value of `key`: `from`–`to` is inside its quotes. */
  | { kind: 'value'; level: Level; workflow: string | null; key: string; from: number; to: number }
  /** Inside an Expression's text: `from` is where the text starts (after the quote), `raw` the file's characters up to the cursor. */
  | { kind: 'expression'; workflow: string | null; from: number; raw: string };

interface Frame {
  type: 'object' | 'array';
  /** The key this container is the value of (null for the root and array items). */
  key: string | null;
  /** Objects: what comes next, and the keys seen in the whole object. */
  expect: 'key' | 'colon' | 'value' | 'comma';
  pendingKey: string | null;
  keys: string[];
  workflowName: string | null;
}

/** The context at `pos`, or null where nothing can be completed (numbers, punctuation, an unknown place). */
export function ruleContextAt(text: string, pos: number): RuleContext | null {
  const stack: Frame[] = [];
  let found: { stack: Frame[]; make: (frames: Frame[]) => RuleContext | null } | null = null;
  let decided = false; // the token at or after the cursor was looked at: the rest of the scan only completes the frames
  let i = 0;
  const top = () => stack[stack.length - 1];
  const settle = () => { const f = top(); if (f?.type === 'object') { f.expect = 'comma'; f.pendingKey = null; } };

  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === '/' && text[i + 1] === '/') { const end = text.indexOf('\n', i); i = end < 0 ? text.length : end; continue; }
    if (c === '/' && text[i + 1] === '*') { const end = text.indexOf('*/', i + 2); i = end < 0 ? text.length : end + 2; continue; }
    if (c === '"') {
      const start = i;
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      const closed = text[j] === '"';
      const end = j; // the closing quote, or the end of the line when it is not closed yet
      const value = decode(text.slice(start + 1, end));
      const frame = top();
      const isKey = frame?.type === 'object' && (frame.expect === 'key' || frame.expect === 'comma'); // a forgotten comma still starts a key
      if (!decided && pos > start && pos <= end) {
        decided = true;
        const frames = [...stack];
        if (isKey) {
          const colon = /^\s*:/.test(text.slice(closed ? end + 1 : end));
          found = { stack: frames, make: (fs) => keyContext(fs, start + 1, end, true, colon, value) };
        } else if (frame?.type === 'object' && frame.expect === 'value' && frame.pendingKey) {
          const key = frame.pendingKey;
          found = key === 'Expression'
            ? { stack: frames, make: (fs) => ({ kind: 'expression', workflow: workflowOf(fs), from: start + 1, raw: text.slice(start + 1, pos) }) }
            : { stack: frames, make: (fs) => valueContext(fs, key, start + 1, end) };
        }
      }
      if (start >= pos) decided = true;
      if (isKey) {
        frame.pendingKey = value;
        frame.keys.push(value);
        frame.expect = 'colon';
      } else {
        if (frame?.type === 'object' && frame.pendingKey === 'WorkflowName') frame.workflowName = value;
        settle();
      }
      i = closed ? end + 1 : end;
      continue;
    }
    if (!decided && i >= pos) {
      decided = true;
      found = bareContext([...stack], text, pos);
    }
    if (c === '{' || c === '[') {
      const parent = top();
      const key = parent?.type === 'object' ? parent.pendingKey : null;
      stack.push({ type: c === '{' ? 'object' : 'array', key, expect: 'key', pendingKey: null, keys: [], workflowName: null });
    } else if (c === '}' || c === ']') {
      stack.pop();
      settle();
    } else if (c === ':') {
      const f = top();
      if (f?.type === 'object') f.expect = 'value';
    } else if (c === ',') {
      const f = top();
      if (f?.type === 'object') { f.expect = 'key'; f.pendingKey = null; }
    } else if (/[A-Za-z0-9\-]/.test(c)) {
      // A bare word (true, 12, a key typed without quotes): consume it whole.
      let j = i;
      while (j < text.length && /[A-Za-z0-9_.+\-]/.test(text[j] ?? '')) j++;
      const f = top();
      if (!decided && pos >= i && pos <= j) {
        decided = true;
        found = bareContext([...stack], text, pos, i, j);
      }
      if (f?.type === 'object' && f.expect === 'value') settle();
      i = j;
      continue;
    }
    i++;
  }
  if (!decided) found = bareContext([...stack], text, pos);
  return found ? found.make(found.stack) : null;
}

/** A key typed without quotes (or an empty place where a key goes), in an object expecting one. */
function bareContext(stack: Frame[], text: string, pos: number, wordFrom = pos, wordTo = pos) {
  const frame = stack[stack.length - 1];
  if (frame?.type !== 'object' || frame.expect !== 'key') return null;
  const word = text.slice(wordFrom, wordTo);
  return { stack, make: (fs: Frame[]) => keyContext(fs, wordFrom, wordTo, false, /^\s*:/.test(text.slice(wordTo)), word) };
}

function keyContext(frames: Frame[], from: number, to: number, quoted: boolean, colon: boolean, typed: string): RuleContext | null {
  const level = levelOf(frames);
  if (!level) return null;
  // The object's keys, less the one under the cursor (a quoted key being typed is among them once).
  const present = [...(frames[frames.length - 1]?.keys ?? [])];
  if (quoted && present.includes(typed)) present.splice(present.indexOf(typed), 1);
  return { kind: 'key', level, workflow: workflowOf(frames), from, to, quoted, colon, present };
}

function valueContext(frames: Frame[], key: string, from: number, to: number): RuleContext | null {
  const level = levelOf(frames);
  return level ? { kind: 'value', level, workflow: workflowOf(frames), key, from, to } : null;
}

/** root array → workflow object → "Rules" array → rule object → "Properties" object. */
function levelOf(frames: Frame[]): Level | null {
  const [root, workflow, rules, rule, properties] = frames;
  if (root?.type !== 'array' || workflow?.type !== 'object') return null;
  if (frames.length === 2) return 'workflow';
  if (rules?.type !== 'array' || rules.key !== 'Rules' || rule?.type !== 'object') return null;
  if (frames.length === 4) return 'rule';
  return frames.length === 5 && properties?.type === 'object' && properties.key === 'Properties' ? 'properties' : null;
}

function workflowOf(frames: Frame[]): string | null {
  return frames[1]?.workflowName ?? null;
}

/** A JSON string's characters as the parser reads them (enough for names: \" \\ and \uXXXX). */
export function decode(raw: string): string {
  return raw.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) =>
    e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e);
}
