import type { Errors } from '../../components/useForm';
import { t } from '../../i18n';
import type { CasePhase, CaseStatus } from '../../lib/enums';

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
