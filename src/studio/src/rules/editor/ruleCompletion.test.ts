import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { json } from '@codemirror/lang-json';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { RuleVocabulary } from './expressionChain';
import { chainAt } from './expressionChain';
import { callTemplate, ruleCompletionSource } from './ruleCompletion';
import { ruleContextAt } from './ruleContext';

/** A slice of the server's vocabulary, shaped as GET /api/rules/vocabulary answers. */
const vocabulary: RuleVocabulary = {
  workflowKeys: [
    { name: 'WorkflowName', description: 'The name', kind: 'Text', required: true, values: ['Composite', 'Tiering', 'Triggers'] },
    { name: 'Rules', description: 'The rules', kind: 'Array', required: true, values: null },
  ],
  ruleKeys: [
    { name: 'RuleName', description: 'Unique name', kind: 'Text', required: true, values: null },
    { name: 'Expression', description: 'The condition', kind: 'Expression', required: true, values: null },
    { name: 'Properties', description: 'What it does', kind: 'Object', required: false, values: null },
    { name: 'Enabled', description: 'false switches it off', kind: 'Boolean', required: false, values: ['true', 'false'] },
  ],
  propertiesKeys: [
    { concern: 'Component', workflowName: null, keys: [{ name: 'points', description: 'Points', kind: 'Number', required: true, values: null }] },
    { concern: 'Triggers', workflowName: 'Triggers', keys: [
      { name: 'action', description: 'What to do', kind: 'Text', required: true, values: ['promote', 'demote', 'flag'] },
      { name: 'tier', description: 'Target tier', kind: 'Text', required: false, values: null },
    ] },
  ],
  parameters: [
    { name: 'account', type: 'AccountFacts', description: 'The account', inScoringComponents: true },
    { name: 'signals', type: 'SignalWindow', description: 'Its signals', inScoringComponents: true },
    { name: 'score', type: 'ScoreFacts', description: 'The scores', inScoringComponents: false },
  ],
  types: [
    { name: 'AccountFacts', description: 'The account', static: false, members: [
      { name: 'EmployeeCount', kind: 'Property', returns: 'int', returnsType: null, signatures: [], description: 'Employees', example: 'account.EmployeeCount >= 200' },
      { name: 'Industry', kind: 'Property', returns: 'string', returnsType: 'String', signatures: [], description: 'Industry', example: null },
      { name: 'TechStack', kind: 'Property', returns: 'list of string', returnsType: 'List', signatures: [], description: 'Stack', example: null },
    ] },
    { name: 'SignalWindow', description: 'Signals', static: false, members: [
      { name: 'All', kind: 'Property', returns: 'list of SignalFact', returnsType: 'List', signatures: [], description: 'Every signal', example: null },
      { name: 'Count', kind: 'Method', returns: 'int', returnsType: null, description: 'Signals of a type', example: null,
        signatures: [{ text: 'Count(string type, int days): int', parameters: [{ name: 'type', type: 'string' }, { name: 'days', type: 'int' }] }] },
    ] },
    { name: 'ScoreFacts', description: 'Scores', static: false, members: [] },
    { name: 'SignalFact', description: 'A signal', static: false, members: [
      { name: 'OccurredAt', kind: 'Property', returns: 'DateTime', returnsType: null, signatures: [], description: 'When', example: null },
    ] },
    { name: 'String', description: 'Text', static: false, members: [
      { name: 'StartsWith', kind: 'Method', returns: 'bool', returnsType: null, description: 'Starts with', example: null,
        signatures: [{ text: 'StartsWith(string value): bool', parameters: [{ name: 'value', type: 'string' }] }] },
    ] },
    { name: 'Math', description: 'Arithmetic', static: true, members: [
      { name: 'Max', kind: 'Method', returns: 'int', returnsType: null, description: 'Larger', example: null,
        signatures: [{ text: 'Max(int val1, int val2): int', parameters: [{ name: 'val1', type: 'int' }, { name: 'val2', type: 'int' }] }] },
    ] },
    { name: 'List', description: 'A list', static: false, members: [
      { name: 'Any', kind: 'Method', returns: 'bool', returnsType: null, description: 'Any matches', example: null,
        signatures: [{ text: 'Any(x => condition): bool', parameters: [] }] },
    ] },
  ],
};

const file = (rule: string, workflow = 'Fit') => `[\n  { "WorkflowName": "${workflow}", "Rules": [\n    ${rule}\n  ] }\n]`;

/** Completes at the `|` in `doc`, as CodeMirror would while typing (or on Ctrl+Space when explicit). */
function complete(doc: string, explicit = false): CompletionResult | null {
  const pos = doc.indexOf('|');
  const state = EditorState.create({ doc: doc.replace('|', ''), extensions: [json()] });
  return ruleCompletionSource(vocabulary, { tiers: ['Tier1', 'Tier2'], components: ['Fit'] })(new CompletionContext(state, pos, explicit)) as CompletionResult | null;
}

