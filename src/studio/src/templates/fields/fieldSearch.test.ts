import { describe, expect, it } from 'vitest';
import { listedFields, searchFields, type TemplateVariable } from './fieldSearch';

const field = (path: string, type: string, description: string, example = '') =>
  ({ path, type, description, example, mayBeEmpty: false, insert: path, print: path });
const variables: TemplateVariable[] = [
  { name: 'account', type: 'object', description: 'The account the task is about', mayBeMissing: false, fields: [
    field('account.name', 'text', "The account's name", 'Northwind Analytics'),
    field('account.annual_revenue', 'decimal', 'Annual revenue'),
    field('account.reasons', 'list of text', 'Why it scores'),
  ] },
  { name: 'signal', type: 'object', description: 'The signal that made the playbook create the task', mayBeMissing: true, fields: [
    field('signal.type', 'text', 'The signal type', 'funding_round'),
  ] },
];

describe('searchFields', () => {
  it('lists everything for an empty search', () => {
    expect(searchFields(variables, '  ')).toBe(variables);
  });

  it('keeps the fields that match every word, in path, type, description or example', () => {
    expect(listedFields(searchFields(variables, 'annual revenue')).map((f) => f.path)).toEqual(['account.annual_revenue']);
    expect(listedFields(searchFields(variables, 'list')).map((f) => f.path)).toEqual(['account.reasons']);
    expect(listedFields(searchFields(variables, 'NORTHWIND')).map((f) => f.path)).toEqual(['account.name']);
  });

  it('keeps all of a variable whose name or description matches', () => {
    expect(listedFields(searchFields(variables, 'signal')).map((f) => f.path)).toEqual(['signal.type']);
    expect(searchFields(variables, 'task is about')[0]!.fields).toHaveLength(3);
  });

  it('finds nothing when a word matches nowhere', () => {
    expect(searchFields(variables, 'name zebra')).toEqual([]);
  });
});
