// The records of the JSON API (docs/api.md) that several features read: the Case document and
// its parts, the Signal document. A feature that owns the endpoints changing one of them
// (trajectory: Assignment, monitoring: CheckIn and Review, triage: Preparation, Triage and Feedback,
// signals: the Signal, cases: the rest) imports the type from here, so no feature imports another
// one for a type.
import type {
  CaseConcerns,
  CaseEventKind,
  CasePhase,
  CaseStatus,
  Channel,
  CheckInOutcome,
  ClosureReason,
  Companion,
  ContraIndication,
  Decision,
  DirectReason,
  GenderPreference,
  HouseholdRole,
  Indication,
  Outcome,
  ProblemArea,
  ReporterKind,
  ReviewDecision,
  Sex,
  SignalStatus,
  TransitionEvent,
  YesNoUnknown,
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

/** The triage checklist of a signal decision: indications, contra-indications and the note. */
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

export interface SignalDecision {
  id: number;
  decision: Decision;
  reason: string;
  decided_by: PersonRef;
  decided_at: string;
  case_id: number | null;
  indications: Triage['indications'];
  contra_indications: Triage['contra_indications'];
  contra_indication_note: string;
}

export interface Reporter {
  name: string;
  kind: ReporterKind;
  relation: string;
  organisation: string;
  function: string;
  phone: string;
  address: string;
}

export interface SignalInput {
  team_id?: number;
  intake_date: string;
  reporter: Reporter;
  person: { name: string; address: string; phone: string; date_of_birth: string | null; sex: Sex };
  relation_to_person: string;
  known_since: string;
  contact_initiative: string;
  contact_nature: string;
  direct_reason: DirectReason;
  direct_reason_other: string;
  tried_and_result: string;
  what_would_help: string;
  others_in_contact: string;
  whereabouts: string;
  reporter_can_introduce: YesNoUnknown;
  introduction_note: string;
  worker_gender_preference: GenderPreference;
  may_contact_reporter: boolean;
  problem_areas: ProblemArea[];
  problem_areas_other: string;
  follow_up_agreed: string;
  feedback_date: string | null;
  person_aware: YesNoUnknown;
}

export interface Signal extends Omit<SignalInput, 'team_id' | 'person'> {
  id: number;
  team_id: number;
  status: SignalStatus;
  case_id: number | null;
  taken_by: PersonRef;
  created_at: string;
  person: SignalInput['person'] & { id: number };
  decisions: SignalDecision[];
  feedback: Feedback;
}
