import { api } from '../../../lib/api';
import type { CasePhase } from '../../../lib/enums';

export interface WorkerCaseload {
  user: { id: number; display_name: string };
  active_cases: number;
  active_by_phase: Partial<Record<CasePhase, number>>;
  attempts_this_week: number;
  without_contact: number;
}

export interface Caseload {
  week: { monday: string; sunday: string };
  items: WorkerCaseload[];
}

/** Outreachers get their own caseload, team leads every worker of their teams. */
export function getCaseload() {
  return api.get<Caseload>('/caseload');
}
