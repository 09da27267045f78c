import { useState } from 'preact/hooks';
import { SubmitButton } from '../../../components/CaseFields';
import { Form, FormError, SelectField, TextArea } from '../../../components/fields';
import { useForm } from '../../../components/useForm';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n';
import { formatTimestampDate } from '../../../lib/format';
import { MAX } from '../../../lib/limits';
import { announce } from '../../../lib/status';
import { teamMembers } from '../../../lib/teams';
import { handOver, type TrajectoryCase } from '../api/trajectory';
import { validateHandover } from '../logic';

function History({ c }: { c: TrajectoryCase }) {
  return (
    <>
      <h3>{t('handover.history')}</h3>
      <ol class="trail">
        {c.assignment_history.map((a, i) => (
          <li key={i} class="history-item">
            <p class="history-title">
              <strong>{a.user.display_name}</strong>{' '}
              {a.unassigned_at
                ? t('handover.until', { from: formatTimestampDate(a.assigned_at), to: formatTimestampDate(a.unassigned_at) })
                : t('handover.since', { from: formatTimestampDate(a.assigned_at) })}
            </p>
            {a.note && <p class="history-text">{a.note}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}

/** Hands the case from one assigned worker to a colleague of the team, with a note. */
export function HandoverForm({ c, onHandedOver }: { c: TrajectoryCase; onHandedOver: (updated: TrajectoryCase) => void }) {
  const members = useLoad(() => teamMembers(c.team_id), String(c.team_id));
  const [from, setFrom] = useState(c.assigned_workers.length === 1 ? String(c.assigned_workers[0]!.id) : '');
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const form = useForm('handover');
  const assigned = new Set(c.assigned_workers.map((w) => w.id));
  const colleagues = (members.data?.items ?? []).filter(
    (m) => (m.role === 'outreacher' || m.role === 'team_lead') && !assigned.has(m.id),
  );
  const choose = { value: '', label: t('handover.choose') };

  const onSubmit = () => {
    void form.submit(
      () => validateHandover(from, to, note),
      async () => {
        const updated = await handOver(c.id, { from_user_id: Number(from), to_user_id: Number(to), note: note.trim() });
        announce(t('handover.saved'));
        setTo('');
        setNote('');
        setFrom(updated.assigned_workers.length === 1 ? String(updated.assigned_workers[0]!.id) : '');
        onHandedOver(updated);
      },
    );
  };

  return (
    <section class="panel" aria-labelledby="c-handover">
      <h2 id="c-handover">{t('handover.title')}</h2>
      {c.status === 'open' &&
        (colleagues.length === 0 && !members.loading ? (
          <p class="notice">{t('handover.noColleagues')}</p>
        ) : (
          <Form form={form} onSubmit={onSubmit}>
            <FormError message={form.formError} />
            <SelectField
              path="from_user_id"
              label={t('handover.from')}
              required
              value={from}
              options={[choose, ...c.assigned_workers.map((w) => ({ value: String(w.id), label: w.display_name }))]}
              onValue={setFrom}
              error={form.errors.from_user_id}
            />
            <SelectField
              path="to_user_id"
              label={t('handover.to')}
              required
              value={to}
              options={[choose, ...colleagues.map((m) => ({ value: String(m.id), label: m.display_name }))]}
              onValue={setTo}
              error={form.errors.to_user_id}
            />
            <TextArea
              path="note"
              label={t('handover.note')}
              hint={t('handover.noteHint')}
              required
              rows={3}
              maxLength={MAX.long}
              value={note}
              onValue={setNote}
              error={form.errors.note}
            />
            <SubmitButton form={form} label={t('handover.submit')} />
          </Form>
        ))}
      <History c={c} />
    </section>
  );
}
