import { todayIso } from '../../lib/dates';

/** The date `days` days after `now` (local calendar), as YYYY-MM-DD: a cadence suggestion for the next attempt. */
export function dateInDays(days: number, now: Date = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return todayIso(d);
}
