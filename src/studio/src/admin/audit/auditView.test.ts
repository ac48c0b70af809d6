import { describe, expect, it } from 'vitest';
import { actorKind, changeText, fieldLabel, isAuditKind, kindName, sinceOf } from './auditView';

describe('audit log wording', () => {
  it('names fields as people say them', () => {
    expect(fieldLabel('tier1Capacity')).toBe('tier1 capacity');
    expect(fieldLabel('repId')).toBe('rep');
    expect(fieldLabel('passwordHash')).toBe('password');
    expect(fieldLabel('status')).toBe('status');
  });

  it('reads a change from before to after, and never shows a secret', () => {
    expect(changeText({ field: 'role', from: 'Rep', to: 'Manager' })).toBe('role: Rep → Manager');
    expect(changeText({ field: 'note', from: null, to: 'quarterly thresholds' })).toBe('note: quarterly thresholds');
    expect(changeText({ field: 'passwordHash', from: null, to: '(set)' })).toBe('password set');
    expect(changeText({ field: 'json', from: '(old)', to: '(changed)' })).toBe('json changed');
    expect(changeText({ field: 'managerId', from: 'rep-a', to: null })).toBe('manager: rep-a → (none)');
  });

  it('starts a time range that many hours ago', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    expect(sinceOf('day', now)).toBe('2026-11-29T12:00:00.000Z');
    expect(sinceOf('all', now)).toBeUndefined();
  });

  it('tells people, the CLI and the server apart', () => {
    expect(actorKind('ana@example.com')).toBe('person');
    expect(actorKind('cli (root)')).toBe('cli');
    expect(actorKind('system')).toBe('system');
    expect(isAuditKind('token')).toBe(true);
    expect(isAuditKind('account')).toBe(false);
    expect(kindName('ruleset')).toBe('rule set');
  });
});
