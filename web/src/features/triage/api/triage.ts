import { api } from '../../../lib/api';
import type { Preparation, PreparationInput, Signal } from '../../../lib/records';

export function recordFeedback(signalId: number, body: { given_on: string; told: string }) {
  return api.post<Signal>(`/signals/${signalId}/feedback`, body);
}

export function savePreparation(caseId: number, body: PreparationInput) {
  return api.put<Preparation>(`/cases/${caseId}/preparation`, body);
}

export function addPriorInfo(caseId: number, body: { source: string; content: string }) {
  return api.post<Preparation>(`/cases/${caseId}/preparation/prior-info`, body);
}
