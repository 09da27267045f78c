/** The enumerations of the API (docs/api.md), in the order the paper form and the UI show them. */

export const ROLES = ['outreacher', 'team_lead', 'admin', 'reception', 'partner', 'policy', 'privacy_officer'] as const;
export type Role = (typeof ROLES)[number];

export const REPORTER_KINDS = ['private_person', 'organisation'] as const;
export type ReporterKind = (typeof REPORTER_KINDS)[number];

export const SEXES = ['male', 'female', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const DIRECT_REASONS = ['crisis', 'powerlessness', 'nuisance', 'other'] as const;
export type DirectReason = (typeof DIRECT_REASONS)[number];

export const PROBLEM_AREAS = [
  'finances',
  'housing',
  'addiction',
  'health',
  'psychiatry',
  'loneliness',
  'daytime_activity',
  'self_care',
  'crime',
  'parenting',
  'prostitution',
  'nuisance',
  'aggressive_behaviour',
  'relationship_problems',
  'squalor',
  'other',
] as const;
export type ProblemArea = (typeof PROBLEM_AREAS)[number];

export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;
export type YesNoUnknown = (typeof YES_NO_UNKNOWN)[number];

export const GENDER_PREFERENCES = ['none', 'male', 'female'] as const;
export type GenderPreference = (typeof GENDER_PREFERENCES)[number];

export const DECISIONS = ['outreach', 'regular_help', 'referral', 'no_action'] as const;
export type Decision = (typeof DECISIONS)[number];

export const SIGNAL_STATUSES = ['awaiting_decision', 'decided'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CHANNELS = [
  'home_visit',
  'doorbell',
  'phone',
  'letter_or_card',
  'text_message',
  'email',
  'street',
  'school_gate',
  'with_partner',
  'at_office',
  'case_conference',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const OUTCOMES = [
  'not_at_home',
  'door_not_opened',
  'brief_contact',
  'conversation',
  'refused_contact',
  'appointment_made',
  'appointment_not_kept',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const CLOSURE_REASONS = [
  'goal_reached',
  'client_declines',
  'out_of_view',
  'referred',
  'no_added_value',
  'deceased',
  'other',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const CASE_EVENT_KINDS = ['opened', 'closed', 'reopened'] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

export const CASE_PHASES = ['preparation', 'making_contact', 'follow_up', 'help', 'monitoring', 'closed'] as const;
export type CasePhase = (typeof CASE_PHASES)[number];

export const TRANSITION_EVENTS = [
  'start_contact',
  'contact_made',
  'start_help',
  'start_monitoring',
  'resume_help',
  'contact_lost',
  'close',
  'reopen',
] as const;
export type TransitionEvent = (typeof TRANSITION_EVENTS)[number];

/** Kinds of timeline items; the server may add kinds later, which the timeline shows plainly. */
export const TIMELINE_KINDS = ['signal', 'decision', 'phase', 'contact', 'handover', 'check_in', 'review'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** Outcomes of a monitoring check-in; worried and lost_contact suggest reopening. */
export const CHECK_IN_OUTCOMES = ['doing_well', 'worried', 'lost_contact'] as const;
export type CheckInOutcome = (typeof CHECK_IN_OUTCOMES)[number];

/** Decisions of a monthly process review. */
export const REVIEW_DECISIONS = ['continue', 'change_approach', 'hand_over', 'close'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Roles of household members; what a case concerns. */
export const HOUSEHOLD_ROLES = ['adult', 'child', 'other'] as const;
export type HouseholdRole = (typeof HOUSEHOLD_ROLES)[number];

export const ERASURE_REASONS = [
  'no_longer_necessary',
  'consent_withdrawn',
  'objection',
  'unlawful',
  'legal_obligation',
  'other',
] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];
export type CaseConcerns = 'person' | 'household';

/** The triage checklist of a decision (seed 000 Bijlage 1). */
export const INDICATIONS = ['serious_worry_no_adequate_care', 'temporarily_unreachable_help_urgent', 'nuisance'] as const;
export type Indication = (typeof INDICATIONS)[number];

export const CONTRA_INDICATIONS = [
  'unreachable_psychiatric',
  'unreachable_substance_use',
  'nuisance_not_reported',
  'existing_care_trajectory',
] as const;
export type ContraIndication = (typeof CONTRA_INDICATIONS)[number];

/** Who comes along on the first visit. */
export const COMPANIONS = ['reporter', 'partner', 'colleague', 'police_officer', 'none'] as const;
export type Companion = (typeof COMPANIONS)[number];

/** Consent and information exchange (seed 000 Bijlage 4 and 5); topics are PROBLEM_AREAS. */
export const CONSENT_RECIPIENTS = [
  'general_practitioner',
  'mental_health_care',
  'hospital_specialist',
  'other_health_care',
  'social_services',
  'benefits_agency',
  'bank',
  'financial_administrator',
  'other_benefit_bodies',
  'youth_care',
  'housing_corporation',
  'addiction_care',
  'other',
] as const;
export type ConsentRecipient = (typeof CONSENT_RECIPIENTS)[number];

export const CONSENT_SCOPES = ['full', 'partial'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export const EXCHANGE_CHANNELS = ['oral', 'phone', 'electronic'] as const;
export type ExchangeChannel = (typeof EXCHANGE_CHANNELS)[number];

export const EXCHANGE_DIRECTIONS = ['given', 'received'] as const;
export type ExchangeDirection = (typeof EXCHANGE_DIRECTIONS)[number];

export const EXCHANGE_BASES = ['consent', 'vital_interest', 'legal_duty', 'professional_code_art2', 'meldcode'] as const;
export type ExchangeBasis = (typeof EXCHANGE_BASES)[number];

export const CONSENT_STANCES = ['no_opinion', 'explicitly_refuses'] as const;
export type ConsentStanceKind = (typeof CONSENT_STANCES)[number];

export const CONSENT_STATES = ['general', 'partial', 'not_asked', 'no_opinion', 'explicitly_refuses'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export const ACCESS_ACTIONS = ['read', 'create', 'change', 'delete', 'export', 'print', 'search'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** The kinds of record an access-log row names. */
export const RECORD_TYPES = [
  'case',
  'signal',
  'contact',
  'household',
  'check_in',
  'review',
  'prior_info',
  'person',
  'consent',
  'consent_stance',
  'consent_form',
  'exchange',
  'access_log',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
