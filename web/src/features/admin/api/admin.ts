import { api } from '../../../lib/api';
import type { Role } from '../../../lib/enums';
import type { TeamRef } from '../../../lib/session';

export interface AdminUser {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  active: boolean;
  teams: TeamRef[];
}

export interface NewUser {
  username: string;
  display_name: string;
  role: Role;
  password: string;
  team_ids: number[];
}

export type UserPatch = Partial<{
  display_name: string;
  role: Role;
  active: boolean;
  password: string;
  team_ids: number[];
}>;

export function listUsers() {
  return api.get<{ items: AdminUser[] }>('/users');
}

export function createUser(body: NewUser) {
  return api.post<AdminUser>('/users', body);
}

export function updateUser(id: number, patch: UserPatch) {
  return api.patch<AdminUser>(`/users/${id}`, patch);
}

export function createTeam(name: string) {
  return api.post<TeamRef>('/teams', { name });
}

export function revokeUserSessions(userId: number) {
  return api.del<void>(`/users/${userId}/sessions`);
}

/** DELETE /api/v1/users/{id}/totp. */
export function resetUserTotp(userId: number) {
  return api.del<void>(`/users/${userId}/totp`);
}
