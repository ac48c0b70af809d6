import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import { readLine, splitLines } from './whatIfStream';

describe('splitLines', () => {
  it('keeps a line cut in two until its end arrives', () => {
    const first = splitLines('', '{"type":"progress"}\n{"type":"rep');
    expect(first.lines).toEqual(['{"type":"progress"}']);
    const second = splitLines(first.rest, 'ort"}\n');
    expect(second).toEqual({ lines: ['{"type":"report"}'], rest: '' });
  });
  it('returns nothing until a line is complete, and skips blank lines', () => {
    expect(splitLines('', '{"ty')).toEqual({ lines: [], rest: '{"ty' });
    expect(splitLines('a', '\n\n b\n').lines).toEqual(['a', ' b']);
  });
});

describe('readLine', () => {
  it('reads progress and report lines', () => {
    expect(readLine('{"type":"progress","progress":{"phase":"accounts","done":2,"total":9,"detail":"x"}}').progress?.done).toBe(2);
  });
  it("turns the server's failure line into an error with its words", () => {
    expect(() => readLine('{"type":"failed","error":{"title":"The what-if stopped on an error","detail":"disk full"}}'))
      .toThrow(new ApiError(500, { title: 'The what-if stopped on an error', detail: 'disk full' }));
  });
});
