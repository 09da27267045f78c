import { useState } from 'preact/hooks';
import { CheckboxGroup, Form, FormError, RadioGroup, SelectField, TextArea, TextField } from '../../../components/fields';
import { useForm } from '../../../components/useForm';
import { t } from '../../../i18n';
import { todayIso } from '../../../lib/dates';
import type { CheckInOutcome, ContraIndication, Decision, Indication, ReviewDecision } from '../../../lib/enums';
import { enumOptions } from '../../../lib/labels';
import { MAX } from '../../../lib/limits';
import { announce } from '../../../lib/status';
import {
  addReview,
  decide,
  giveFeedback,
  handOver,
  recordOutcome,
  type CaseItem,
  type CheckInItem,
  type Member,
  type PersonRef,
  type SignalItem,
} from '../api/agenda';
import { validateDecision, validateFeedback, validateHandover, validateOutcome, validateReview } from '../logic';

const choose = () => ({ value: '' as const, label: t('agenda.choose') });

/** Decide a signal awaiting a decision: outreach with one or two workers, or another decision. */
export function DecideForm({ signal, members, onDone }: { signal: SignalItem; members: Member[]; onDone: () => void }) {
  const [decision, setDecision] = useState<Decision | ''>('');
  const [reason, setReason] = useState('');
  const [workerIds, setWorkerIds] = useState<string[]>([]);
  const [indications, setIndications] = useState<Indication[]>([]);
  const [contra, setContra] = useState<ContraIndication[]>([]);
  const [contraNote, setContraNote] = useState('');
  const form = useForm(`sig-${signal.id}`);
  const outreach = decision === 'outreach';

  const onSubmit = () =>
    void form.submit(
      () => validateDecision(decision, reason, workerIds, contraNote, contra.length),
      async () => {
        const result = await decide(signal.id, {
          decision: decision as Decision,
          reason: reason.trim(),
          assigned_worker_ids: outreach ? workerIds.map(Number) : [],
          indications,
          contra_indications: contra,
          contra_indication_note: outreach && contra.length > 0 ? contraNote.trim() : '',
        });
        announce(
          t(result.case_id !== null ? 'agenda.decidedWithCase' : 'agenda.decided', { name: signal.person_name }),
        );
        onDone();
      },
    );

  return (
    <Form form={form} onSubmit={onSubmit} label={t('agenda.decideFor', { name: signal.person_name })}>
      <FormError message={form.formError} />
      <RadioGroup
        path="decision"
        label={t('decisionForm.decision')}
        required
        value={decision}
        options={enumOptions('decision')}
        onValue={setDecision}
        error={form.errors.decision}
      />
      <TextArea
        path="reason"
        label={t('decisionForm.reason')}
        required
        rows={2}
        maxLength={MAX.short}
        value={reason}
        onValue={setReason}
        error={form.errors.reason}
      />
      {outreach && members.length === 0 && <p class="notice">{t('decisionForm.noWorkers')}</p>}
      {outreach && members.length > 0 && (
        <CheckboxGroup
          path="assigned_worker_ids"
          label={t('decisionForm.workers')}
          required
          values={workerIds}
          options={members.map((m) => ({ value: String(m.id), label: m.display_name }))}
          onValues={setWorkerIds}
          error={form.errors.assigned_worker_ids}
        />
      )}
      <CheckboxGroup
        path="indications"
        label={t('triage.indications')}
        values={indications}
        options={enumOptions('indication')}
        onValues={setIndications}
        error={form.errors.indications}
      />
      <CheckboxGroup
        path="contra_indications"
        label={t('triage.contraIndications')}
        values={contra}
        options={enumOptions('contraIndication')}
        onValues={setContra}
        error={form.errors.contra_indications}
      />
      {outreach && contra.length > 0 && (
        <TextArea
          path="contra_indication_note"
          label={t('triage.note')}
          required
          rows={2}
          maxLength={MAX.short}
          value={contraNote}
          onValue={setContraNote}
          error={form.errors.contra_indication_note}
        />
      )}
      <button type="submit" class="button">
        {form.busy ? t('form.sending') : t('decisionForm.submit')}
      </button>
    </Form>
  );
}

