import type { Errors } from '../../components/useForm';
import { t } from '../../i18n';
import type { CasePhase, CaseStatus } from '../../lib/enums';
import { MAX } from '../../lib/limits';

/** Pure rules of the monitoring and process review sections. */

/** Check-ins are scheduled in the monitoring phase or after closure. */
export function canScheduleCheckIn(phase: CasePhase, status: CaseStatus): boolean {
  return phase === 'monitoring' || status === 'closed';
}

/** The reopen button shows when the latest check-in with an outcome suggests it and the case can go back. */
export function offerReopen(
  checkIns: readonly { done_on: string | null; suggest_reopen: boolean }[],
  phase: CasePhase,
  status: CaseStatus,
): boolean {
  if (!canScheduleCheckIn(phase, status)) return false;
  const done = checkIns.filter((ci) => ci.done_on !== null);
  const latest = done.reduce<(typeof done)[number] | null>(
    (best, ci) => (best === null || (ci.done_on ?? '') >= (best.done_on ?? '') ? ci : best),
    null,
  );
  return latest?.suggest_reopen ?? false;
}

export function validateCheckIn(plannedOn: string, workerId: string): Errors {
  const errors: Errors = {};
  if (!plannedOn) errors.planned_on = t('fieldError.required');
  if (!workerId) errors.worker_id = t('fieldError.requiredChoice');
  return errors;
}

export function validateOutcome(doneOn: string, outcome: string, note: string): Errors {
  const errors: Errors = {};
  if (!doneOn) errors.done_on = t('fieldError.required');
  if (!outcome) errors.outcome = t('fieldError.requiredChoice');
  if (note.length > MAX.long) errors.note = t('fieldError.too_long', { max: MAX.long });
  return errors;
}

export function validateReview(heldOn: string, attendees: string, notes: string, decision: string): Errors {
  const errors: Errors = {};
  if (!heldOn) errors.held_on = t('fieldError.required');
  if (!attendees.trim()) errors.attendees = t('fieldError.required');
  else if (attendees.length > MAX.short) errors.attendees = t('fieldError.too_long', { max: MAX.short });
  if (notes.length > MAX.long) errors.notes = t('fieldError.too_long', { max: MAX.long });
  if (!decision) errors.decision = t('fieldError.requiredChoice');
  return errors;
}
