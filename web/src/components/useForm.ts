import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { ApiError } from '../lib/api';
import { errorMessage, fieldErrorMessage } from '../lib/messages';
import { fieldId, normalizeFieldPath } from './fieldPath';

export type Errors = Record<string, string>;

export interface FormController {
  errors: Errors;
  formError: string | null;
  busy: boolean;
  formRef: { current: HTMLFormElement | null };
  /** Pass to `<FieldScope.Provider value=…>` around the form's fields. */
  scope: string;
  /** Validates in the browser first; sends only when that passes; maps server errors to fields. */
  submit(validate: () => Errors, send: () => Promise<void>): Promise<void>;
  clear(): void;
}

/**
 * Submission state of one form. After a failed attempt the first invalid control gets focus, so
 * keyboard and screen reader users land on the problem.
 */
export function useForm(scope = ''): FormController {
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusSeq, setFocusSeq] = useState(0);
  const formRef = useRef<HTMLFormElement | null>(null);

  useEffect(() => {
    if (focusSeq === 0 || !formRef.current) return;
    const invalid = formRef.current.querySelector<HTMLElement>('[aria-invalid="true"]');
    const alert = formRef.current.querySelector<HTMLElement>('.form-error');
    (invalid ?? alert)?.focus();
  }, [focusSeq]);

  const fail = (fieldErrors: Errors, message: string) => {
    setErrors(fieldErrors);
    setFormError(message);
    setFocusSeq((n) => n + 1);
  };

  return {
    errors,
    formError,
    busy,
    formRef,
    scope,
    clear() {
      setErrors({});
      setFormError(null);
    },
    async submit(validate, send) {
      if (busy) return;
      const found = validate();
      const count = Object.keys(found).length;
      if (count > 0) {
        fail(found, t('form.invalid', { count }));
        return;
      }
      setErrors({});
      setFormError(null);
      setBusy(true);
      try {
        await send();
      } catch (error) {
        // A lost session sends the user to the login page; nothing to show on this form.
        if (error instanceof ApiError && (error.code === 'unauthenticated' || error.code === 'session_expired')) return;
        const mapped: Errors = {};
        const unplaced: string[] = [];
        if (error instanceof ApiError) {
          for (const fe of error.fieldErrors) {
            const path = normalizeFieldPath(fe.field);
            const message = fieldErrorMessage(fe);
            if (document.getElementById(fieldId(path, scope))) mapped[path] = message;
            else unplaced.push(`${fe.field}: ${message}`);
          }
        }
        const count = Object.keys(mapped).length;
        const headline =
          error instanceof ApiError && error.code === 'validation_failed' && count > 0
            ? t('form.invalid', { count: count + unplaced.length })
            : errorMessage(error);
        fail(mapped, [headline, ...unplaced].join(' '));
      } finally {
        setBusy(false);
      }
    },
  };
}
