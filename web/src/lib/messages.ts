import { hasKey, t } from '../i18n';
import { ApiError, type FieldError } from './api';

/** A user-facing sentence for any error thrown by the API client. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return t('problem.unknown', { status: '?' });
  if (error.code === 'rate_limited') {
    return error.retryAfter !== null && error.retryAfter > 0
      ? t('problem.rate_limited', { minutes: Math.max(1, Math.ceil(error.retryAfter / 60)) })
      : t('problem.rate_limited_soon');
  }
  const key = `problem.${error.code}`;
  if (hasKey(key)) return t(key);
  return error.message && error.message !== error.code ? error.message : t('problem.unknown', { status: error.status });
}

/** A user-facing sentence for one field error, whether it came from the server or the browser. */
export function fieldErrorMessage(error: Pick<FieldError, 'code' | 'message'>): string {
  if (error.code === 'too_long') return t('fieldError.too_long_server');
  const key = `fieldError.${error.code}`;
  if (hasKey(key)) return t(key);
  return error.message || t('fieldError.invalid_type');
}
