import { api } from '../../../lib/api';
import type { AccessAction } from '../../../lib/enums';

/** One row of the access log (docs/api.md "Access log"). */
export interface AccessLogEntry {
  id: number;
  at: string;
  user: { id: number; display_name: string };
  on_behalf_of: string | null;
  person_id: number | null;
  record_type: string;
  record_id: number | null;
  action: AccessAction;
  detail: string | null;
  break_glass_reason: string | null;
}

export interface AccessLogPage {
  items: AccessLogEntry[];
  total: number;
}

export const ACCESS_LOG_PAGE_SIZE = 25;

export interface AccessLogFilter {
  user: string;
  person: string;
  from: string; // YYYY-MM-DD, local
  to: string; // YYYY-MM-DD, local, inclusive
}

/** A local date's midnight as the UTC instant the API expects (YYYY-MM-DDTHH:MM:SSZ). */
export function localMidnightUtc(date: string, addDays = 0): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(y, m - 1, d + addDays).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The query string of a search: empty filters are left out; `to` includes the whole day. */
export function accessLogQuery(f: AccessLogFilter, offset: number): string {
  const q = new URLSearchParams();
  if (f.user.trim()) q.set('user', f.user.trim());
  if (f.person.trim()) q.set('person', f.person.trim());
  if (f.from) q.set('from', localMidnightUtc(f.from));
  if (f.to) q.set('to', localMidnightUtc(f.to, 1));
  q.set('limit', String(ACCESS_LOG_PAGE_SIZE));
  q.set('offset', String(offset));
  return q.toString();
}

export function searchAccessLog(f: AccessLogFilter, offset: number) {
  return api.get<AccessLogPage>(`/access-log?${accessLogQuery(f, offset)}`);
}

export function caseAccessLog(caseId: number, offset: number) {
  return api.get<AccessLogPage>(`/cases/${caseId}/access-log?limit=${ACCESS_LOG_PAGE_SIZE}&offset=${offset}`);
}
