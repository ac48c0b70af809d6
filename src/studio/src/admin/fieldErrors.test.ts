import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import { fieldErrors } from './fieldErrors';

describe('field errors from the server', () => {
  const problem = new ApiError(400, {
    title: 'The request has invalid fields',
    errors: { email: ['another rep already has email x@y.z'], TimeZone: ['\'Mars\' is not a time zone'], 'territories[1]': ['too long'], weird: ['?'] },
  });

  it('puts each message on the form field it names', () => {
    expect(fieldErrors(problem, ['email', 'timeZone', 'territories']).fields).toEqual({
      email: 'another rep already has email x@y.z', timeZone: '\'Mars\' is not a time zone', territories: 'too long',
    });
  });

  it('keeps messages for fields the form does not show', () => {
    expect(fieldErrors(problem, ['email']).other).toEqual(['TimeZone: \'Mars\' is not a time zone', 'territories[1]: too long', 'weird: ?']);
  });

  it('has nothing to say about other errors', () => {
    expect(fieldErrors(new Error('offline'), ['email'])).toEqual({ fields: {}, other: [] });
    expect(fieldErrors(new ApiError(409, { title: 'Conflicting change' }), ['email'])).toEqual({ fields: {}, other: [] });
  });
});
