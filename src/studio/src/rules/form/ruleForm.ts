import { type JsonNode, JsonSyntaxError, member, parseJson } from './jsonSpans';

/** The form view's model of a rule file, read from the JSON text, and the edits it writes back into that text.
 *  Same vocabulary as the server (RulesetParser, RuleKindBuilder): a workflow's name decides what its rules do —
 *  "Composite" rules weigh components, "Tiering" rules name tiers (first match wins), "Triggers" promote, demote or
 *  flag, any other workflow is a scoring component whose passing rules add their "points". */

export type Concern = 'component' | 'composite' | 'tiering' | 'triggers';

export type Comparison = '>=' | '>' | '<=' | '<';

/** An expression that is only a comparison of one score with a number (`score.Composite >= 80`): editable as a number. */
export interface Threshold { score: string; op: Comparison; value: number }

/** Where a rule sits: the workflow's and the rule's index in the file. */
export type RulePath = readonly [workflow: number, rule: number];

export interface FormRule {
  path: RulePath;
  workflow: string;
  concern: Concern;
  name: string;
  enabled: boolean;
  expression: string;
  /** The expression as a threshold, when it is nothing more than that. */
  threshold: Threshold | null;
  /** `"true"`: every account passes (the last tier rule must be one). */
  catchAll: boolean;
  points?: number;
  reason?: string;
  component?: string;
  weight?: number;
  tier?: string;
  rank?: number;
  cap?: number;
  action?: string;
  holdDays?: number;
}

export interface FormWorkflow { index: number; name: string; concern: Concern; rules: FormRule[] }

export type ReadResult = { ok: true; workflows: FormWorkflow[] } | { ok: false; error: string };

/** The numbers the form edits, each a "Properties" key (threshold: the number in the expression). */
export type NumberField = 'points' | 'weight' | 'holdDays' | 'threshold';

export type RuleChange = { field: 'enabled'; value: boolean } | { field: NumberField; value: number };

export function concernOf(workflow: string): Concern {
  return workflow === 'Composite' ? 'composite' : workflow === 'Tiering' ? 'tiering' : workflow === 'Triggers' ? 'triggers' : 'component';
}

const thresholdPattern = /^(\s*score\.([A-Za-z_]\w*)\s*(>=|>|<=|<)\s*)(-?\d+(?:\.\d+)?)(\s*)$/;

export function readThreshold(expression: string): Threshold | null {
  const match = thresholdPattern.exec(expression);
  return match ? { score: match[2]!, op: match[3] as Comparison, value: Number(match[4]) } : null;
}

export function passes(value: number, t: Pick<Threshold, 'op' | 'value'>): boolean {
  return t.op === '>=' ? value >= t.value : t.op === '>' ? value > t.value : t.op === '<=' ? value <= t.value : value < t.value;
}

export function readRuleForm(text: string): ReadResult {
  let root: JsonNode;
  try {
    root = parseJson(text);
  } catch (error) {
    return { ok: false, error: error instanceof JsonSyntaxError ? `This is not valid JSON: ${error.message}.` : String(error) };
  }
  if (root.kind !== 'array') return { ok: false, error: 'A rule file is a JSON array of workflows: [ { "WorkflowName": …, "Rules": [ … ] } ].' };
  const workflows: FormWorkflow[] = [];
  root.items.forEach((node, index) => {
    const name = stringOf(member(node, 'WorkflowName')?.value);
    const list = member(node, 'Rules')?.value;
    if (name === undefined || list?.kind !== 'array') return; // the JSON view and the server's problems say what is wrong
    const concern = concernOf(name);
    const rules = list.items.flatMap((rule, r) => {
      const read = readRule(rule, [index, r], name, concern);
      return read ? [read] : [];
    });
    workflows.push({ index, name, concern, rules });
  });
  return { ok: true, workflows };
}

