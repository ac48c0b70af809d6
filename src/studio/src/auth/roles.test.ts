import { describe, expect, it } from 'vitest';
import { areasFor, homeFor, mayEdit, mayOpen } from './roles';

describe('roles', () => {
  it('lets managers read templates but only ops and admins edit them, as the API does', () => {
    expect(mayOpen('manager', 'templates')).toBe(true);
    expect(mayEdit('manager', 'templates')).toBe(false);
    expect(mayEdit('ops', 'templates')).toBe(true);
    expect(mayEdit('Admin', 'templates')).toBe(true);
  });

  it('shows reps none of the templates', () => {
    expect(mayOpen('rep', 'templates')).toBe(false);
    expect(mayEdit('rep', 'templates')).toBe(false);
    expect(areasFor('rep')).toEqual(['inbox', 'accounts']); // every role reads accounts
  });

  it('still lands managers on their playbooks', () => {
    expect(homeFor('manager')).toBe('/playbooks');
  });

  it('opens the tier review to managers and admins, who decide proposals, and not to ops or reps', () => {
    expect(mayOpen('manager', 'review')).toBe(true);
    expect(mayOpen('admin', 'review')).toBe(true);
    expect(mayOpen('ops', 'review')).toBe(false);
    expect(mayOpen('rep', 'review')).toBe(false);
  });

  it('lets whoever opens an area without an editor list edit it', () => {
    expect(mayEdit('manager', 'playbooks')).toBe(true);
  });
});
