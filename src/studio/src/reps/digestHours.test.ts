import { describe, expect, it } from 'vitest';
import { addressField, digestHours } from './digestHours';

describe('notification settings helpers', () => {
  it('offers every hour of the day as HH:00', () => {
    expect(digestHours).toHaveLength(24);
    expect(digestHours[8]).toEqual({ value: '8', label: '08:00' });
    expect(digestHours[23]!.label).toBe('23:00');
  });

  it('asks Slack channels for a member id and others for an e-mail', () => {
    expect(addressField('slack').placeholder).toBe('U0123ABCD');
    expect(addressField('json').label).toContain('e-mail');
    expect(addressField(undefined).label).toContain('e-mail');
  });
});
