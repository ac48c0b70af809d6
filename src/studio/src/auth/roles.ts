/** The Studio's areas and who may open them; the server enforces the same roles on every call. */
export type Area = 'playbooks' | 'rules' | 'templates' | 'inbox' | 'team' | 'admin';

const areasByRole: Record<string, Area[]> = {
  admin: ['playbooks', 'rules', 'templates', 'inbox', 'team', 'admin'],
  manager: ['playbooks', 'inbox', 'team'],
  ops: ['rules', 'templates'],
  rep: ['inbox'],
};

export function areasFor(role: string): Area[] {
  return areasByRole[role.toLowerCase()] ?? [];
}

export function mayOpen(role: string, area: Area): boolean {
  return areasFor(role).includes(area);
}

/** Where a person lands after signing in: their first area, or the welcome page. */
export function homeFor(role: string): string {
  const first = areasFor(role)[0];
  return first ? `/${first}` : '/welcome';
}
