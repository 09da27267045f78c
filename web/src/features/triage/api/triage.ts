import { api } from '../../../lib/api';
import type { ContraIndication, Indication } from '../../../lib/enums';
import type { Preparation, PreparationInput } from '../../../lib/records';
import type { Team } from '../../../lib/teams';
import type { Signal } from '../../signals/api/signals';

export interface Triage {
  indications: Indication[];
  contra_indications: ContraIndication[];
  contra_indication_note: string;
}

export interface Feedback {
  due_on: string | null;
  given_on: string | null;
  told: string;
}

export function recordFeedback(signalId: number, body: { given_on: string; told: string }) {
  return api.post<Signal>(`/signals/${signalId}/feedback`, body);
}

export function savePreparation(caseId: number, body: PreparationInput) {
  return api.put<Preparation>(`/cases/${caseId}/preparation`, body);
}

export function addPriorInfo(caseId: number, body: { source: string; content: string }) {
  return api.post<Preparation>(`/cases/${caseId}/preparation/prior-info`, body);
}

export function updateTeamSettings(teamId: number, feedbackWorkingDays: number) {
  return api.patch<Team>(`/teams/${teamId}`, { feedback_working_days: feedbackWorkingDays });
}
