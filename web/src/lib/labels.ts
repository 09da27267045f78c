import { t, type MessageKey } from '../i18n';
import {
  ACCESS_ACTIONS,
  CASE_EVENT_KINDS,
  CASE_PHASES,
  CASE_STATUSES,
  CHANNELS,
  CHECK_IN_OUTCOMES,
  CLOSURE_REASONS,
  COMPANIONS,
  CONSENT_RECIPIENTS,
  CONSENT_SCOPES,
  CONSENT_STANCES,
  CONSENT_STATES,
  CONTRA_INDICATIONS,
  DECISIONS,
  DIRECT_REASONS,
  EXCHANGE_BASES,
  EXCHANGE_CHANNELS,
  EXCHANGE_DIRECTIONS,
  GENDER_PREFERENCES,
  HOUSEHOLD_ROLES,
  ERASURE_REASONS,
  INDICATIONS,
  OUTCOMES,
  PROBLEM_AREAS,
  RECORD_TYPES,
  REPORTER_KINDS,
  REVIEW_DECISIONS,
  ROLES,
  SEXES,
  SIGNAL_STATUSES,
  TIMELINE_KINDS,
  TRANSITION_EVENTS,
  YES_NO_UNKNOWN,
} from './enums';

/** Each API enumeration and the dictionary prefix of its labels (`problemArea.finances`). */
export const ENUM_LABELS = {
  role: ROLES,
  reporterKind: REPORTER_KINDS,
  sex: SEXES,
  directReason: DIRECT_REASONS,
  problemArea: PROBLEM_AREAS,
  yesNoUnknown: YES_NO_UNKNOWN,
  genderPreference: GENDER_PREFERENCES,
  decision: DECISIONS,
  signalStatus: SIGNAL_STATUSES,
  caseStatus: CASE_STATUSES,
  channel: CHANNELS,
  outcome: OUTCOMES,
  closureReason: CLOSURE_REASONS,
  event: CASE_EVENT_KINDS,
  indication: INDICATIONS,
  contraIndication: CONTRA_INDICATIONS,
  companion: COMPANIONS,
  phase: CASE_PHASES,
  transitionEvent: TRANSITION_EVENTS,
  timelineKind: TIMELINE_KINDS,
  checkInOutcome: CHECK_IN_OUTCOMES,
  reviewDecision: REVIEW_DECISIONS,
  householdRole: HOUSEHOLD_ROLES,
  erasureReason: ERASURE_REASONS,
  consentRecipient: CONSENT_RECIPIENTS,
  consentScope: CONSENT_SCOPES,
  exchangeChannel: EXCHANGE_CHANNELS,
  exchangeDirection: EXCHANGE_DIRECTIONS,
  exchangeBasis: EXCHANGE_BASES,
  consentStance: CONSENT_STANCES,
  consentState: CONSENT_STATES,
  accessAction: ACCESS_ACTIONS,
  recordType: RECORD_TYPES,
} as const;

/** One choice of a radio group, checkbox group or select. */
export interface Option<V extends string = string> {
  value: V;
  label: string;
}

export type EnumName = keyof typeof ENUM_LABELS;
export type EnumValue<N extends EnumName> = (typeof ENUM_LABELS)[N][number];

const ENUM_KEYS: Record<string, true> = Object.fromEntries(
  Object.entries(ENUM_LABELS).flatMap(([name, values]) => values.map((v: string) => [`${name}.${v}`, true])),
);

/** The label of one enumeration value in the current language; an unknown value shows as sent. */
export function label<N extends EnumName>(name: N, value: EnumValue<N> | string): string {
  const key = `${name}.${value}`;
  return key in ENUM_KEYS ? t(key as MessageKey) : value;
}

/** Options for a radio group, checkbox group or select, in the API's order. */
export function enumOptions<N extends EnumName>(name: N): Option<EnumValue<N>>[] {
  return (ENUM_LABELS[name] as readonly EnumValue<N>[]).map((value) => ({ value, label: label(name, value) }));
}
