import type { Role } from './enums';
import { createStore } from './store';

export interface TeamRef {
  id: number;
  name: string;
}

export interface User {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  teams: TeamRef[];
}

/** `ok`: logged in. `pending`: the TOTP code is due. `enrolment_required`: the role requires TOTP. */
export type SecondFactor = 'ok' | 'pending' | 'enrolment_required';

export interface SessionBody {
  user: User;
  csrf_token: string;
  second_factor: SecondFactor;
}

/** `undefined` while the first session probe runs, `null` when signed out. */
export const sessionStore = createStore<User | null | undefined>(undefined);

/** Why the user landed on the login page: shown there as a notice. */
export const loginReasonStore = createStore<'session_expired' | 'unauthenticated' | 'logged_out' | null>(null);

/** The roles that work with signals and cases (domain/rules.h read_team_records). */
export function readsCases(user: User): boolean {
  return user.role === 'outreacher' || user.role === 'team_lead' || user.role === 'admin';
}

export function isTeamLeadOf(user: User, teamId: number): boolean {
  return user.role === 'team_lead' && user.teams.some((team) => team.id === teamId);
}
