import { describe, expect, it } from 'vitest';
import { designerLink, groupUsages, type TemplateUsage } from './usageGroups';

const usage = (playbookId: string, version: number, status: string, nodeId: string, nodeType = 'CreateTask'): TemplateUsage =>
  ({ template: 'escalation', playbookId, playbookName: `Playbook ${playbookId}`, version, status, nodeId, nodeType, input: 'template' });

describe('groupUsages', () => {
  it('groups by playbook and lists a step once with each version it is in', () => {
    const groups = groupUsages([
      usage('tier1', 4, 'Draft', 'escalate', 'Escalate'), usage('tier1', 4, 'Draft', 'call'),
      usage('tier1', 3, 'Published', 'escalate', 'Escalate'), usage('tier2', 1, 'Published', 'brief'),
    ]);

    expect(groups.map((g) => [g.playbookName, g.versions])).toEqual([
      ['Playbook tier1', ['Draft v4', 'Published v3']], ['Playbook tier2', ['Published v1']],
    ]);
    expect(groups[0]!.steps).toEqual([
      { nodeId: 'escalate', label: 'Escalate', versions: ['Draft v4', 'Published v3'], href: '/playbooks/tier1?node=escalate' },
      { nodeId: 'call', label: 'Create task', versions: ['Draft v4'], href: '/playbooks/tier1?node=call' },
    ]);
  });

  it('is empty when no playbook uses the template', () => {
    expect(groupUsages([])).toEqual([]);
  });
});

describe('designerLink', () => {
  it('escapes ids', () => {
    expect(designerLink('a b', 'n/1')).toBe('/playbooks/a%20b?node=n%2F1');
  });
});
