import { api, request } from '../../../lib/api';

export interface TotpStatus {
  enabled: boolean;
  required: boolean;
}

export interface TotpEnrolment {
  secret: string;
  otpauth_uri: string;
}

/** GET /api/v1/account/totp. */
export function totpStatus() {
  return api.get<TotpStatus>('/account/totp');
}

/** POST /api/v1/account/totp: a new secret, in force once confirmed. */
export function startTotpEnrolment() {
  return api.post<TotpEnrolment>('/account/totp', {});
}

/** POST /api/v1/account/totp/confirm. */
export function confirmTotpEnrolment(code: string) {
  return api.post<{ enabled: boolean }>('/account/totp/confirm', { code });
}

/** DELETE /api/v1/account/totp with a current code. */
export function disableTotp(code: string) {
  return request<void>('DELETE', '/account/totp', { code });
}
