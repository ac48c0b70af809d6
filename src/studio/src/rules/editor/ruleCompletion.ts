import { type Completion, type CompletionContext, type CompletionResult, type CompletionSource, snippet } from '@codemirror/autocomplete';
import { jsonLanguage } from '@codemirror/lang-json';
import type { Extension } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { components } from '../../api/schema';
import { chainAt, resolveChain, type RuleVocabulary, type VocabularyMember, type VocabularyType } from './expressionChain';
import { type Level, ruleContextAt, type RuleContext } from './ruleContext';

type RuleKey = components['schemas']['RuleKey'];

/** Names of the live ruleset, offered as values of "tier" and "component". */
export interface RulesetNames {
  tiers: string[];
  components: string[];
}

/** Completion for rule files, from the server's vocabulary: the keys valid where the cursor is (workflow, rule or
 *  Properties of that workflow's kind), their few values, and inside an Expression the parameters, their members
 *  after a dot (with signatures and docs) and Math. */
export function ruleCompletion(vocabulary: RuleVocabulary | undefined, names: RulesetNames): Extension {
  return vocabulary ? jsonLanguage.data.of({ autocomplete: ruleCompletionSource(vocabulary, names) }) : [];
}

export function ruleCompletionSource(vocabulary: RuleVocabulary, names: RulesetNames): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const ctx = ruleContextAt(context.state.doc.toString(), context.pos);
    if (!ctx) return null;
    switch (ctx.kind) {
      case 'expression': return expressionCompletions(vocabulary, ctx, context);
      case 'key': return keyCompletions(vocabulary, ctx, context);
      case 'value': return valueCompletions(vocabulary, names, ctx);
    }
  };
}

function expressionCompletions(vocabulary: RuleVocabulary, ctx: Extract<RuleContext, { kind: 'expression' }>, context: CompletionContext) {
  const at = chainAt(ctx.raw);
  if (!at) return null;
  const from = ctx.from + at.from;
  if (at.chain.length === 0) {
    if (!at.partial && !context.explicit) return null;
    const inComponent = ctx.workflow !== null && !vocabulary.propertiesKeys.some((p) => p.workflowName === ctx.workflow);
    const parameters = vocabulary.parameters.filter((p) => p.inScoringComponents || !inComponent).map((p): Completion => ({
      label: p.name, type: 'variable', detail: p.type, boost: 2,
      info: () => infoNode(p.name, p.description + (p.inScoringComponents ? '' : ' (Composite, Tiering and Triggers only)'), null),
    }));
    const statics = vocabulary.types.filter((t) => t.static).map((t): Completion => ({
      label: t.name, type: 'class', info: () => infoNode(t.name, t.description, null),
    }));
    const keywords = ['true', 'false'].map((k): Completion => ({ label: k, type: 'keyword' }));
    return { from, options: [...parameters, ...statics, ...keywords], validFor: /^\w*$/ };
  }
  const type = resolveChain(vocabulary, at.chain, ctx.raw);
  return type ? { from, options: memberCompletions(type), validFor: /^\w*$/ } : null;
}

/** A type's members: properties as names, methods as snippets whose arguments are fields to tab through (text
 *  arguments already in escaped quotes, as the JSON string needs). */
export function memberCompletions(type: VocabularyType): Completion[] {
  return type.members.map((m): Completion => {
    const [shortest] = m.signatures;
    return {
      label: m.name,
      type: m.kind === 'Method' ? 'method' : 'property',
      detail: m.kind === 'Method' && shortest ? shortest.text.slice(m.name.length) : `: ${m.returns}`,
      info: () => infoNode(m.signatures.map((s) => s.text).join('\n') || `${m.name}: ${m.returns}`, m.description, m.example ?? null),
      apply: m.kind === 'Method' ? snippet(callTemplate(m)) : m.name,
    };
  });
}

/** `Count(\"${type}\", ${days})` for Count(string type, int days); `Any(${x => condition})` for written signatures. */
export function callTemplate(member: VocabularyMember): string {
  const signature = member.signatures[0];
  if (!signature) return `${member.name}()`;
  const inside = /\((.*)\)/.exec(signature.text)?.[1] ?? '';
  const parts = signature.parameters.length > 0
    ? signature.parameters.map((p) => ({ type: p.type, name: p.name }))
    : inside.split(', ').filter(Boolean).map((part) => {
      const typed = /^(\w+) (\w+)$/.exec(part);
      return typed ? { type: typed[1], name: typed[2] } : { type: '', name: part };
    });
  const fields = parts.map((p) => (p.type === 'string' ? `\\"\${${p.name}}\\"` : `\${${p.name}}`));
  return `${member.name}(${fields.join(', ')})`;
}

