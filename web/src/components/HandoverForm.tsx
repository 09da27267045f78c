import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { validateHandover } from '../lib/formChecks';
import { MAX } from '../lib/limits';
import type { PersonRef } from '../lib/records';
import { announce } from '../lib/status';
import { handOver } from '../lib/teams';
import { SubmitButton } from './CaseFields';
import { Form, FormError, SelectField, TextArea } from './fields';
import { useForm } from './useForm';

interface HandoverFormProps<Case> {
  caseId: number;
  assigned: PersonRef[];
  /** The colleagues of the team the case can go to (not already assigned). */
  colleagues: PersonRef[];
  /** Prefix of the form's field ids, unique on the page. */
  scope: string;
  label?: string;
  hint?: string;
  noteRows: number;
  /** What the status line announces after the handover. */
  saved: string;
  onHandedOver: (updated: Case) => void;
}

/** Hands a case from one assigned worker to a colleague, with a note (case page and agenda). */
export function HandoverForm<Case extends { assigned_workers: PersonRef[] }>(props: HandoverFormProps<Case>) {
  const only = (workers: PersonRef[]) => (workers.length === 1 ? String(workers[0]!.id) : '');
  const [from, setFrom] = useState(only(props.assigned));
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const form = useForm(props.scope);
  const choose = { value: '', label: t('handover.choose') };

  const onSubmit = () =>
    void form.submit(
      () => validateHandover(from, to, note),
      async () => {
        const updated = await handOver<Case>(props.caseId, {
          from_user_id: Number(from),
          to_user_id: Number(to),
          note: note.trim(),
        });
        announce(props.saved);
        setFrom(only(updated.assigned_workers));
        setTo('');
        setNote('');
        props.onHandedOver(updated);
      },
    );

  return (
    <Form form={form} onSubmit={onSubmit} label={props.label}>
      <FormError message={form.formError} />
      <SelectField
        path="from_user_id"
        label={t('handover.from')}
        required
        value={from}
        options={[choose, ...props.assigned.map((w) => ({ value: String(w.id), label: w.display_name }))]}
        onValue={setFrom}
        error={form.errors.from_user_id}
      />
      <SelectField
        path="to_user_id"
        label={t('handover.to')}
        required
        value={to}
        options={[choose, ...props.colleagues.map((m) => ({ value: String(m.id), label: m.display_name }))]}
        onValue={setTo}
        error={form.errors.to_user_id}
      />
      <TextArea
        path="note"
        label={t('handover.note')}
        hint={props.hint}
        required
        rows={props.noteRows}
        maxLength={MAX.long}
        value={note}
        onValue={setNote}
        error={form.errors.note}
      />
      <SubmitButton form={form} label={t('handover.submit')} />
    </Form>
  );
}
