import { describe, expect, it } from 'vitest';
import { changedDraft } from './ruleDraft';

describe('changedDraft', () => {
  it('is the draft only when its text differs from the published file', () => {
    expect(changedDraft(null)).toBeNull();
    expect(changedDraft({ name: 'tiers', text: '[]', stored: '[]' })).toBeNull();
    expect(changedDraft({ name: 'tiers', text: '[1]', stored: '[]' })).toEqual({ name: 'tiers', text: '[1]', stored: '[]' });
  });
});
