import type { Errors } from '../../components/useForm';
import { t } from '../../i18n';
import type { TransitionEvent } from '../../lib/enums';
import { MAX } from '../../lib/limits';

/** Pure rules of the trajectory panel and the timeline filter. */

/** Events with a button on the phase panel: closing and reopening have their own forms. */
export function buttonEvents(allowed: readonly TransitionEvent[]): TransitionEvent[] {
  return allowed.filter((event) => event !== 'close' && event !== 'reopen');
}

export function validateMove(reason: string): Errors {
  if (!reason.trim()) return { reason: t('fieldError.required') };
  if (reason.length > MAX.short) return { reason: t('fieldError.too_long', { max: MAX.short }) };
  return {};
}

/** The kinds to ask the server for: none selected or all selected both mean every kind. */
export function kindsToRequest(selected: readonly string[], all: readonly string[]): string[] {
  return selected.length === 0 || selected.length === all.length ? [] : [...selected];
}
