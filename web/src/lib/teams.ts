import { api } from './api';
import type { Role } from './enums';
import type { PersonRef } from './records';
import type { TeamRef } from './session';

/** A team as GET /teams lists it, with its term for reporter feedback. */
export interface Team extends TeamRef {
  feedback_working_days: number;
}

export function listTeams() {
  return api.get<{ items: Team[] }>('/teams');
}

/** Sets a team's working days for reporter feedback (admin, or a lead of the team). */
export function updateFeedbackDays(teamId: number, feedbackWorkingDays: number) {
  return api.patch<Team>(`/teams/${teamId}`, { feedback_working_days: feedbackWorkingDays });
}

/** An active member of a team, as the handover, check-in and decision forms offer them. */
export interface TeamMember {
  id: number;
  username: string;
  display_name: string;
  role: Role;
}

export function teamMembers(teamId: number) {
  return api.get<{ items: TeamMember[] }>(`/teams/${teamId}/members`);
}

/** Hands a case from one assigned worker to a colleague of the team; the answer is the whole case. */
export function handOver<Case extends { assigned_workers: PersonRef[] }>(
  caseId: number,
  body: { from_user_id: number; to_user_id: number; note: string },
) {
  return api.post<Case>(`/cases/${caseId}/handover`, body);
}
