import type { Errors } from '../../components/useForm';
import { t } from '../../i18n';
import { isIsoDate, isLocalDateTime, isMoreThanADayAhead } from '../../lib/dates';
import type { Channel, ClosureReason, Outcome } from '../../lib/enums';
import { MAX } from '../../lib/limits';
import type { ContactInput } from './api/cases';

/** Pure checks for the quick contact log and the close and reopen forms. */

export interface ContactDraft {
  occurred_at: string;
  channel: Channel | '';
  outcome: Outcome | '';
  with_whom: string;
  note: string;
  next_attempt_date: string;
}

/** Whether the person was reached: a brief contact or a conversation. */
function reached(outcome: Outcome | ''): boolean {
  return outcome === 'brief_contact' || outcome === 'conversation';
}

/**
 * `makingContact`: the case is in phase making_contact, where an attempt that did not reach the
 * person needs a next attempt date (the server checks the same).
 */
export function validateContact(draft: ContactDraft, now: Date, makingContact = false): Errors {
  const errors: Errors = {};
  if (!draft.occurred_at) errors.occurred_at = t('fieldError.required');
  else if (!isLocalDateTime(draft.occurred_at)) errors.occurred_at = t('fieldError.invalid_datetime');
  else if (isMoreThanADayAhead(draft.occurred_at, now)) errors.occurred_at = t('fieldError.in_future');
  if (!draft.channel) errors.channel = t('fieldError.requiredChoice');
  if (!draft.outcome) errors.outcome = t('fieldError.requiredChoice');
  if (draft.with_whom.length > MAX.short) errors.with_whom = t('fieldError.too_long', { max: MAX.short });
  if (draft.note.length > MAX.long) errors.note = t('fieldError.too_long', { max: MAX.long });
  if (draft.next_attempt_date && !isIsoDate(draft.next_attempt_date)) {
    errors.next_attempt_date = t('fieldError.invalid_date');
  } else if (makingContact && draft.outcome && !reached(draft.outcome) && !draft.next_attempt_date) {
    errors.next_attempt_date = t('fieldError.required');
  }
  return errors;
}

export function toContactInput(draft: ContactDraft): ContactInput {
  return {
    occurred_at: draft.occurred_at,
    channel: draft.channel as Channel,
    outcome: draft.outcome as Outcome,
    with_whom: draft.with_whom.trim(),
    note: draft.note.trim(),
    next_attempt_date: draft.next_attempt_date || null,
  };
}

export function validateClosure(reason: ClosureReason | '', note: string): Errors {
  const errors: Errors = {};
  if (!reason) errors.reason = t('fieldError.requiredChoice');
  if (reason === 'other' && !note.trim()) errors.note = t('fieldError.required');
  else if (note.length > MAX.long) errors.note = t('fieldError.too_long', { max: MAX.long });
  return errors;
}

export function validateReopen(reason: string): Errors {
  if (!reason.trim()) return { reason: t('fieldError.required') };
  if (reason.length > MAX.short) return { reason: t('fieldError.too_long', { max: MAX.short }) };
  return {};
}
