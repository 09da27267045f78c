import type { Errors } from '../../components/useForm';
import { t } from '../../i18n';
import { needsContraNote, parseWhole, requiredText } from '../../lib/formChecks';
import { MAX } from '../../lib/limits';
import type { Triage } from '../../lib/records';

/** Pure rules of the team meeting agenda. */

/** The counts of a tally (`by_channel`, `by_outcome`) with a value, largest first, then by name. */
export function tally<K extends string>(counts: Partial<Record<K, number>>): [K, number][] {
  return (Object.entries(counts) as [K, number][])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** How many items a section shows before "show all": the meeting starts with the oldest few. */
export const SHOWN = 5;

/** The items a section shows: the first few, or all of them once asked. */
export function shown<T>(items: readonly T[], all: boolean): T[] {
  return all ? [...items] : items.slice(0, SHOWN);
}

/** The list without the item an action just dealt with. */
export function without<T extends { id: number }>(items: readonly T[], id: number): T[] {
  return items.filter((item) => item.id !== id);
}

/** Members who can be assigned to a case: active outreachers and team leads (the API lists active ones). */
export function workers<M extends { role: string }>(members: readonly M[]): M[] {
  return members.filter((m) => m.role === 'outreacher' || m.role === 'team_lead');
}

/** Cadence suggestions typed as "2, 3, 7": 1 to 10 whole numbers of 1..90 days, or null. */
export function parseCadence(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length < 1 || parts.length > 10) return null;
  const days = parts.map((p) => parseWhole(p, 1, 90));
  return days.every((d): d is number => d !== null) ? days : null;
}

export function validateDecision(decision: string, reason: string, workerIds: readonly string[], triage: Triage): Errors {
  const errors: Errors = {};
  if (!decision) errors.decision = t('fieldError.requiredChoice');
  requiredText(errors, 'reason', reason, MAX.short);
  if (decision === 'outreach' && (workerIds.length < 1 || workerIds.length > 2)) {
    errors.assigned_worker_ids = t('fieldError.workersCount');
  }
  if (needsContraNote(decision, triage.contra_indications) && !triage.contra_indication_note.trim()) {
    errors.contra_indication_note = t('fieldError.required');
  }
  return errors;
}

export function validateFeedback(givenOn: string, told: string): Errors {
  const errors: Errors = {};
  if (!givenOn) errors.given_on = t('fieldError.required');
  requiredText(errors, 'told', told, MAX.feedbackTold);
  return errors;
}
