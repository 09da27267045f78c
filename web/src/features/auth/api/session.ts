import { ApiError, api, setCsrfToken } from '../../../lib/api';
import type { SessionBody, User } from '../../../lib/session';

/**
 * POST /api/v1/session. Keeps the CSRF token for later state-changing requests. The session may
 * still need its second factor (`second_factor`).
 */
export async function login(username: string, password: string): Promise<SessionBody> {
  const body = await api.post<SessionBody>('/session', { username, password }, { redirectOn401: false });
  setCsrfToken(body.csrf_token);
  return body;
}

/** POST /api/v1/session/second-factor: the TOTP code of a pending login. */
export async function verifySecondFactor(code: string): Promise<User> {
  const body = await api.post<SessionBody>('/session/second-factor', { code }, { redirectOn401: false });
  return body.user;
}

/**
 * GET /api/v1/session: the signed-in user after a page reload, or null when there is no session
 * or its second factor is not done (the login page starts again).
 */
export async function currentSession(): Promise<User | null> {
  try {
    const body = await api.get<SessionBody>('/session', { redirectOn401: false });
    setCsrfToken(body.csrf_token);
    return body.second_factor === 'ok' ? body.user : null;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** DELETE /api/v1/session. */
export async function logout(): Promise<void> {
  try {
    await api.del<void>('/session');
  } finally {
    setCsrfToken(null);
  }
}
