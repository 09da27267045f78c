import { api } from './api';
import type { Role } from './enums';

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
