import { describe, expect, it } from 'vitest';
import { api, csrfHeader } from './client';

describe('api client', () => {
  it('sends the CSRF header the server requires for cookie-authenticated changes', async () => {
    let sent: Request | undefined;
    await api.POST('/api/auth/logout', {
      fetch: async (request: Request) => {
        sent = request;
        return new Response(null, { status: 204 });
      },
    });
    expect(sent?.headers.get(csrfHeader.name)).toBe(csrfHeader.value);
  });
});
