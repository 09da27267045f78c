import { api, query } from '../../../lib/api';
import type { Feedback, Triage } from '../../triage/api/triage';
import type {
  Decision,
  DirectReason,
  GenderPreference,
  ProblemArea,
  ReporterKind,
  Sex,
  SignalStatus,
  YesNoUnknown,
} from '../../../lib/enums';
import type { PersonRef } from '../../../lib/records';

export interface SignalSummary {
  id: number;
  team_id: number;
  intake_date: string;
  person_name: string;
  direct_reason: DirectReason;
  problem_areas: ProblemArea[];
  status: SignalStatus;
  latest_decision: Decision | null;
  case_id: number | null;
}

export interface SignalDecision {
  id: number;
  decision: Decision;
  reason: string;
  decided_by: PersonRef;
  decided_at: string;
  case_id: number | null;
  indications: Triage['indications'];
  contra_indications: Triage['contra_indications'];
  contra_indication_note: string;
}

export interface Reporter {
  name: string;
  kind: ReporterKind;
  relation: string;
  organisation: string;
  function: string;
  phone: string;
  address: string;
}

export interface SignalInput {
  team_id?: number;
  intake_date: string;
  reporter: Reporter;
  person: { name: string; address: string; phone: string; date_of_birth: string | null; sex: Sex };
  relation_to_person: string;
  known_since: string;
  contact_initiative: string;
  contact_nature: string;
  direct_reason: DirectReason;
  direct_reason_other: string;
  tried_and_result: string;
  what_would_help: string;
  others_in_contact: string;
  whereabouts: string;
  reporter_can_introduce: YesNoUnknown;
  introduction_note: string;
  worker_gender_preference: GenderPreference;
  may_contact_reporter: boolean;
  problem_areas: ProblemArea[];
  problem_areas_other: string;
  follow_up_agreed: string;
  feedback_date: string | null;
  person_aware: YesNoUnknown;
}

export interface Signal extends Omit<SignalInput, 'team_id' | 'person'> {
  id: number;
  team_id: number;
  status: SignalStatus;
  case_id: number | null;
  taken_by: PersonRef;
  created_at: string;
  person: SignalInput['person'] & { id: number };
  decisions: SignalDecision[];
  feedback: Feedback;
}

export type SignalFilter = SignalStatus | 'all';

export const PAGE_SIZE = 50;

export function listSignals(status: SignalFilter, offset: number) {
  return api.get<{ items: SignalSummary[]; total: number }>(
    `/signals${query({ status, limit: PAGE_SIZE, offset })}`,
  );
}

export function getSignal(id: number) {
  return api.get<Signal>(`/signals/${id}`);
}

export function createSignal(input: SignalInput) {
  return api.post<Signal>('/signals', input);
}

export function decideSignal(
  id: number,
  body: { decision: Decision; reason: string; assigned_worker_ids: number[] } & Triage,
) {
  return api.post<{ signal: Signal; case_id: number | null }>(`/signals/${id}/decision`, body);
}
