import type { Errors } from '../../components/useForm';
import { t } from '../../i18n';
import { ApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { label } from '../../lib/labels';
import { MAX } from '../../lib/limits';
import type { Case } from '../../lib/records';
import type { KnownPersons, MoveSource } from './api/cases';

/** A new household member: a name (at most MAX.name), a role, a date of birth not after today. */
export function validateHouseholdMember(name: string, dateOfBirth: string, role: string, today: string): Errors {
  const errors: Errors = {};
  if (!name.trim()) errors.name = t('fieldError.required');
  else if (name.length > MAX.name) errors.name = t('fieldError.too_long', { max: MAX.name });
  if (dateOfBirth && dateOfBirth > today) errors.date_of_birth = t('fieldError.in_future');
  if (!role) errors.role = t('fieldError.requiredChoice');
  return errors;
}

/** A person offered for a move, by the case or signal that made them known to the team. */
export interface MoveCandidate {
  /** The select value: `case:<id>` or `signal:<id>` (see parseMoveSource). */
  value: string;
  label: string;
}

/**
 * The persons of the household's team that can move into the case's household: those of the team's
 * other cases and of its signals that led to no case (a signal with a case names that case's
 * person). Left out: this case, the members' other cases and signals, this case's signals. By name.
 * `filter` keeps the names containing it, ignoring case.
 */
export function moveCandidates(c: Case, known: KnownPersons, filter: string): MoveCandidate[] {
  const household = c.household;
  if (!household) return [];
  const caseIds = new Set([c.id, ...household.members.flatMap((m) => m.other_cases.map((k) => k.id))]);
  const signalIds = new Set([
    ...c.signals.map((s) => s.id),
    ...household.members.flatMap((m) => m.other_signals.map((s) => s.id)),
  ]);
  const wanted = filter.trim().toLocaleLowerCase('nl');
  const matches = (name: string) => name.toLocaleLowerCase('nl').includes(wanted);
  const found = [
    ...known.cases
      .filter((k) => k.team_id === household.team_id && !caseIds.has(k.id) && matches(k.person_name))
      .map((k) => ({
        name: k.person_name,
        value: `case:${k.id}`,
        label: t('household.moveFromCase', { name: k.person_name, id: k.id, status: label('caseStatus', k.status) }),
      })),
    ...known.signals
      .filter((s) => s.team_id === household.team_id && s.case_id === null && !signalIds.has(s.id) && matches(s.person_name))
      .map((s) => ({
        name: s.person_name,
        value: `signal:${s.id}`,
        label: t('household.moveFromSignal', { name: s.person_name, date: formatDate(s.intake_date) }),
      })),
  ];
  found.sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.label.localeCompare(b.label, 'nl'));
  return found.map(({ value, label: text }) => ({ value, label: text }));
}

/** The case or signal behind a select value from moveCandidates; null for anything else. */
export function parseMoveSource(value: string): MoveSource | null {
  const m = /^(case|signal):([1-9][0-9]*)$/.exec(value);
  return m ? { kind: m[1] as MoveSource['kind'], id: Number(m[2]) } : null;
}

/** A move needs a person from the list and a role. */
export function validateMove(source: string, role: string): Errors {
  const errors: Errors = {};
  if (!parseMoveSource(source)) errors.person_id = t('fieldError.requiredChoice');
  if (!role) errors.role = t('fieldError.requiredChoice');
  return errors;
}

/**
 * The server answers 404 for a person it does not let this team move (another team's, or gone
 * since the list was loaded); that is about the chosen person, so the message goes to that field.
 */
export function moveErrorOnField(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.status !== 404) return error;
  return new ApiError(error.status, error.code, error.message, [
    { field: 'person_id', code: 'not_found', message: t('household.moveNotFound') },
  ]);
}
