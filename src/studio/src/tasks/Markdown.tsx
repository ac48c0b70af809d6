import { Anchor, List, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A task body's Markdown, rendered into React elements (never as HTML): paragraphs, `#` headings, `-`/`*` and `1.`
 * lists, **bold**, *italic* and [links](https://…). Links other than http(s) and mailto stay plain text, so a
 * template cannot smuggle `javascript:` in; anything else is shown as the text it is.
 */
export function Markdown({ source }: { source: string }) {
  return <>{parseBlocks(source).map((block, i) => renderBlock(block, i))}</>;
}

export type Block =
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] };

const bullet = /^\s*[-*+]\s+(.*)$/;
const numbered = /^\s*\d+[.)]\s+(.*)$/;
const heading = /^(#{1,6})\s+(.*)$/;

/** Splits Markdown into blocks: blank lines end a paragraph, a list runs while its lines are items. */
export function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  const flush = () => { if (current) blocks.push(current); current = null; };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const h = heading.exec(line);
    const b = bullet.exec(line);
    const n = b ? null : numbered.exec(line);
    if (line.trim() === '') {
      flush();
    } else if (h) {
      flush();
      blocks.push({ kind: 'heading', level: h[1]!.length, text: h[2]! });
    } else if (b || n) {
      const ordered = !!n;
      const item = (b ?? n)![1]!;
      if (current?.kind === 'list' && current.ordered === ordered) current.items.push(item);
      else { flush(); current = { kind: 'list', ordered, items: [item] }; }
    } else if (current?.kind === 'paragraph') {
      current.lines.push(line.trim());
    } else {
      flush();
      current = { kind: 'paragraph', lines: [line.trim()] };
    }
  }
  flush();
  return blocks;
}

function renderBlock(block: Block, key: number): ReactNode {
  switch (block.kind) {
    case 'heading':
      return <Title key={key} order={Math.min(6, block.level + 2) as 3 | 4 | 5 | 6} size="h5" mt="sm" mb={4}>{inline(block.text)}</Title>;
    case 'list':
      return (
        <List key={key} type={block.ordered ? 'ordered' : 'unordered'} size="sm" mb="sm" spacing={2}>
          {block.items.map((item, i) => <List.Item key={i}>{inline(item)}</List.Item>)}
        </List>
      );
    case 'paragraph':
      return (
        <Text key={key} size="sm" mb="sm">
          {block.lines.flatMap((line, i) => (i === 0 ? [inline(line)] : [<br key={`br${i}`} />, inline(line)]))}
        </Text>
      );
  }
}

const token = /\*\*(.+?)\*\*|\*(\S(?:.*?\S)?)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Inline Markdown into React nodes: bold, italic and safe links; the rest is text (React escapes it). */
export function inline(text: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(token)) {
    const index = match.index;
    if (index > last) nodes.push(text.slice(last, index));
    const [whole, bold, italic, label, href] = match;
    if (bold !== undefined) nodes.push(<strong key={index}>{inline(bold)}</strong>);
    else if (italic !== undefined) nodes.push(<em key={index}>{inline(italic)}</em>);
    else if (label !== undefined && href !== undefined && /^(https?:|mailto:)/i.test(href)) {
      nodes.push(<Anchor key={index} href={href} target="_blank" rel="noopener noreferrer">{label}</Anchor>);
    } else nodes.push(whole);
    last = index + whole.length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}