const labels = (result: CompletionResult | null) => result?.options.map((o) => o.label);

describe('rule file keys', () => {
  it('offers the rule keys not yet written inside a rule object', () => {
    expect(labels(complete(file('{ "RuleName": "X", "|" }')))).toEqual(['Expression', 'Properties', 'Enabled']);
  });
  it('offers the workflow keys in a workflow object', () => {
    expect(labels(complete('[ { "|" } ]'))).toEqual(['WorkflowName', 'Rules']);
  });
  it('offers the Properties keys of the workflow the rule is in', () => {
    expect(labels(complete(file('{ "RuleName": "X", "Properties": { "|" } }', 'Triggers')))).toEqual(['action', 'tier']);
    expect(labels(complete(file('{ "RuleName": "X", "Properties": { "|" } }', 'Fit')))).toEqual(['points']);
  });
  it('replaces a half-typed key from its first letter', () => {
    const doc = file('{ "RuleName": "X", "Expr|" }');
    expect(complete(doc)?.from).toBe(doc.indexOf('Expr'));
  });
  it('offers the few values of a key and the live tiers', () => {
    expect(labels(complete(file('{ "RuleName": "X", "Properties": { "action": "|" } }', 'Triggers')))).toEqual(['promote', 'demote', 'flag']);
    expect(labels(complete(file('{ "RuleName": "X", "Properties": { "tier": "T|" } }', 'Triggers')))).toEqual(['Tier1', 'Tier2']);
  });
});

describe('expressions', () => {
  it('offers the members of account after "account."', () => {
    const doc = file('{ "RuleName": "X", "Expression": "account.|" }');
    const result = complete(doc);
    expect(labels(result)).toEqual(['EmployeeCount', 'Industry', 'TechStack']);
    expect(result?.from).toBe(doc.indexOf('|'));
    expect(result?.options[0]?.detail).toBe(': int');
  });
  it('follows a chain through member types, calls and lambda parameters', () => {
    expect(labels(complete(file('{ "RuleName": "X", "Expression": "account.Industry.S|" }')))).toEqual(['StartsWith']);
    expect(labels(complete(file('{ "RuleName": "X", "Expression": "signals.All.Any(s => s.|" }')))).toEqual(['OccurredAt']);
    expect(labels(complete(file('{ "RuleName": "X", "Expression": "signals.Count(\\"a\\", 3) > 1 && Math.|" }')))).toEqual(['Max']);
  });
  it('offers the parameters at the start of a name, without score in a scoring component', () => {
    expect(labels(complete(file('{ "RuleName": "X", "Expression": "a|" }')))).toEqual(['account', 'signals', 'Math', 'true', 'false']);
    expect(labels(complete(file('{ "RuleName": "X", "Expression": "s|" }', 'Triggers')))).toContain('score');
  });
  it('stays quiet inside a text literal of the expression and outside expressions', () => {
    expect(complete(file('{ "RuleName": "X", "Expression": "account.IndustryIn(\\"account.|" }'))).toBeNull();
    expect(complete(file('{ "RuleName": "account.|" }'))).toBeNull();
  });
  it('writes a method call with its arguments as fields, text arguments in escaped quotes', () => {
    const member = (type: string, name: string) => vocabulary.types.find((t) => t.name === type)!.members.find((m) => m.name === name)!;
    expect(callTemplate(member('SignalWindow', 'Count'))).toBe('Count(\\"${type}\\", ${days})');
    expect(callTemplate(member('List', 'Any'))).toBe('Any(${x => condition})');
  });
});

describe('ruleContextAt', () => {
  it('knows the rule level and the key being typed despite // comments and a missing comma', () => {
    const doc = '[\n  // scoring\n  { "WorkflowName": "Fit", "Rules": [ { "RuleName": "A" "Expr" } ] } ]';
    const context = ruleContextAt(doc, doc.indexOf('Expr') + 2);
    expect(context).toMatchObject({ kind: 'key', level: 'rule', workflow: 'Fit', quoted: true });
  });
  it('reads the expression text up to the cursor', () => {
    const doc = file('{ "Expression": "signals.Count(\\"x\\", 3) > 1 && acc" }');
    const context = ruleContextAt(doc, doc.indexOf('acc') + 3);
    expect(context).toMatchObject({ kind: 'expression', raw: 'signals.Count(\\"x\\", 3) > 1 && acc' });
    expect(chainAt('signals.Count(\\"x\\", 3).')).toMatchObject({ chain: [{ name: 'signals', call: false }, { name: 'Count', call: true }], partial: '' });
  });
});

describe('ruleContextAt after the cursor', () => {
  it('does not borrow the context of a later object when the cursor sits in a number', () => {
    const doc = file('{ "RuleName": "X", "Properties": { "points": 30 } },\n    { "RuleName": "Y" }');
    expect(ruleContextAt(doc, doc.indexOf('30') + 1)).toBeNull();
  });
});
