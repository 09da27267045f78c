import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Page } from '../../../components/Page';
import { Form, FormError, OneTimeCodeField, TextField } from '../../../components/fields';
import { useForm, type Errors } from '../../../components/useForm';
import { t } from '../../../i18n';
import { cleanCode, validateCode } from '../../../lib/formChecks';
import { loginReasonStore, type User } from '../../../lib/session';
import { useStore } from '../../../lib/store';
import { login, verifySecondFactor } from '../api/session';

interface LoginPageProps {
  onLoggedIn: (user: User) => void;
  /** The enrolment in two-step sign-in that a role may require before its first login ends. */
  enrolment: (onDone: () => void) => ComponentChildren;
}

export function LoginPage({ onLoggedIn, enrolment }: LoginPageProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  // After the password: the TOTP code of this login, or the enrolment the role requires.
  const [pending, setPending] = useState<{ user: User; step: 'code' | 'enrol' } | null>(null);
  const reason = useStore(loginReasonStore);
  const form = useForm();

  const validate = (): Errors => {
    const errors: Errors = {};
    if (!username.trim()) errors.username = t('fieldError.required');
    if (!password) errors.password = t('fieldError.required');
    return errors;
  };

  const onSubmit = () => {
    void form.submit(validate, async () => {
      const session = await login(username.trim(), password);
      loginReasonStore.set(null);
      if (session.second_factor === 'ok') onLoggedIn(session.user);
      else setPending({ user: session.user, step: session.second_factor === 'pending' ? 'code' : 'enrol' });
    });
  };

  const onCode = () => {
    const typed = cleanCode(code);
    void form.submit(
      () => validateCode(typed),
      async () => onLoggedIn(await verifySecondFactor(typed)),
    );
  };

  if (pending?.step === 'enrol') {
    return (
      <div class="login">
        <Page title={t('login.title')}>
          <p>{t('totp.enrolRequired')}</p>
          {enrolment(() => onLoggedIn(pending.user))}
        </Page>
      </div>
    );
  }
  if (pending?.step === 'code') {
    return (
      <div class="login">
        <Page title={t('login.title')}>
          <p>{t('totp.codeIntro')}</p>
          <Form form={form} onSubmit={onCode}>
            <FormError message={form.formError} />
            <OneTimeCodeField label={t('totp.code')} value={code} onValue={setCode} error={form.errors.code} />
            <button type="submit" class="button">
              {t('login.submit')}
            </button>
          </Form>
        </Page>
      </div>
    );
  }

  const notice =
    reason === 'session_expired'
      ? t('problem.session_expired')
      : reason === 'logged_out'
        ? t('login.loggedOut')
        : null;

  return (
    <div class="login">
      <Page title={t('login.title')}>
        <p>{t('login.intro')}</p>
        {notice && !form.formError && <p class="notice">{notice}</p>}
        <Form form={form} onSubmit={onSubmit}>
          <FormError message={form.formError} />
          <TextField
            path="username"
            label={t('login.username')}
            value={username}
            onValue={setUsername}
            autoComplete="username"
            required
            error={form.errors.username}
          />
          <TextField
            path="password"
            label={t('login.password')}
            type="password"
            value={password}
            onValue={setPassword}
            autoComplete="current-password"
            required
            error={form.errors.password}
          />
          <button type="submit" class="button">
            {t('login.submit')}
          </button>
        </Form>
      </Page>
    </div>
  );
}
