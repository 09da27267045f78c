import { useState } from 'preact/hooks';
import {
  DecisionFields,
  FeedbackFields,
  OutcomeFields,
  ReviewFields,
  SubmitButton,
  useFeedbackDraft,
  useOutcomeDraft,
  useReviewDraft,
} from '../../../components/CaseFields';
import { CheckboxGroup, Form, FormError } from '../../../components/fields';
import { TriageFields } from '../../../components/TriageFields';
import { HandoverForm } from '../../../components/HandoverForm';
import { useForm } from '../../../components/useForm';
import { t } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import type { CheckInOutcome, Decision, ReviewDecision } from '../../../lib/enums';
import { needsContraNote, validateOutcome, validateReview } from '../../../lib/formChecks';
import type { PersonRef, Triage } from '../../../lib/records';
import { announce } from '../../../lib/status';
import type { TeamMember } from '../../../lib/teams';
import {
  addReview,
  decide,
  giveFeedback,
  recordOutcome,
  type CaseItem,
  type CheckInItem,
  type SignalItem,
} from '../api/agenda';
import { validateDecision, validateFeedback } from '../logic';

/** Decide a signal awaiting a decision: outreach with one or two workers, or another decision. */
export function DecideForm({ signal, members, onDone }: { signal: SignalItem; members: TeamMember[]; onDone: () => void }) {
  const [decision, setDecision] = useState<Decision | ''>('');
  const [reason, setReason] = useState('');
  const [workerIds, setWorkerIds] = useState<string[]>([]);
  const [triage, setTriage] = useState<Triage>({ indications: [], contra_indications: [], contra_indication_note: '' });
  const form = useForm(`sig-${signal.id}`);
  const outreach = decision === 'outreach';

  const onSubmit = () =>
    void form.submit(
      () => validateDecision(decision, reason, workerIds, triage),
      async () => {
        const result = await decide(signal.id, {
          decision: decision as Decision,
          reason: reason.trim(),
          assigned_worker_ids: outreach ? workerIds.map(Number) : [],
          indications: triage.indications,
          contra_indications: triage.contra_indications,
          contra_indication_note: needsContraNote(decision, triage.contra_indications)
            ? triage.contra_indication_note.trim()
            : '',
        });
        announce(
          t(result.case_id !== null ? 'agenda.decidedWithCase' : 'agenda.decided', { name: signal.person_name }),
        );
        onDone();
      },
    );

  return (
    <Form form={form} onSubmit={onSubmit} label={t('agenda.decideFor', { name: signal.person_name, id: signal.id })}>
      <FormError message={form.formError} />
      <DecisionFields decision={decision} onDecision={setDecision} reason={reason} onReason={setReason} errors={form.errors} />
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
      <TriageFields decision={decision} value={triage} onValue={setTriage} errors={form.errors} />
      <SubmitButton form={form} label={t('decisionForm.submit')} />
    </Form>
  );
}

/** Record the monthly process review of a case. */
export function ReviewForm({ c, onDone }: { c: CaseItem; onDone: () => void }) {
  const draft = useReviewDraft();
  const { heldOn, attendees, notes, decision } = draft;
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
    <Form form={form} onSubmit={onSubmit} label={t('agenda.reviewFor', { name: c.person_name, id: c.id })}>
      <FormError message={form.formError} />
      <ReviewFields draft={draft} errors={form.errors} />
      <SubmitButton form={form} label={t('reviews.submit')} />
    </Form>
  );
}

/** Hand a case from one of its workers to a colleague of the team. */
export function CaseHandoverForm({
  c,
  members,
  onDone,
}: {
  c: CaseItem;
  members: TeamMember[];
  onDone: (workers: PersonRef[]) => void;
}) {
  const assigned = new Set(c.assigned_workers.map((w) => w.id));
  const colleagues = members.filter((m) => !assigned.has(m.id));
  if (colleagues.length === 0) return <p class="notice">{t('handover.noColleagues')}</p>;
  return (
    <HandoverForm<CaseItem>
      caseId={c.id}
      assigned={c.assigned_workers}
      colleagues={colleagues}
      scope={`ho-${c.id}`}
      label={t('agenda.handoverFor', { name: c.person_name, id: c.id })}
      noteRows={2}
      saved={t('agenda.handedOver', { name: c.person_name })}
      onHandedOver={(updated) => onDone(updated.assigned_workers)}
    />
  );
}

/** Record that the reporter was told how the signal goes on. */
export function FeedbackForm({ signal, onDone }: { signal: SignalItem; onDone: () => void }) {
  const draft = useFeedbackDraft();
  const { givenOn, told } = draft;
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
    <Form form={form} onSubmit={onSubmit} label={t('agenda.feedbackFor', { name: signal.person_name, id: signal.id })}>
      <FormError message={form.formError} />
      <FeedbackFields draft={draft} errors={form.errors} rows={2} />
      <SubmitButton form={form} label={t('feedback.submit')} />
    </Form>
  );
}

/** Record how a monitoring check-in went. */
export function OutcomeForm({ checkIn, onDone }: { checkIn: CheckInItem; onDone: () => void }) {
  const draft = useOutcomeDraft();
  const { doneOn, outcome, note } = draft;
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
    <Form
      form={form}
      onSubmit={onSubmit}
      label={t('agenda.outcomeFor', { name: checkIn.person_name, date: formatDate(checkIn.planned_on), id: checkIn.id })}
    >
      <FormError message={form.formError} />
      <OutcomeFields draft={draft} errors={form.errors} />
      <SubmitButton form={form} label={t('monitoring.record')} />
    </Form>
  );
}
