import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, api, onUnauthorized, query, setCsrfToken } from './api';

type Call = { url: string; init: RequestInit };

const realFetch = globalThis.fetch;

/** Replaces fetch with one that records its calls and always gives this answer. */
function answerWith(status: number, body: unknown, headers: Record<string, string> = {}): Call[] {
  const calls: Call[] = [];
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const text = body === undefined ? null : JSON.stringify(body);
    return new Response(text, { status, headers });
  }) as typeof fetch;
  return calls;
}

describe('api client', () => {
  beforeEach(() => setCsrfToken(null));
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('sends the CSRF token on state-changing requests only', async () => {
    setCsrfToken('tok-1');
    const calls = answerWith(201, { id: 1 });
    await api.post('/signals', { a: 1 });
    await api.get('/signals');
    const postHeaders = calls[0]!.init.headers as Record<string, string>;
    const getHeaders = calls[1]!.init.headers as Record<string, string>;
    expect(calls[0]!.url).toBe('/api/v1/signals');
    expect(postHeaders['X-CSRF-Token']).toBe('tok-1');
    expect(postHeaders['Content-Type']).toBe('application/json');
    expect(calls[0]!.init.credentials).toBe('same-origin');
    expect(getHeaders['X-CSRF-Token']).toBeUndefined();
  });

  it('turns problem+json into an ApiError with field errors', async () => {
    answerWith(422, {
      code: 'validation_failed',
      detail: '1 field is invalid',
      errors: [{ field: 'person.date_of_birth', code: 'invalid_date', message: 'no such date' }],
    });
    const error = await api.post('/signals', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(422);
    expect(apiError.code).toBe('validation_failed');
    expect(apiError.fieldErrors).toEqual([
      { field: 'person.date_of_birth', code: 'invalid_date', message: 'no such date' },
    ]);
  });

  it('reads Retry-After on rate limiting', async () => {
    answerWith(429, { code: 'rate_limited' }, { 'Retry-After': '600' });
    const error = (await api.post('/session', {}, { redirectOn401: false }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfter).toBe(600);
  });

  it('hands a 401 to the unauthorized handler unless told not to', async () => {
    const seen: string[] = [];
    onUnauthorized((code) => seen.push(code));
    answerWith(401, { code: 'session_expired' });
    await api.get('/cases').catch(() => undefined);
    answerWith(401, { code: 'invalid_credentials' });
    await api.post('/session', {}, { redirectOn401: false }).catch(() => undefined);
    expect(seen).toEqual(['session_expired']);
  });

  it('returns nothing for 204 and reports network failures as code network', async () => {
    answerWith(204, undefined);
    await expect(api.del('/session')).resolves.toBeUndefined();
    globalThis.fetch = (async () => {
      throw new TypeError('offline');
    }) as typeof fetch;
    await expect(api.get('/cases')).rejects.toMatchObject({ code: 'network', status: 0 });
  });

  it('builds query strings without empty values', () => {
    expect(query({ status: 'open', sort: '', limit: 50, x: null })).toBe('?status=open&limit=50');
    expect(query({})).toBe('');
  });
});
