import { useState } from 'preact/hooks';
import { chooseOption, OutcomeFields, SubmitButton, useOutcomeDraft } from '../../../components/CaseFields';
import { Form, FormError, SelectField, TextField } from '../../../components/fields';
import { useForm } from '../../../components/useForm';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n';
import type { CheckInOutcome } from '../../../lib/enums';
import { formatDate } from '../../../lib/format';
import { validateOutcome } from '../../../lib/formChecks';
import { label } from '../../../lib/labels';
import { announce } from '../../../lib/status';
import type { Case, CheckIn } from '../../../lib/records';
import { teamMembers } from '../../../lib/teams';
import { recordCheckInOutcome, reopenToMakingContact, scheduleCheckIn } from '../api/monitoring';
import { canScheduleCheckIn, offerReopen, validateCheckIn } from '../logic';

function ScheduleForm({ c, onChanged }: { c: Case; onChanged: () => void }) {
  const members = useLoad(() => teamMembers(c.team_id), String(c.team_id));
  const [plannedOn, setPlannedOn] = useState('');
  const [worker, setWorker] = useState(c.assigned_workers.length > 0 ? String(c.assigned_workers[0]!.id) : '');
  const form = useForm('check-in');
  const workers = (members.data?.items ?? []).filter((m) => m.role === 'outreacher' || m.role === 'team_lead');

  const onSubmit = () => {
    void form.submit(
      () => validateCheckIn(plannedOn, worker),
      async () => {
        await scheduleCheckIn(c.id, { planned_on: plannedOn, worker_id: Number(worker) });
        announce(t('monitoring.scheduled'));
        setPlannedOn('');
        onChanged();
      },
    );
  };

  return (
    <Form form={form} onSubmit={onSubmit}>
      <FormError message={form.formError} />
      <TextField
        path="planned_on"
        label={t('monitoring.plannedOn')}
        type="date"
        required
        width="medium"
        value={plannedOn}
        onValue={setPlannedOn}
        error={form.errors.planned_on}
      />
      <SelectField
        path="worker_id"
        label={t('monitoring.worker')}
        required
        value={worker}
        options={[
          chooseOption(),
          ...workers.map((m) => ({ value: String(m.id), label: m.display_name })),
        ]}
        onValue={setWorker}
        error={form.errors.worker_id}
      />
      <SubmitButton form={form} label={t('monitoring.schedule')} />
    </Form>
  );
}

function OutcomeForm({ checkIn, onChanged }: { checkIn: CheckIn; onChanged: () => void }) {
  const draft = useOutcomeDraft();
  const { doneOn, outcome, note } = draft;
  const form = useForm(`check-in-${checkIn.id}`);

  const onSubmit = () => {
    void form.submit(
      () => validateOutcome(doneOn, outcome, note),
      async () => {
        await recordCheckInOutcome(checkIn.case_id, checkIn.id, {
          done_on: doneOn,
          outcome: outcome as CheckInOutcome,
          note: note.trim(),
        });
        announce(t('monitoring.recorded'));
        onChanged();
      },
    );
  };

  return (
    <Form form={form} onSubmit={onSubmit}>
      <FormError message={form.formError} />
      <OutcomeFields draft={draft} errors={form.errors} />
      <SubmitButton form={form} label={t('monitoring.record')} secondary />
    </Form>
  );
}

function ReopenSuggestion({ c, onReopened }: { c: Case; onReopened: (updated: Case) => void }) {
  const form = useForm('reopen-suggestion');
  const onSubmit = () => {
    void form.submit(
      () => ({}),
      async () => {
        const updated = await reopenToMakingContact(c, t('monitoring.reopenReason'));
        announce(t('monitoring.reopened'));
        onReopened(updated);
      },
    );
  };
  return (
    <Form form={form} onSubmit={onSubmit}>
      <FormError message={form.formError} />
      <p class="notice">{t('monitoring.suggestReopen')}</p>
      <SubmitButton form={form} label={t('monitoring.reopen')} />
    </Form>
  );
}

/** Monitoring (cliënt volgen): check-ins with their outcomes, and the offer to reopen. */
export function MonitoringSection({
  c,
  checkIns,
  onChanged,
  onReopened,
}: {
  c: Case;
  checkIns: CheckIn[];
  onChanged: () => void;
  onReopened: (updated: Case) => void;
}) {
  const schedulable = canScheduleCheckIn(c.phase, c.status);
  return (
    <section class="panel" aria-labelledby="c-monitoring">
      <h2 id="c-monitoring">{t('monitoring.title')}</h2>
      {offerReopen(checkIns, c.phase, c.status) && <ReopenSuggestion c={c} onReopened={onReopened} />}
      {checkIns.length === 0 ? (
        <p>{t('monitoring.empty')}</p>
      ) : (
        <ol class="trail">
          {checkIns.map((ci) => (
            <li key={ci.id} class="history-item">
              <p class="history-title">
                <strong>{t('monitoring.item', { date: formatDate(ci.planned_on), worker: ci.worker.display_name })}</strong>
              </p>
              {ci.outcome ? (
                <>
                  <p class="history-text">
                    {t('monitoring.result', {
                      outcome: label('checkInOutcome', ci.outcome),
                      date: formatDate(ci.done_on),
                    })}
                  </p>
                  {ci.note && <p class="history-text">{ci.note}</p>}
                </>
              ) : (
                <OutcomeForm checkIn={ci} onChanged={onChanged} />
              )}
            </li>
          ))}
        </ol>
      )}
      {schedulable ? <ScheduleForm c={c} onChanged={onChanged} /> : <p class="meta">{t('monitoring.notYet')}</p>}
    </section>
  );
}
