import { locale, t } from '../i18n';

/** Display formats for the three kinds of time value the API uses. */

/** `YYYY-MM-DD` → "22 nov 2026" / "22 Nov 2026". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return t('common.empty');
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(y, m - 1, d),
  );
}

/** `YYYY-MM` → "mei 2026" / "May 2026"; anything else as sent. */
export function formatMonth(value: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return value;
  return new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric' }).format(
    new Date(Number(match[1]), Number(match[2]) - 1, 1),
  );
}

/** `YYYY-MM-DDTHH:MM` (a local wall-clock time) → "22 nov 2026 14:05". */
export function formatLocalDateTime(value: string | null | undefined): string {
  if (!value) return t('common.empty');
  const [date = '', time = ''] = value.split('T');
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(y, m - 1, d, hh, mm),
  );
}

/** An RFC 3339 UTC timestamp written by the server, shown in the browser's time zone. */
export function formatTimestamp(value: string | null | undefined): string {
  if (!value) return t('common.empty');
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** The calendar date part of an RFC 3339 timestamp in the browser's time zone. */
export function formatTimestampDate(value: string | null | undefined): string {
  if (!value) return t('common.empty');
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', year: 'numeric' }).format(at);
}

export function formatDays(n: number): string {
  return n === 1 ? t('common.days.one') : t('common.days.other', { n });
}
