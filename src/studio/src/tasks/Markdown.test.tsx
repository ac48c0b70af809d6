import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render';
import { Markdown, parseBlocks } from './Markdown';

describe('parseBlocks', () => {
  it('splits paragraphs, headings and both kinds of list', () => {
    expect(parseBlocks('Hello\nthere\n\n## What to do\n1. Call\n2. Write\n- one\n- two')).toEqual([
      { kind: 'paragraph', lines: ['Hello', 'there'] },
      { kind: 'heading', level: 2, text: 'What to do' },
      { kind: 'list', ordered: true, items: ['Call', 'Write'] },
      { kind: 'list', ordered: false, items: ['one', 'two'] },
    ]);
  });
});

describe('Markdown', () => {
  it('renders bold, lists and safe links as elements, and HTML as text', () => {
    renderWithProviders(<Markdown source={'Call **Acme** now <img src=x onerror=alert(1)>\n\n- see [the brief](https://example.com/b)\n- [bad](javascript:alert(1))'} />);
    expect(screen.getByText('Acme').tagName).toBe('STRONG');
    expect(screen.getByText(/<img src=x/)).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'the brief' })).toHaveAttribute('href', 'https://example.com/b');
    expect(screen.queryByRole('link', { name: 'bad' })).toBeNull();
    expect(screen.getByText('[bad](javascript:alert(1))')).toBeInTheDocument();
  });
});
