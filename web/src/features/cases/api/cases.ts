import type { Preparation } from '../../triage/api/triage';
import { api, query } from '../../../lib/api';
import type {
  CaseEventKind,
  CasePhase,
  CaseStatus,
  Channel,
  CaseConcerns,
  ClosureReason,
  Decision,
  DirectReason,
  HouseholdRole,
  Outcome,
  ProblemArea,
  Sex,
  SignalStatus,
  TransitionEvent,
} from '../../../lib/enums';
import type { Assignment } from '../../trajectory/api/trajectory';
import type { CheckIn, Review } from '../../monitoring/api/monitoring';

export interface PersonRef {
  id: number;
  display_name: string;
}

export interface CaseSummary {
  id: number;
  team_id: number;
  person_name: string;
  status: CaseStatus;
  phase: CasePhase;
  opened_at: string;
  assigned_workers: PersonRef[];
  last_contact_at: string | null;
  days_since_last_contact: number | null;
  next_attempt_date: string | null;
  contact_count: number;
}

export interface Contact {
  id: number;
  case_id: number;
  occurred_at: string;
  channel: Channel;
  with_whom: string;
  outcome: Outcome;
  note: string;
  next_attempt_date: string | null;
  created_by: PersonRef;
  created_at: string;
}

export interface CaseEvent {
  id: number;
  kind: CaseEventKind;
  reason: string;
  note: string;
  actor: PersonRef;
  at: string;
}

export interface CaseSignal {
  id: number;
  intake_date: string;
  person_name: string;
  direct_reason: DirectReason;
  problem_areas: ProblemArea[];
  status: SignalStatus;
  latest_decision: Decision | null;
}

export interface HouseholdMember {
  person_id: number;
  name: string;
  role: HouseholdRole;
  date_of_birth: string | null;
  other_cases: { id: number; status: CaseStatus; phase: CasePhase }[];
  other_signals: { id: number; intake_date: string; status: SignalStatus }[];
}

export interface Household {
  id: number;
  team_id: number;
  address: string;
  /** By name; on a case page other_cases and other_signals leave out that case. */
  members: HouseholdMember[];
}

export interface Case {
  id: number;
  team_id: number;
  status: CaseStatus;
  opened_at: string;
  person: {
    id: number;
    name: string;
    address: string;
    phone: string;
    date_of_birth: string | null;
    sex: Sex;
  };
  assigned_workers: PersonRef[];
  signals: CaseSignal[];
  decision: {
    decision: Decision;
    reason: string;
    decided_by: PersonRef;
    decided_at: string;
  } | null;
  contacts: Contact[];
  last_contact_at: string | null;
  days_since_last_contact: number | null;
  next_attempt_date: string | null;
  closure: { reason: ClosureReason; note: string; closed_at: string; closed_by: PersonRef } | null;
  events: CaseEvent[];
  phase: CasePhase;
  allowed_events: TransitionEvent[];
  assignment_history: Assignment[];
  preparation: Preparation;
  /** Monitoring check-ins, earliest planned first. */
  check_ins: CheckIn[];
  /** Process reviews, newest first. */
  reviews: Review[];
  days_to_first_contact: number | null;
  cadence_days: number[];
  concerns: CaseConcerns;
  household: Household | null;
  /** Set when the reader is not in the case's team and reads through emergency access. */
  break_glass: { id: number; reason: string; expires_at: string } | null;
}

export type CaseScope = 'mine' | 'team';
export type CaseStatusFilter = CaseStatus | 'all';
export type CaseSort = 'days_since_contact' | 'next_attempt';

export const PAGE_SIZE = 50;

/** Sort direction per sort key: longest without contact first; earliest planned attempt first. */
const ORDER: Record<CaseSort, 'asc' | 'desc'> = { days_since_contact: 'desc', next_attempt: 'asc' };

export function listCases(scope: CaseScope, status: CaseStatusFilter, sort: CaseSort, offset: number) {
  return api.get<{ items: CaseSummary[]; total: number }>(
    `/cases${query({ scope, status, sort, order: ORDER[sort], limit: PAGE_SIZE, offset })}`,
  );
}

export function getCase(id: number) {
  return api.get<Case>(`/cases/${id}`);
}

export interface ContactInput {
  occurred_at: string;
  channel: Channel;
  outcome: Outcome;
  with_whom: string;
  note: string;
  next_attempt_date: string | null;
}

export function logContact(caseId: number, input: ContactInput) {
  return api.post<Contact>(`/cases/${caseId}/contacts`, input);
}

export function closeCase(caseId: number, body: { reason: ClosureReason; note: string }) {
  return api.post<Case>(`/cases/${caseId}/closure`, body);
}

export function reopenCase(caseId: number, reason: string, phase: CasePhase = 'making_contact') {
  return api.post<Case>(`/cases/${caseId}/reopen`, { reason, phase });
}

export interface NewHouseholdMember {
  name: string;
  date_of_birth: string | null;
  role: HouseholdRole;
}

export function addHouseholdMember(householdId: number, member: NewHouseholdMember) {
  return api.post<Household>(`/households/${householdId}/members`, member);
}

export function removeHouseholdMember(householdId: number, personId: number) {
  return api.del<Household>(`/households/${householdId}/members/${personId}`);
}

export function setCaseConcerns(caseId: number, concerns: CaseConcerns) {
  return api.patch<Case>(`/cases/${caseId}`, { concerns });
}
