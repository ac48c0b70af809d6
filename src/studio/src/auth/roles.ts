/** The Studio's areas and who may open them; the server enforces the same roles on every call. */
export type Area = 'playbooks' | 'rules' | 'templates' | 'inbox' | 'team' | 'review' | 'dashboard' | 'accounts' | 'admin';

const areasByRole: Record<string, Area[]> = {
  admin: ['playbooks', 'rules', 'templates', 'inbox', 'team', 'review', 'dashboard', 'admin'],
  manager: ['playbooks', 'inbox', 'team', 'review', 'templates', 'dashboard'],
  ops: ['rules', 'templates', 'dashboard'],
  rep: ['inbox'],
};

export function areasFor(role: string): Area[] {
  const areas = areasByRole[role.toLowerCase()];
  return areas ? [...areas, 'accounts'] : []; // every role reads accounts (the API's AnyRole policy)
}

export function mayOpen(role: string, area: Area): boolean {
  return areasFor(role).includes(area);
}

// Who may change what an area shows, where that is fewer than who may open it: managers read templates (the
// playbooks they design render them) but only ops and admins save them.
const editorsByArea: Partial<Record<Area, string[]>> = { templates: ['admin', 'ops'] };

export function mayEdit(role: string, area: Area): boolean {
  return mayOpen(role, area) && (editorsByArea[area]?.includes(role.toLowerCase()) ?? true);
}

/** Where a person lands after signing in: their first area, or the welcome page. */
export function homeFor(role: string): string {
  const first = areasFor(role)[0];
  return first ? `/${first}` : '/welcome';
}
