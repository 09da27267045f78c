// The records of the JSON API (docs/api.md) that several features read: the Case document and
// its parts. A feature that owns the endpoints changing one of them (trajectory: Assignment,
// monitoring: CheckIn and Review, triage: Preparation, cases: the rest) imports the type from here,
// so no feature imports another one for a type.
import type {
  CaseConcerns,
  CaseEventKind,
  CasePhase,
  CaseStatus,
  Channel,
  CheckInOutcome,
  ClosureReason,
  Companion,
  Decision,
  DirectReason,
  HouseholdRole,
  Outcome,
  ProblemArea,
  ReviewDecision,
  Sex,
  SignalStatus,
  TransitionEvent,
} from './enums';

export interface PersonRef {
  id: number;
  display_name: string;
}

/** The trajectory fields of a Case (docs/api.md "Phases", "Handover"). */
export interface Assignment {
  user: PersonRef;
  assigned_at: string;
  unassigned_at: string | null;
  handed_over_from: PersonRef | null;
  note: string;
}

/** A monitoring check-in (docs/api.md "Monitoring"). */
export interface CheckIn {
  id: number;
  case_id: number;
  planned_on: string;
  worker: PersonRef;
  done_on: string | null;
  outcome: CheckInOutcome | null;
  note: string;
  suggest_reopen: boolean;
  created_by: PersonRef;
  created_at: string;
}

/** A monthly process review (procesbespreking). */
export interface Review {
  id: number;
  case_id: number;
  held_on: string;
  attendees: string;
  notes: string;
  decision: ReviewDecision;
  created_by: PersonRef;
  created_at: string;
}

export interface PriorInfo {
  id: number;
  source: string;
  content: string;
  created_by: PersonRef;
  created_at: string;
}

export interface PreparationInput {
  strategy: string;
  companion: Companion;
  companion_name: string;
}

export interface Preparation extends PreparationInput {
  updated_by: PersonRef | null;
  updated_at: string | null;
  prior_info: PriorInfo[];
}

export interface Contact {
  id: number;
  case_id: number;
  occurred_at: string;
  channel: Channel;
  with_whom: string;
  outcome: Outcome;
  note: string;
  next_attempt_date: string | null;
  created_by: PersonRef;
  created_at: string;
}

export interface CaseEvent {
  id: number;
  kind: CaseEventKind;
  reason: string;
  note: string;
  actor: PersonRef;
  at: string;
}

export interface CaseSignal {
  id: number;
  intake_date: string;
  person_name: string;
  direct_reason: DirectReason;
  problem_areas: ProblemArea[];
  status: SignalStatus;
  latest_decision: Decision | null;
}

export interface HouseholdMember {
  person_id: number;
  name: string;
  role: HouseholdRole;
  date_of_birth: string | null;
  other_cases: { id: number; status: CaseStatus; phase: CasePhase }[];
  other_signals: { id: number; intake_date: string; status: SignalStatus }[];
}

export interface Household {
  id: number;
  team_id: number;
  address: string;
  /** By name; on a case page other_cases and other_signals leave out that case. */
  members: HouseholdMember[];
}

export interface Case {
  id: number;
  team_id: number;
  status: CaseStatus;
  opened_at: string;
  person: {
    id: number;
    name: string;
    address: string;
    phone: string;
    date_of_birth: string | null;
    sex: Sex;
  };
  assigned_workers: PersonRef[];
  signals: CaseSignal[];
  decision: {
    decision: Decision;
    reason: string;
    decided_by: PersonRef;
    decided_at: string;
  } | null;
  contacts: Contact[];
  last_contact_at: string | null;
  days_since_last_contact: number | null;
  next_attempt_date: string | null;
  closure: { reason: ClosureReason; note: string; closed_at: string; closed_by: PersonRef } | null;
  events: CaseEvent[];
  phase: CasePhase;
  allowed_events: TransitionEvent[];
  assignment_history: Assignment[];
  preparation: Preparation;
  /** Monitoring check-ins, earliest planned first. */
  check_ins: CheckIn[];
  /** Process reviews, newest first. */
  reviews: Review[];
  days_to_first_contact: number | null;
  cadence_days: number[];
  concerns: CaseConcerns;
  household: Household | null;
  /** Set when the reader is not in the case's team and reads through emergency access. */
  break_glass: { id: number; reason: string; expires_at: string } | null;
}
