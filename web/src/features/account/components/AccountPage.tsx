import { useState } from 'preact/hooks';
import { LoadState } from '../../../components/LoadState';
import { Page } from '../../../components/Page';
import { Form, FormError, OneTimeCodeField } from '../../../components/fields';
import { useForm } from '../../../components/useForm';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n';
import { cleanCode, validateCode } from '../../../lib/formChecks';
import { announce } from '../../../lib/status';
import { disableTotp, totpStatus } from '../api/totp';
import { TotpEnrolment } from './TotpEnrolment';

/** The user's own account: two-factor login on or off. */
export function AccountPage() {
  const status = useLoad(() => totpStatus(), 'totp');
  const [enrolling, setEnrolling] = useState(false);
  const [code, setCode] = useState('');
  const form = useForm('totp-off');

  if (!status.data) return <Page title={t('account.title')}><LoadState loading={status.loading} error={status.error} /></Page>;
  const { enabled, required } = status.data;

  const onDisable = () => {
    const typed = cleanCode(code);
    void form.submit(
      () => validateCode(typed),
      async () => {
        await disableTotp(typed);
        setCode('');
        announce(t('totp.disabled'));
        status.reload();
      },
    );
  };

  return (
    <Page title={t('account.title')}>
      <h2>{t('totp.title')}</h2>
      <p>{enabled ? t('totp.isOn') : t('totp.isOff')}</p>
      {required && <p>{t('totp.requiredForRole')}</p>}
      {!enabled && !enrolling && (
        <button type="button" class="button" onClick={() => setEnrolling(true)}>
          {t('totp.enable')}
        </button>
      )}
      {!enabled && enrolling && (
        <TotpEnrolment
          onDone={() => {
            setEnrolling(false);
            announce(t('totp.enabled'));
            status.reload();
          }}
        />
      )}
      {enabled && !required && (
        <Form form={form} onSubmit={onDisable}>
          <FormError message={form.formError} />
          <OneTimeCodeField label={t('totp.codeToDisable')} value={code} onValue={setCode} error={form.errors.code} />
          <button type="submit" class="button button--secondary">
            {t('totp.disable')}
          </button>
        </Form>
      )}
    </Page>
  );
}
