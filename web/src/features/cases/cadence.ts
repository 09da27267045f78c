import { t } from '../../i18n';
import { todayIso } from '../../lib/dates';
import { formatDate } from '../../lib/format';

/** The date `days` days after `now` (local calendar), as YYYY-MM-DD: a cadence suggestion for the next attempt. */
export function dateInDays(days: number, now: Date = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return todayIso(d);
}

/** The next planned attempt as the lists and the case page show it; a closed case has none. */
export function nextAttemptText(c: { status: string; next_attempt_date: string | null }): string {
  if (c.status === 'closed') return t('cases.noNextAttemptClosed');
  return c.next_attempt_date ? formatDate(c.next_attempt_date) : t('cases.noNextAttempt');
}
