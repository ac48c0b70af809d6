/** A JSON reader that remembers where every value sits in the text, so the form can change one number or flag by
 *  splicing the text and leave everything else — formatting, key order, comments, keys it does not know — as it was.
 *  Accepts what the server accepts: comments and trailing commas. */

interface Span { start: number; end: number }

export type JsonNode =
  | (Span & { kind: 'object'; members: JsonMember[] })
  | (Span & { kind: 'array'; items: JsonNode[] })
  | (Span & { kind: 'string'; value: string })
  | (Span & { kind: 'number'; value: number })
  | (Span & { kind: 'boolean'; value: boolean })
  | (Span & { kind: 'null' });

export interface JsonMember { key: string; keyStart: number; value: JsonNode }

export class JsonSyntaxError extends Error {
  constructor(message: string, readonly offset: number) { super(message); }
}

export function parseJson(text: string): JsonNode {
  let at = 0;

  const fail = (what: string): never => {
    const line = text.slice(0, at).split('\n').length;
    throw new JsonSyntaxError(`${what} at line ${line}`, at);
  };

  const skip = () => {
    for (;;) {
      while (at < text.length && /\s/.test(text[at]!)) at++;
      if (text.startsWith('//', at)) {
        const end = text.indexOf('\n', at);
        at = end < 0 ? text.length : end + 1;
      } else if (text.startsWith('/*', at)) {
        const end = text.indexOf('*/', at + 2);
        if (end < 0) fail('an unclosed comment');
        at = end + 2;
      } else return;
    }
  };

  const string = (): Span & { kind: 'string'; value: string } => {
    const start = at;
    at++; // the opening quote
    let escaped = false;
    while (at < text.length) {
      const c = text[at]!;
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') break;
      else if (c === '\n') fail('a line break inside a text');
      at++;
    }
    if (at >= text.length) fail('an unclosed text');
    at++;
    try {
      return { kind: 'string', start, end: at, value: JSON.parse(text.slice(start, at)) as string };
    } catch {
      at = start;
      return fail('a bad escape in a text');
    }
  };

  const value = (): JsonNode => {
    skip();
    const start = at;
    const c = text[at];
    if (c === '{') {
      at++;
      const members: JsonMember[] = [];
      for (;;) {
        skip();
        if (text[at] === '}') break;
        if (text[at] !== '"') fail('a key in quotes expected');
        const key = string();
        skip();
        if (text[at] !== ':') fail(`":" expected after "${key.value}"`);
        at++;
        members.push({ key: key.value, keyStart: key.start, value: value() });
        skip();
        if (text[at] === ',') { at++; continue; }
        if (text[at] !== '}') fail('"," or "}" expected');
      }
      at++;
      return { kind: 'object', start, end: at, members };
    }
    if (c === '[') {
      at++;
      const items: JsonNode[] = [];
      for (;;) {
        skip();
        if (text[at] === ']') break;
        items.push(value());
        skip();
        if (text[at] === ',') { at++; continue; }
        if (text[at] !== ']') fail('"," or "]" expected');
      }
      at++;
      return { kind: 'array', start, end: at, items };
    }
    if (c === '"') return string();
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at, at + 64));
    if (number) {
      at += number[0].length;
      return { kind: 'number', start, end: at, value: Number(number[0]) };
    }
    for (const [word, node] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return node === null ? { kind: 'null', start, end: at } : { kind: 'boolean', start, end: at, value: node };
      }
    }
    return fail(at >= text.length ? 'the text ends too early' : `unexpected "${c}"`);
  };

  const root = value();
  skip();
  if (at < text.length) fail('more text after the end');
  return root;
}

/** The member of an object by key. The server matches workflow and rule keys exactly and "Properties" keys in any
 *  case, hence <code>anyCase</code>. */
export function member(node: JsonNode | undefined, key: string, anyCase = false): JsonMember | undefined {
  if (node?.kind !== 'object') return undefined;
  const exact = node.members.find((m) => m.key === key);
  if (exact || !anyCase) return exact;
  const lower = key.toLowerCase();
  return node.members.find((m) => m.key.toLowerCase() === lower);
}
