import { api, query } from '../../../lib/api';
import type { CaseConcerns, CasePhase, CaseStatus, Channel, ClosureReason, HouseholdRole, Outcome } from '../../../lib/enums';
import type { Case, Contact, Household, PersonRef } from '../../../lib/records';

export interface CaseSummary {
  id: number;
  team_id: number;
  person_name: string;
  status: CaseStatus;
  phase: CasePhase;
  opened_at: string;
  assigned_workers: PersonRef[];
  last_contact_at: string | null;
  days_since_last_contact: number | null;
  next_attempt_date: string | null;
  contact_count: number;
}

export type CaseScope = 'mine' | 'team';
export type CaseStatusFilter = CaseStatus | 'all';
export type CaseSort = 'days_since_contact' | 'next_attempt';

export const PAGE_SIZE = 50;

/** Sort direction per sort key: longest without contact first; earliest planned attempt first. */
const ORDER: Record<CaseSort, 'asc' | 'desc'> = { days_since_contact: 'desc', next_attempt: 'asc' };

export function listCases(scope: CaseScope, status: CaseStatusFilter, sort: CaseSort, offset: number) {
  return api.get<{ items: CaseSummary[]; total: number }>(
    `/cases${query({ scope, status, sort, order: ORDER[sort], limit: PAGE_SIZE, offset })}`,
  );
}

export function getCase(id: number) {
  return api.get<Case>(`/cases/${id}`);
}

export interface ContactInput {
  occurred_at: string;
  channel: Channel;
  outcome: Outcome;
  with_whom: string;
  note: string;
  next_attempt_date: string | null;
}

export function logContact(caseId: number, input: ContactInput) {
  return api.post<Contact>(`/cases/${caseId}/contacts`, input);
}

export function closeCase(caseId: number, body: { reason: ClosureReason; note: string }) {
  return api.post<Case>(`/cases/${caseId}/closure`, body);
}

export function reopenCase(caseId: number, reason: string, phase: CasePhase = 'making_contact') {
  return api.post<Case>(`/cases/${caseId}/reopen`, { reason, phase });
}

export interface NewHouseholdMember {
  name: string;
  date_of_birth: string | null;
  role: HouseholdRole;
}

export function addHouseholdMember(householdId: number, member: NewHouseholdMember) {
  return api.post<Household>(`/households/${householdId}/members`, member);
}

/** A case or signal of the user's teams, as far as moving its person into a household needs it. */
export interface KnownCase {
  id: number;
  team_id: number;
  person_name: string;
  status: CaseStatus;
}

export interface KnownSignal {
  id: number;
  team_id: number;
  person_name: string;
  intake_date: string;
  case_id: number | null;
}

export interface KnownPersons {
  cases: KnownCase[];
  signals: KnownSignal[];
}

/** Where a known person was found: the person of that case or signal. */
export interface MoveSource {
  kind: 'case' | 'signal';
  id: number;
}

/** The most list items the API returns at once. */
const LIST_MAX = 500;

/**
 * The persons the team already knows, by their cases and signals (open and closed, the most recent
 * 500 of each). There is no person search for team members (docs/api.md: the privacy officer's
 * lookup only), so these lists are where a worker finds someone to move into a household.
 */
export async function knownPersons(): Promise<KnownPersons> {
  const [cases, signals] = await Promise.all([
    api.get<{ items: KnownCase[] }>(`/cases${query({ scope: 'team', status: 'all', limit: LIST_MAX })}`),
    api.get<{ items: KnownSignal[] }>(`/signals${query({ status: 'all', limit: LIST_MAX })}`),
  ]);
  return { cases: cases.items, signals: signals.items };
}

/** The person id behind a case or signal (one read of that record). */
export async function personOf(source: MoveSource): Promise<number> {
  const path = source.kind === 'case' ? `/cases/${source.id}` : `/signals/${source.id}`;
  return (await api.get<{ person: { id: number } }>(path)).person.id;
}

/** Moves an existing person of the household's team into it, out of their previous household. */
export function moveIntoHousehold(householdId: number, personId: number, role: HouseholdRole) {
  return api.post<Household>(`/households/${householdId}/members`, { person_id: personId, role });
}

export function removeHouseholdMember(householdId: number, personId: number) {
  return api.del<Household>(`/households/${householdId}/members/${personId}`);
}

export function setCaseConcerns(caseId: number, concerns: CaseConcerns) {
  return api.patch<Case>(`/cases/${caseId}`, { concerns });
}