/** Record the monthly process review of a case. */
export function ReviewForm({ c, onDone }: { c: CaseItem; onDone: () => void }) {
  const [heldOn, setHeldOn] = useState(todayIso());
  const [attendees, setAttendees] = useState('');
  const [notes, setNotes] = useState('');
  const [decision, setDecision] = useState<ReviewDecision | ''>('');
  const form = useForm(`rev-${c.id}`);

  const onSubmit = () =>
    void form.submit(
      () => validateReview(heldOn, attendees, notes, decision),
      async () => {
        await addReview(c.id, {
          held_on: heldOn,
          attendees: attendees.trim(),
          notes: notes.trim(),
          decision: decision as ReviewDecision,
        });
        const saved = t('agenda.reviewed', { name: c.person_name });
        announce(decision === 'hand_over' || decision === 'close' ? `${saved} ${t('reviews.followUp')}` : saved);
        onDone();
      },
    );

  return (
    <Form form={form} onSubmit={onSubmit} label={t('agenda.reviewFor', { name: c.person_name })}>
      <FormError message={form.formError} />
      <TextField
        path="held_on"
        label={t('reviews.heldOn')}
        type="date"
        required
        width="medium"
        max={todayIso()}
        value={heldOn}
        onValue={setHeldOn}
        error={form.errors.held_on}
      />
      <TextField
        path="attendees"
        label={t('reviews.attendees')}
        required
        maxLength={MAX.short}
        value={attendees}
        onValue={setAttendees}
        error={form.errors.attendees}
      />
      <TextArea
        path="notes"
        label={t('reviews.notes')}
        rows={3}
        maxLength={MAX.long}
        value={notes}
        onValue={setNotes}
        error={form.errors.notes}
      />
      <SelectField
        path="decision"
        label={t('reviews.decision')}
        required
        value={decision}
        options={[choose(), ...enumOptions('reviewDecision')]}
        onValue={setDecision}
        error={form.errors.decision}
      />
      <button type="submit" class="button">
        {form.busy ? t('form.sending') : t('reviews.submit')}
      </button>
    </Form>
  );
}

/** Hand a case from one of its workers to a colleague of the team. */
export function HandoverForm({
  c,
  members,
  onDone,
}: {
  c: CaseItem;
  members: Member[];
  onDone: (workers: PersonRef[]) => void;
}) {
  const [from, setFrom] = useState(c.assigned_workers.length === 1 ? String(c.assigned_workers[0]!.id) : '');
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const form = useForm(`ho-${c.id}`);
  const assigned = new Set(c.assigned_workers.map((w) => w.id));
  const colleagues = members.filter((m) => !assigned.has(m.id));

  if (colleagues.length === 0) return <p class="notice">{t('handover.noColleagues')}</p>;

  const onSubmit = () =>
    void form.submit(
      () => validateHandover(from, to, note),
      async () => {
        const updated = await handOver(c.id, { from_user_id: Number(from), to_user_id: Number(to), note: note.trim() });
        announce(t('agenda.handedOver', { name: c.person_name }));
        setFrom(updated.assigned_workers.length === 1 ? String(updated.assigned_workers[0]!.id) : '');
        setTo('');
        setNote('');
        onDone(updated.assigned_workers);
      },
    );

  return (
    <Form form={form} onSubmit={onSubmit} label={t('agenda.handoverFor', { name: c.person_name })}>
      <FormError message={form.formError} />
      <SelectField
        path="from_user_id"
        label={t('handover.from')}
        required
        value={from}
        options={[choose(), ...c.assigned_workers.map((w) => ({ value: String(w.id), label: w.display_name }))]}
        onValue={setFrom}
        error={form.errors.from_user_id}
      />
      <SelectField
        path="to_user_id"
        label={t('handover.to')}
        required
        value={to}
        options={[choose(), ...colleagues.map((m) => ({ value: String(m.id), label: m.display_name }))]}
        onValue={setTo}
        error={form.errors.to_user_id}
      />
      <TextArea
        path="note"
        label={t('handover.note')}
        required
        rows={2}
        maxLength={MAX.long}
        value={note}
        onValue={setNote}
        error={form.errors.note}
      />
      <button type="submit" class="button">
        {form.busy ? t('form.sending') : t('handover.submit')}
      </button>
    </Form>
  );
}

