import { api, query } from '../../../lib/api';
import type {
  CasePhase,
  Channel,
  CheckInOutcome,
  ContraIndication,
  Decision,
  DirectReason,
  Indication,
  Outcome,
  ReviewDecision,
} from '../../../lib/enums';
import type { PersonRef } from '../../../lib/records';

/** The agenda's own view of the API (docs/api.md): only the fields the team meeting needs. */

export interface SignalItem {
  id: number;
  team_id: number;
  intake_date: string;
  person_name: string;
  direct_reason: DirectReason;
  latest_decision: Decision | null;
  case_id: number | null;
}

export interface Attempts {
  total: number;
  without_contact: number;
  days_without_contact: number;
  last_reached_at: string | null;
  by_channel: Partial<Record<Channel, number>>;
  by_outcome: Partial<Record<Outcome, number>>;
}

export interface CaseItem {
  id: number;
  team_id: number;
  person_name: string;
  phase: CasePhase;
  opened_at: string;
  assigned_workers: PersonRef[];
  last_contact_at: string | null;
  days_since_last_contact: number | null;
  attempts?: Attempts;
}

export interface CheckInItem {
  id: number;
  case_id: number;
  team_id: number;
  person_name: string;
  planned_on: string;
  worker: PersonRef;
}

export interface TeamSettings {
  team_id: number;
  cadence_days: number[];
  stuck_attempts: number;
  stuck_days: number;
}

interface Items<T> {
  items: T[];
  total?: number;
}

const LIMIT = 100;

export function signalsAwaitingDecision() {
  return api.get<Items<SignalItem>>(`/signals${query({ status: 'awaiting_decision', limit: LIMIT })}`);
}

export function signalsFeedbackOverdue() {
  return api.get<Items<SignalItem>>(`/signals${query({ status: 'all', feedback: 'overdue', limit: LIMIT })}`);
}

export function casesReviewDue() {
  return api.get<Items<CaseItem>>(`/cases${query({ review_due: 'true', limit: LIMIT })}`);
}

export function casesStuck() {
  return api.get<Items<CaseItem>>(`/cases${query({ stuck: 'true', limit: LIMIT })}`);
}

export function checkInsOverdue() {
  return api.get<Items<CheckInItem>>(`/check-ins${query({ overdue: 'true' })}`);
}

export function decide(
  signalId: number,
  body: {
    decision: Decision;
    reason: string;
    assigned_worker_ids: number[];
    indications: Indication[];
    contra_indications: ContraIndication[];
    contra_indication_note: string;
  },
) {
  return api.post<{ case_id: number | null }>(`/signals/${signalId}/decision`, body);
}

export function addReview(
  caseId: number,
  body: { held_on: string; attendees: string; notes: string; decision: ReviewDecision },
) {
  return api.post<unknown>(`/cases/${caseId}/reviews`, body);
}

export function giveFeedback(signalId: number, body: { given_on: string; told: string }) {
  return api.post<unknown>(`/signals/${signalId}/feedback`, body);
}

export function recordOutcome(
  caseId: number,
  checkInId: number,
  body: { done_on: string; outcome: CheckInOutcome; note: string },
) {
  return api.post<unknown>(`/cases/${caseId}/check-ins/${checkInId}/outcome`, body);
}

export function teamSettings(teamId: number) {
  return api.get<TeamSettings>(`/teams/${teamId}/settings`);
}

export function updateTeamSettings(
  teamId: number,
  body: { cadence_days: number[]; stuck_attempts: number; stuck_days: number },
) {
  return api.patch<TeamSettings>(`/teams/${teamId}/settings`, body);
}
