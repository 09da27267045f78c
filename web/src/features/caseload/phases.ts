import { CASE_PHASES, type CasePhase } from '../../lib/enums';
import type { WorkerCaseload } from './api/caseload';

/** The open phases of a worker's caseload in trajectory order, with their counts (absent as 0). */
export function phaseCounts(w: WorkerCaseload): { phase: CasePhase; count: number }[] {
  return CASE_PHASES.filter((p) => p !== 'closed').map((phase) => ({ phase, count: w.active_by_phase[phase] ?? 0 }));
}
