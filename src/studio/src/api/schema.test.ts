// @vitest-environment node
import { readFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';

// The server's document (openapi.json) is checked against the running server by a .NET test
// (OpenApiDocumentIsCommitted); this one checks the types the Studio compiles against were generated from it.
describe('generated API types', () => {
  it('match openapi.json (run `npm run gen:api` when this fails)', async () => {
    const document = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8')) as Parameters<typeof openapiTS>[0];
    const expected = astToString(await openapiTS(document));
    const committed = readFileSync(new URL('./schema.d.ts', import.meta.url), 'utf8');
    expect(committed.slice(committed.indexOf('export interface paths'))).toBe(expected.slice(expected.indexOf('export interface paths')));
  }, 30_000);
});
