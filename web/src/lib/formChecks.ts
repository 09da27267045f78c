// Checks on form input shared by more than one feature, run in the browser before sending.

import type { Errors } from '../components/useForm';
import { t } from '../i18n';
import { MAX } from './limits';

/** A whole number within `min..max` typed in a field, or null. */
export function parseWhole(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : null;
}

/** Marks `field` when the text is empty (after trimming) or longer than `max`. */
export function requiredText(errors: Errors, field: string, value: string, max: number) {
  if (!value.trim()) errors[field] = t('fieldError.required');
  else if (value.length > max) errors[field] = t('fieldError.too_long', { max });
}

/** The process review: date, attendees, notes and decision. */
export function validateReview(heldOn: string, attendees: string, notes: string, decision: string): Errors {
  const errors: Errors = {};
  if (!heldOn) errors.held_on = t('fieldError.required');
  requiredText(errors, 'attendees', attendees, MAX.short);
  if (notes.length > MAX.long) errors.notes = t('fieldError.too_long', { max: MAX.long });
  if (!decision) errors.decision = t('fieldError.requiredChoice');
  return errors;
}

/** The outcome of a monitoring check-in: date, outcome and note. */
export function validateOutcome(doneOn: string, outcome: string, note: string): Errors {
  const errors: Errors = {};
  if (!doneOn) errors.done_on = t('fieldError.required');
  if (!outcome) errors.outcome = t('fieldError.requiredChoice');
  if (note.length > MAX.long) errors.note = t('fieldError.too_long', { max: MAX.long });
  return errors;
}

/** The team's working days for reporter feedback, typed in a field, or null when out of range. */
export function parseFeedbackDays(text: string): number | null {
  return parseWhole(text, MAX.feedbackDaysMin, MAX.feedbackDaysMax);
}

export function validateFeedbackDays(text: string): Errors {
  return parseFeedbackDays(text) === null ? { feedback_working_days: t('fieldError.feedbackDays') } : {};
}

/** A 6-digit TOTP code as typed: spaces removed. */
export function cleanCode(text: string): string {
  return text.replace(/\s+/g, '');
}

export function validateCode(code: string): Errors {
  if (!code) return { code: t('fieldError.required') };
  if (!/^\d{6}$/.test(code)) return { code: t('totp.codeFormat') };
  return {};
}

/** Whether an outreach decision needs the note: outreach despite at least one contra-indication. */
export function needsContraNote(decision: string, contraIndications: readonly string[]): boolean {
  return decision === 'outreach' && contraIndications.length > 0;
}

/** A handover: from an assigned worker to a colleague, with a note. */
export function validateHandover(from: string, to: string, note: string): Errors {
  const errors: Errors = {};
  if (!from) errors.from_user_id = t('fieldError.requiredChoice');
  if (!to) errors.to_user_id = t('fieldError.requiredChoice');
  requiredText(errors, 'note', note, MAX.long);
  return errors;
}
