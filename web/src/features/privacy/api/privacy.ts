import { api, query } from '../../../lib/api';
import type { ErasureReason } from '../../../lib/enums';

export interface RetentionCount {
  record_type: 'case' | 'signal';
  team_id: number;
  period: string;
  reason: string;
  phase_reached: string;
  contact_bucket: string;
  count: number;
}

export interface ErasureRecord {
  id: number;
  erased_at: string;
  erased_by: { id: number; display_name: string };
  reason: ErasureReason;
}

export interface RetentionSettings {
  periods: { closed_case_days: number; signal_days: number; access_log_days: number };
  purge_interval_seconds: number;
  purged_counts: RetentionCount[];
  erasures: ErasureRecord[];
}

export interface PersonLookup {
  id: number;
  name: string;
  date_of_birth: string | null;
  team: { id: number; name: string };
  has_open_case: boolean;
}

export type LookupBy = 'case_id' | 'signal_id';

export function getRetention() {
  return api.get<RetentionSettings>('/retention');
}

export function lookupPerson(by: LookupBy, id: number) {
  return api.get<PersonLookup>(`/persons/lookup${query({ [by]: id })}`);
}

export function erasePerson(id: number, reason: ErasureReason) {
  return api.post<ErasureRecord>(`/persons/${id}/erasure`, { reason });
}

/** The download addresses of a person's subject-access export. */
export function exportUrl(id: number, format: 'json' | 'pdf'): string {
  return `/api/v1/persons/${id}/export.${format}`;
}
