import { api, query } from '../../../lib/api';
import type { Decision, DirectReason, ProblemArea, SignalStatus } from '../../../lib/enums';
import type { Signal, SignalInput, Triage } from '../../../lib/records';

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
