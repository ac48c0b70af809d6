import type { components } from '../../api/schema';

export type TemplateUsage = components['schemas']['TemplateUsage'];

export interface UsageGroup {
  playbookId: string;
  playbookName: string;
  /** "Published v3", "Draft v4": the versions of this playbook that use the template, newest first. */
  versions: string[];
  steps: { nodeId: string; label: string; versions: string[]; href: string }[];
}

/** "CreateTask" → "Create task", as the designer names the activity. */
export function activityLabel(type: string): string {
  const words = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The designer at that step: /playbooks/:id?node=… selects it and brings it into view. */
export function designerLink(playbookId: string, nodeId: string): string {
  return `/playbooks/${encodeURIComponent(playbookId)}?node=${encodeURIComponent(nodeId)}`;
}

/** The usages by playbook, then by step, a step listed once with every version (published, draft) it is in. */
export function groupUsages(usages: TemplateUsage[]): UsageGroup[] {
  const groups = new Map<string, UsageGroup>();
  for (const u of usages) {
    const version = `${u.status} v${u.version}`;
    const group = groups.get(u.playbookId) ?? { playbookId: u.playbookId, playbookName: u.playbookName, versions: [], steps: [] };
    groups.set(u.playbookId, group);
    if (!group.versions.includes(version)) group.versions.push(version);
    const step = group.steps.find((s) => s.nodeId === u.nodeId);
    if (step) {
      if (!step.versions.includes(version)) step.versions.push(version);
    } else {
      group.steps.push({ nodeId: u.nodeId, label: activityLabel(u.nodeType), versions: [version], href: designerLink(u.playbookId, u.nodeId) });
    }
  }
  return [...groups.values()];
}
