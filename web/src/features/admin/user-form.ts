import type { Errors } from '../../components/useForm';
import { t } from '../../i18n';
import { MAX, USERNAME_RE } from '../../lib/limits';

/** Pure checks for the admin forms (docs/api.md: username 3–64 of [a-z0-9._-], password 12–200). */

export function usernameError(username: string): string | null {
  if (!username) return t('fieldError.required');
  if (username.length < MAX.usernameMin || username.length > MAX.usernameMax || !USERNAME_RE.test(username)) {
    return t('fieldError.usernameFormat');
  }
  return null;
}

export function passwordError(password: string, required: boolean): string | null {
  if (!password) return required ? t('fieldError.required') : null;
  if (password.length < MAX.passwordMin || password.length > MAX.passwordMax) return t('fieldError.passwordLength');
  return null;
}

export function displayNameError(name: string): string | null {
  if (!name.trim()) return t('fieldError.required');
  if (name.length > MAX.name) return t('fieldError.too_long', { max: MAX.name });
  return null;
}

export function collect(entries: Record<string, string | null>): Errors {
  const errors: Errors = {};
  for (const [field, message] of Object.entries(entries)) if (message) errors[field] = message;
  return errors;
}
