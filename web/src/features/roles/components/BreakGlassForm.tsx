import { useState } from 'preact/hooks';
import { Form, FormError, TextArea } from '../../../components/fields';
import { useForm, type Errors } from '../../../components/useForm';
import { t } from '../../../i18n';
import { MAX } from '../../../lib/limits';
import { announce } from '../../../lib/status';
import { breakGlass } from '../api/roles';

/** On a case the user cannot see: ask for emergency access with a reason, then load the case. */
export function BreakGlassForm({ caseId, onGranted }: { caseId: number; onGranted: () => void }) {
  const [reason, setReason] = useState('');
  const form = useForm(`break-glass-${caseId}`);

  const onSubmit = () => {
    void form.submit(
      (): Errors => (reason.trim() ? {} : { reason: t('breakGlass.reasonRequired') }),
      async () => {
        await breakGlass(caseId, reason.trim());
        announce(t('breakGlass.granted'));
        onGranted();
      },
    );
  };

  return (
    <section class="panel panel--accent" aria-labelledby="break-glass-title">
      <h2 id="break-glass-title">{t('breakGlass.title')}</h2>
      <p>{t('breakGlass.intro')}</p>
      <Form form={form} onSubmit={onSubmit}>
        <FormError message={form.formError} />
        <TextArea
          path="reason"
          label={t('breakGlass.reason')}
          required
          rows={3}
          maxLength={MAX.short}
          value={reason}
          onValue={setReason}
          error={form.errors.reason}
        />
        <button type="submit" class="button">
          {form.busy ? t('form.sending') : t('breakGlass.submit')}
        </button>
      </Form>
    </section>
  );
}
