/**
 * Pure date helpers. The API speaks calendar dates as `YYYY-MM-DD` and local date-times as
 * `YYYY-MM-DDTHH:MM`; both must exist on the calendar (no 30 February).
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** True when `value` is `YYYY-MM-DD` and names a day that exists. */
export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** True when `value` is `YYYY-MM-DDTHH:MM` with a real date and a real time of day. */
export function isLocalDateTime(value: string): boolean {
  const m = DATETIME_RE.exec(value);
  if (m === null) return false;
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  return isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) && hour <= 23 && minute <= 59;
}

/** Builds `YYYY-MM-DD` from day/month/year text fields; null when they do not name a real day. */
export function datePartsToIso(day: string, month: string, year: string): string | null {
  const parts = [day, month, year].map((p) => p.trim());
  if (!parts.every((p) => /^\d+$/.test(p))) return null;
  const [d, m, y] = parts.map(Number) as [number, number, number];
  if (parts[2]!.length !== 4 || !isRealDate(y, m, d)) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Today's date in the browser's time zone as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The current local time as `YYYY-MM-DDTHH:MM`, the value format of `<input type="datetime-local">`. */
export function nowLocalDateTime(now: Date = new Date()): string {
  return `${todayIso(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** Whole years between a date of birth and `today`; null for an invalid or future date. */
export function ageOn(dateOfBirth: string, today: string): number | null {
  if (!isIsoDate(dateOfBirth) || !isIsoDate(today) || dateOfBirth > today) return null;
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/**
 * True when a local date-time lies more than one day after `now`; the API refuses such a contact
 * moment with `in_future`.
 */
export function isMoreThanADayAhead(localDateTime: string, now: Date = new Date()): boolean {
  const m = DATETIME_RE.exec(localDateTime);
  if (m === null) return false;
  const when = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return when.getTime() - now.getTime() > 24 * 60 * 60 * 1000;
}
