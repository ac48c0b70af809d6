import type { components } from '../../api/schema';

export type RuleVocabulary = components['schemas']['RuleVocabulary'];
export type VocabularyType = components['schemas']['VocabularyType'];
export type VocabularyMember = components['schemas']['VocabularyMember'];

/** One step of a member chain: `signals`, `Count(...)`. */
export interface Segment {
  name: string;
  call: boolean;
}

/** What is being typed at the end of an expression (in the file's raw characters, escapes included): the chain before
 *  the last dot (`account.Name.` → account, Name) and the partial word after it, starting at `from`. */
export interface ChainAt {
  chain: Segment[];
  partial: string;
  from: number;
}

const identifierAtEnd = /[A-Za-z_][A-Za-z0-9_]*$/;

/** The chain at the end of `raw`, or null inside a text literal, after a number, or after something that is not a
 *  plain chain of names and calls (e.g. `(a - b).`). */
export function chainAt(raw: string): ChainAt | null {
  if (insideLiteral(raw)) return null;
  const partial = identifierAtEnd.exec(raw)?.[0] ?? '';
  const from = raw.length - partial.length;
  if (/[0-9]$/.test(raw.slice(0, from))) return null;
  if (raw[from - 1] !== '.') return { chain: [], partial, from };
  const chain = chainEndingAt(raw, from - 1);
  return chain ? { chain, partial, from } : null;
}

/** The chain of names and calls that ends just before `end` (exclusive), e.g. `signals.All` in `signals.All.Any(`. */
export function chainEndingAt(raw: string, end: number): Segment[] | null {
  const chain: Segment[] = [];
  let k = end;
  for (;;) {
    let call = false;
    if (raw[k - 1] === ')') {
      const open = matchingOpen(raw, k - 1);
      if (open < 0) return null;
      k = open;
      call = true;
    }
    const name = identifierAtEnd.exec(raw.slice(0, k))?.[0];
    if (!name) return null;
    chain.unshift({ name, call });
    k -= name.length;
    if (raw[k - 1] !== '.') return chain;
    k--;
  }
}

/** The vocabulary type whose members follow the chain, or null when a step is unknown. Lambda parameters
 *  (`signals.All.Any(s => s.`) take the element type of the list they range over. */
export function resolveChain(vocabulary: RuleVocabulary, chain: Segment[], raw: string): VocabularyType | null {
  const types = new Map(vocabulary.types.map((t) => [t.name, t]));
  const [first, ...rest] = chain;
  if (!first) return null;
  let type: VocabularyType | undefined | null = first.call ? null
    : types.get(vocabulary.parameters.find((p) => p.name === first.name)?.type ?? '')
      ?? vocabulary.types.find((t) => t.static && t.name === first.name)
      ?? lambdaElementType(vocabulary, first.name, raw);
  for (const step of rest) {
    const member: VocabularyMember | undefined = type?.members.find((m) => m.name === step.name);
    type = member?.returnsType ? types.get(member.returnsType) : null;
  }
  return type ?? null;
}

/** `x` in `….All.Any(x => ` ranges over the items of `….All`: "list of SignalFact" → SignalFact, of string → String. */
function lambdaElementType(vocabulary: RuleVocabulary, name: string, raw: string): VocabularyType | null {
  const lambdas = [...raw.matchAll(new RegExp(`\\(\\s*${name}\\s*=>`, 'g'))];
  const lambda = lambdas[lambdas.length - 1];
  if (!lambda || lambda.index === undefined) return null;
  const call = /\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(raw.slice(0, lambda.index));
  if (!call) return null;
  const collection = chainEndingAt(raw, lambda.index - call[0].length);
  const last = collection?.[collection.length - 1];
  if (!collection || !last || collection.length < 2) return null;
  const owner = resolveChain(vocabulary, collection.slice(0, -1), raw);
  const list = owner?.members.find((m) => m.name === last.name);
  const element = /^list of (\w+)$/.exec(list?.returns ?? '')?.[1];
  if (!element) return null;
  return vocabulary.types.find((t) => t.name === (element === 'string' ? 'String' : element)) ?? null;
}

/** An odd number of escaped quotes before the cursor: it is inside a "text" literal of the expression. */
function insideLiteral(raw: string): boolean {
  return (raw.match(/\\"/g)?.length ?? 0) % 2 === 1;
}

function matchingOpen(raw: string, close: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = close; i >= 0; i--) {
    if (raw[i] === '"' && raw[i - 1] === '\\') { quoted = !quoted; i--; continue; }
    if (quoted) continue;
    if (raw[i] === ')') depth++;
    else if (raw[i] === '(' && --depth === 0) return i;
  }
  return -1;
}
