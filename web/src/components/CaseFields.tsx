// Field groups that more than one feature shows in its own form: the process review, the outcome
// of a monitoring check-in and the reporter feedback. Each feature keeps its own submit and API call.

import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { todayIso } from '../lib/dates';
import type { CheckInOutcome, Decision, ReviewDecision } from '../lib/enums';
import { enumOptions } from '../lib/labels';
import { MAX } from '../lib/limits';
import { RadioGroup, SelectField, TextArea, TextField } from './fields';
import type { Errors, FormController } from './useForm';

/** The first option of a required select, until something is chosen. */
export const chooseOption = () => ({ value: '' as const, label: t('monitoring.choose') });

/** The submit button of a form: its label, or "sending" while the form is busy. */
export function SubmitButton({ form, label, secondary = false }: { form: FormController; label: string; secondary?: boolean }) {
  return (
    <button type="submit" class={secondary ? 'button button--secondary' : 'button'}>
      {form.busy ? t('form.sending') : label}
    </button>
  );
}

export function useReviewDraft() {
  const [heldOn, setHeldOn] = useState(todayIso());
  const [attendees, setAttendees] = useState('');
  const [notes, setNotes] = useState('');
  const [decision, setDecision] = useState<ReviewDecision | ''>('');
  return { heldOn, setHeldOn, attendees, setAttendees, notes, setNotes, decision, setDecision };
}
export type ReviewDraft = ReturnType<typeof useReviewDraft>;

/** A process review: when it was held, who attended, notes and the decision. */
export function ReviewFields({ draft, errors }: { draft: ReviewDraft; errors: Errors }) {
  return (
    <>
      <TextField
        path="held_on"
        label={t('reviews.heldOn')}
        type="date"
        required
        width="medium"
        max={todayIso()}
        value={draft.heldOn}
        onValue={draft.setHeldOn}
        error={errors.held_on}
      />
      <TextField
        path="attendees"
        label={t('reviews.attendees')}
        required
        maxLength={MAX.short}
        value={draft.attendees}
        onValue={draft.setAttendees}
        error={errors.attendees}
      />
      <TextArea
        path="notes"
        label={t('reviews.notes')}
        rows={3}
        maxLength={MAX.long}
        value={draft.notes}
        onValue={draft.setNotes}
        error={errors.notes}
      />
      <SelectField
        path="decision"
        label={t('reviews.decision')}
        required
        value={draft.decision}
        options={[chooseOption(), ...enumOptions('reviewDecision')]}
        onValue={draft.setDecision}
        error={errors.decision}
      />
    </>
  );
}

export function useOutcomeDraft() {
  const [doneOn, setDoneOn] = useState(todayIso());
  const [outcome, setOutcome] = useState<CheckInOutcome | ''>('');
  const [note, setNote] = useState('');
  return { doneOn, setDoneOn, outcome, setOutcome, note, setNote };
}
export type OutcomeDraft = ReturnType<typeof useOutcomeDraft>;

/** How a monitoring check-in went: when, the outcome and a note. */
export function OutcomeFields({ draft, errors }: { draft: OutcomeDraft; errors: Errors }) {
  return (
    <>
      <TextField
        path="done_on"
        label={t('monitoring.doneOn')}
        type="date"
        required
        width="medium"
        max={todayIso()}
        value={draft.doneOn}
        onValue={draft.setDoneOn}
        error={errors.done_on}
      />
      <SelectField
        path="outcome"
        label={t('monitoring.outcome')}
        required
        value={draft.outcome}
        options={[chooseOption(), ...enumOptions('checkInOutcome')]}
        onValue={draft.setOutcome}
        error={errors.outcome}
      />
      <TextArea
        path="note"
        label={t('monitoring.note')}
        rows={2}
        maxLength={MAX.long}
        value={draft.note}
        onValue={draft.setNote}
        error={errors.note}
      />
    </>
  );
}

export function useFeedbackDraft(givenOnAtStart = todayIso(), toldAtStart = '') {
  const [givenOn, setGivenOn] = useState(givenOnAtStart);
  const [told, setTold] = useState(toldAtStart);
  return { givenOn, setGivenOn, told, setTold };
}
export type FeedbackDraft = ReturnType<typeof useFeedbackDraft>;

/** Reporter feedback: when the reporter was told, and what. */
export function FeedbackFields({ draft, errors, rows }: { draft: FeedbackDraft; errors: Errors; rows: number }) {
  return (
    <>
      <TextField
        path="given_on"
        label={t('feedback.givenOn')}
        type="date"
        required
        width="medium"
        max={todayIso()}
        value={draft.givenOn}
        onValue={draft.setGivenOn}
        error={errors.given_on}
      />
      <TextArea
        path="told"
        label={t('feedback.told')}
        hint={t('feedback.toldHint')}
        required
        rows={rows}
        maxLength={MAX.feedbackTold}
        value={draft.told}
        onValue={draft.setTold}
        error={errors.told}
      />
    </>
  );
}

/** The decision on a signal and its reason. */
export function DecisionFields({
  decision,
  onDecision,
  reason,
  onReason,
  errors,
}: {
  decision: Decision | '';
  onDecision: (value: Decision) => void;
  reason: string;
  onReason: (value: string) => void;
  errors: Errors;
}) {
  return (
    <>
      <RadioGroup
        path="decision"
        label={t('decisionForm.decision')}
        required
        value={decision}
        options={enumOptions('decision')}
        onValue={onDecision}
        error={errors.decision}
      />
      <TextArea
        path="reason"
        label={t('decisionForm.reason')}
        required
        rows={2}
        maxLength={MAX.short}
        value={reason}
        onValue={onReason}
        error={errors.reason}
      />
    </>
  );
}