function readRule(node: JsonNode, path: RulePath, workflow: string, concern: Concern): FormRule | null {
  const name = stringOf(member(node, 'RuleName')?.value);
  if (name === undefined) return null;
  const expression = stringOf(member(node, 'Expression')?.value) ?? '';
  const properties = member(node, 'Properties')?.value;
  const number = (key: string) => numberOf(member(properties, key, true)?.value);
  const text = (key: string) => stringOf(member(properties, key, true)?.value);
  return {
    path, workflow, concern, name, expression,
    enabled: enabledOf(member(node, 'Enabled')?.value),
    threshold: readThreshold(expression),
    catchAll: expression.trim() === 'true',
    points: number('points'), reason: text('reason'),
    component: text('component'), weight: number('weight'),
    tier: text('tier'), rank: number('rank'), cap: number('cap'),
    action: text('action'), holdDays: number('holdDays'),
  };
}

/** Writes one change into the text: only the characters of that value change (or, for enabled, one
 *  `"Enabled": false` member is added after the rule's name or removed again), so formatting, key order, comments
 *  and keys the form does not know stay exactly as they were. Returns the text unchanged when the edit does not apply. */
export function editRule(text: string, path: RulePath, change: RuleChange): string {
  let root: JsonNode;
  try {
    root = parseJson(text);
  } catch {
    return text;
  }
  const rule = root.kind === 'array' ? member(root.items[path[0]], 'Rules')?.value : undefined;
  const node = rule?.kind === 'array' ? rule.items[path[1]] : undefined;
  if (node?.kind !== 'object') return text;

  if (change.field === 'enabled') return setEnabled(text, node, change.value);
  if (change.field === 'threshold') {
    const expression = member(node, 'Expression')?.value;
    const match = expression?.kind === 'string' ? thresholdPattern.exec(expression.value) : null;
    if (!expression || !match) return text;
    const edited = `${match[1]}${formatNumber(change.value)}${match[5]}`;
    return splice(text, expression.start, expression.end, JSON.stringify(edited));
  }
  const value = member(member(node, 'Properties')?.value, change.field, true)?.value;
  return value?.kind === 'number' ? splice(text, value.start, value.end, formatNumber(change.value)) : text;
}

type ObjectNode = Extract<JsonNode, { kind: 'object' }>;

function setEnabled(text: string, rule: ObjectNode, enabled: boolean): string {
  const index = rule.members.findIndex((m) => m.key === 'Enabled');
  const existing = rule.members[index];
  if (existing && !enabled) return splice(text, existing.value.start, existing.value.end, 'false');
  if (existing && enabled) {
    // Enabled is the default: removing the member (with the comma that joined it) undoes a disable exactly.
    const before = rule.members[index - 1];
    const after = rule.members[index + 1];
    if (before) return splice(text, before.value.end, existing.value.end, '');
    return splice(text, existing.keyStart, after ? after.keyStart : existing.value.end, '');
  }
  if (enabled) return text;
  const name = rule.members.find((m) => m.key === 'RuleName') ?? rule.members[0];
  if (!name) return splice(text, rule.start + 1, rule.start + 1, ' "Enabled": false ');
  const next = rule.members[rule.members.indexOf(name) + 1];
  // Reuse the separator between the name and the next key, so a one-line rule stays one line and a rule with a
  // key per line gets the new key on its own line, indented like its neighbours.
  const between = next ? text.slice(name.value.end, next.keyStart) : '';
  const separator = /^\s*,\s*$/.test(between) ? between : ', ';
  return splice(text, name.value.end, name.value.end, `${separator}"Enabled": false`);
}

/** 80, 72.5, -40: as a person writes them (no 72.50000001). */
export function formatNumber(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** Like the server: only a literal false disables a rule. */
function enabledOf(node: JsonNode | undefined): boolean {
  return node?.kind !== 'boolean' || node.value;
}

function stringOf(node: JsonNode | undefined): string | undefined {
  return node?.kind === 'string' ? node.value : undefined;
}

function numberOf(node: JsonNode | undefined): number | undefined {
  return node?.kind === 'number' ? node.value : undefined;
}
