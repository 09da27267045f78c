import { useState } from 'preact/hooks';
import {Form, FormError, RadioGroup, TextArea } from '../../../components/fields';
import { useForm } from '../../../components/useForm';
import { t } from '../../../i18n';
import type { ClosureReason } from '../../../lib/enums';
import { enumOptions } from '../../../lib/labels';
import { MAX } from '../../../lib/limits';
import { announce } from '../../../lib/status';
import type { Case } from '../../../lib/records';
import { closeCase } from '../api/cases';
import { validateClosure } from '../contact-form';

/** Closing is rare and weighty, so it sits folded away below the timeline. */
export function CloseForm({ caseId, onClosed }: { caseId: number; onClosed: (updated: Case) => void }) {
  const [reason, setReason] = useState<ClosureReason | ''>('');
  const [note, setNote] = useState('');
  const form = useForm('close');

  const onSubmit = () => {
    void form.submit(
      () => validateClosure(reason, note),
      async () => {
        const updated = await closeCase(caseId, { reason: reason as ClosureReason, note: note.trim() });
        announce(t('closeForm.saved'));
        onClosed(updated);
      },
    );
  };

  return (
    <details class="panel disclosure" id="c-close">
      <summary class="summary-heading">{t('closeForm.title')}</summary>
      <Form form={form} onSubmit={onSubmit}>
        <FormError message={form.formError} />
        <RadioGroup
          path="reason"
          label={t('closeForm.reason')}
          required
          value={reason}
          options={enumOptions('closureReason')}
          onValue={setReason}
          error={form.errors.reason}
        />
        <TextArea
          path="note"
          label={t('closeForm.note')}
          hint={t('closeForm.noteHint')}
          required={reason === 'other'}
          rows={3}
          maxLength={MAX.long}
          value={note}
          onValue={setNote}
          error={form.errors.note}
        />
        <button type="submit" class="button button--danger">
          {form.busy ? t('form.sending') : t('closeForm.submit')}
        </button>
      </Form>
    </details>
  );
}
