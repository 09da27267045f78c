import { useState } from 'preact/hooks';
import { Page } from '../../../components/Page';
import {Form, FormError, TextField } from '../../../components/fields';
import { useForm, type Errors } from '../../../components/useForm';
import { t } from '../../../i18n';
import { loginReasonStore, type User } from '../../../lib/session';
import { useStore } from '../../../lib/store';
import { login } from '../api/session';

interface LoginPageProps {
  onLoggedIn: (user: User) => void;
}

export function LoginPage({ onLoggedIn }: LoginPageProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
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
      const user = await login(username.trim(), password);
      loginReasonStore.set(null);
      onLoggedIn(user);
    });
  };

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
