import { useState } from 'preact/hooks';
import { Form, FormError, SelectField, TextArea } from '../../../components/fields';
import { useForm } from '../../../components/useForm';
import { t } from '../../../i18n';
import type { CasePhase } from '../../../lib/enums';
import { enumOptions } from '../../../lib/labels';
import { MAX } from '../../../lib/limits';
import { announce } from '../../../lib/status';
import type { Case } from '../../../lib/records';
import { reopenCase } from '../api/cases';
import { validateReopen } from '../contact-form';

export function ReopenForm({ caseId, onReopened }: { caseId: number; onReopened: (updated: Case) => void }) {
  const [reason, setReason] = useState('');
  const [phase, setPhase] = useState<CasePhase>('making_contact');
  const form = useForm('reopen');
  // A case reopens into any phase but closed.
  const phases = enumOptions('phase').filter((o) => o.value !== 'closed');

  const onSubmit = () => {
    void form.submit(
      () => validateReopen(reason),
      async () => {
        const updated = await reopenCase(caseId, reason.trim(), phase);
        announce(t('reopenForm.saved'));
        setReason('');
        onReopened(updated);
      },
    );
  };

  return (
    <section class="panel panel--accent" aria-labelledby="reopen-title">
      <h2 id="reopen-title">{t('reopenForm.title')}</h2>
      <Form form={form} onSubmit={onSubmit}>
        <FormError message={form.formError} />
        <TextArea
          path="reason"
          label={t('reopenForm.reason')}
          required
          rows={2}
          maxLength={MAX.short}
          value={reason}
          onValue={setReason}
          error={form.errors.reason}
        />
        <SelectField
          path="phase"
          label={t('reopenForm.phase')}
          value={phase}
          options={phases}
          onValue={setPhase}
          error={form.errors.phase}
        />
        <button type="submit" class="button">
          {form.busy ? t('form.sending') : t('reopenForm.submit')}
        </button>
      </Form>
    </section>
  );
}
