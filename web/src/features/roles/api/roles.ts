import { api, query, setCsrfToken } from '../../../lib/api';
import type { PersonRef } from '../../../lib/records';

/** A signal as the partner who submitted it sees it (docs/api.md "Roles without case content"). */
export interface PartnerSignal {
  id: number;
  team_id: number;
  intake_date: string;
  person_initials: string;
  status: 'received' | 'handled';
  feedback_given_on: string | null;
}

export type FigureMeasure = 'signals_by_decision' | 'open_cases_by_phase' | 'closed_cases_by_reason';

export interface FigureCount {
  team_id: number;
  month: string;
  measure: FigureMeasure;
  category: string;
  /** null: from 1 to suppressed_below - 1. */
  count: number | null;
}

export interface Figures {
  teams: { id: number; name: string }[];
  suppressed_below: number;
  counts: FigureCount[];
}

export interface BreakGlassGrant {
  id: number;
  case_id: number;
  team_id: number;
  user: PersonRef;
  reason: string;
  created_at: string;
  expires_at: string;
}

export function getPartnerSignals() {
  return api.get<{ items: PartnerSignal[] }>('/partner/signals');
}

export function getFigures() {
  return api.get<Figures>('/figures');
}

export function breakGlass(caseId: number, reason: string) {
  return api.post<BreakGlassGrant>(`/cases/${caseId}/break-glass`, { reason });
}

export function listBreakGlass(teamId: number) {
  return api.get<{ items: BreakGlassGrant[] }>(`/break-glass${query({ team: teamId })}`);
}

/** DELETE /api/v1/sessions: ends every session of the user, this one included. */
export async function logoutEverywhere(): Promise<void> {
  try {
    await api.del<void>('/sessions');
  } finally {
    setCsrfToken(null);
  }
}