/** Record that the reporter was told how the signal goes on. */
export function FeedbackForm({ signal, onDone }: { signal: SignalItem; onDone: () => void }) {
  const [givenOn, setGivenOn] = useState(todayIso());
  const [told, setTold] = useState('');
  const form = useForm(`fb-${signal.id}`);

  const onSubmit = () =>
    void form.submit(
      () => validateFeedback(givenOn, told),
      async () => {
        await giveFeedback(signal.id, { given_on: givenOn, told: told.trim() });
        announce(t('agenda.feedbackGiven', { name: signal.person_name }));
        onDone();
      },
    );

  return (
    <Form form={form} onSubmit={onSubmit} label={t('agenda.feedbackFor', { name: signal.person_name })}>
      <FormError message={form.formError} />
      <TextField
        path="given_on"
        label={t('feedback.givenOn')}
        type="date"
        required
        width="medium"
        max={todayIso()}
        value={givenOn}
        onValue={setGivenOn}
        error={form.errors.given_on}
      />
      <TextArea
        path="told"
        label={t('feedback.told')}
        hint={t('feedback.toldHint')}
        required
        rows={2}
        maxLength={MAX.feedbackTold}
        value={told}
        onValue={setTold}
        error={form.errors.told}
      />
      <button type="submit" class="button">
        {form.busy ? t('form.sending') : t('feedback.submit')}
      </button>
    </Form>
  );
}

/** Record how a monitoring check-in went. */
export function OutcomeForm({ checkIn, onDone }: { checkIn: CheckInItem; onDone: () => void }) {
  const [doneOn, setDoneOn] = useState(todayIso());
  const [outcome, setOutcome] = useState<CheckInOutcome | ''>('');
  const [note, setNote] = useState('');
  const form = useForm(`ci-${checkIn.id}`);

  const onSubmit = () =>
    void form.submit(
      () => validateOutcome(doneOn, outcome, note),
      async () => {
        await recordOutcome(checkIn.case_id, checkIn.id, {
          done_on: doneOn,
          outcome: outcome as CheckInOutcome,
          note: note.trim(),
        });
        announce(t('agenda.outcomeRecorded', { name: checkIn.person_name }));
        onDone();
      },
    );

  return (
    <Form form={form} onSubmit={onSubmit} label={t('agenda.outcomeFor', { name: checkIn.person_name })}>
      <FormError message={form.formError} />
      <TextField
        path="done_on"
        label={t('monitoring.doneOn')}
        type="date"
        required
        width="medium"
        max={todayIso()}
        value={doneOn}
        onValue={setDoneOn}
        error={form.errors.done_on}
      />
      <SelectField
        path="outcome"
        label={t('monitoring.outcome')}
        required
        value={outcome}
        options={[choose(), ...enumOptions('checkInOutcome')]}
        onValue={setOutcome}
        error={form.errors.outcome}
      />
      <TextArea
        path="note"
        label={t('monitoring.note')}
        rows={2}
        maxLength={MAX.long}
        value={note}
        onValue={setNote}
        error={form.errors.note}
      />
      <button type="submit" class="button">
        {form.busy ? t('form.sending') : t('monitoring.record')}
      </button>
    </Form>
  );
}