function keysAt(vocabulary: RuleVocabulary, level: Level, workflow: string | null): RuleKey[] {
  if (level === 'workflow') return vocabulary.workflowKeys;
  if (level === 'rule') return vocabulary.ruleKeys;
  return (vocabulary.propertiesKeys.find((p) => p.workflowName === workflow) ?? vocabulary.propertiesKeys.find((p) => p.workflowName == null))?.keys ?? [];
}

function keyCompletions(vocabulary: RuleVocabulary, ctx: Extract<RuleContext, { kind: 'key' }>, context: CompletionContext) {
  if (!ctx.quoted && ctx.from === ctx.to && !context.explicit) return null;
  const options = keysAt(vocabulary, ctx.level, ctx.workflow).filter((k) => !ctx.present.includes(k.name)).map((k): Completion => ({
    label: k.name,
    type: 'property',
    detail: k.required ? 'required' : k.kind.toLowerCase(),
    boost: k.required ? 1 : 0,
    info: () => infoNode(k.name, k.description, k.values?.length ? `Values: ${k.values.join(', ')}` : null),
    apply: (view, _completion, from, to) => insertKey(view, k, from, to, ctx.quoted),
  }));
  return { from: ctx.from, options, validFor: /^\w*$/ };
}

/** Writes the key, and when the key is new also `": ` and an empty value of its kind, with the cursor inside it. */
function insertKey(view: EditorView, key: RuleKey, from: number, to: number, quoted: boolean) {
  const doc = view.state.doc;
  let end = to + (/^\w*/.exec(doc.sliceString(to, to + 100))?.[0].length ?? 0);
  const closing = quoted && doc.sliceString(end, end + 1) === '"';
  if (/^\s*:/.test(doc.sliceString(end + (closing ? 1 : 0), end + 40))) {
    view.dispatch({ changes: { from, to: end, insert: key.name }, selection: { anchor: from + key.name.length }, userEvent: 'input.complete' });
    return;
  }
  if (closing) end++;
  const [value, cursor] = ({ Text: ['""', 1], Expression: ['""', 1], Array: ['[]', 1], Object: ['{}', 1] } as Record<string, [string, number]>)[key.kind] ?? ['', 0];
  const head = `${quoted ? '' : '"'}${key.name}": `;
  view.dispatch({ changes: { from, to: end, insert: head + value }, selection: { anchor: from + head.length + cursor }, userEvent: 'input.complete' });
}

function valueCompletions(vocabulary: RuleVocabulary, names: RulesetNames, ctx: Extract<RuleContext, { kind: 'value' }>) {
  const key = keysAt(vocabulary, ctx.level, ctx.workflow).find((k) => k.name === ctx.key);
  const values = ctx.level === 'properties' && ctx.key === 'tier' ? names.tiers
    : ctx.level === 'properties' && ctx.key === 'component' ? names.components
    : key?.values ?? [];
  if (values.length === 0 || key?.kind === 'Boolean') return null;
  const options = values.map((v): Completion => ({
    label: v, type: 'constant',
    apply: (view, _completion, from, to) => {
      const end = to + (/^[^"\n]*/.exec(view.state.doc.sliceString(to, to + 200))?.[0].length ?? 0);
      view.dispatch({ changes: { from, to: end, insert: v }, selection: { anchor: from + v.length }, userEvent: 'input.complete' });
    },
  }));
  return { from: ctx.from, options, validFor: /^[\w ]*$/ };
}

/** The completion's side panel: signature(s), what it means, an example. */
function infoNode(title: string, description: string, example: string | null): Node {
  const root = document.createElement('div');
  root.className = 'cm-rule-info';
  const head = document.createElement('code');
  head.textContent = title;
  head.style.whiteSpace = 'pre-wrap';
  head.style.fontWeight = '600';
  const text = document.createElement('p');
  text.textContent = description;
  text.style.margin = '4px 0';
  root.append(head, text);
  if (example) {
    const sample = document.createElement('code');
    sample.textContent = example;
    sample.style.whiteSpace = 'pre-wrap';
    sample.style.opacity = '0.8';
    root.append(sample);
  }
  root.style.maxWidth = '360px';
  root.style.fontSize = '12px';
  return root;
}
