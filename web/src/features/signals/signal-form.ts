import type { DateParts } from '../../components/fields';
import type { Errors } from '../../components/useForm';
import { t } from '../../i18n';
import { datePartsToIso, isIsoDate } from '../../lib/dates';
import type {
  DirectReason,
  GenderPreference,
  ProblemArea,
  ReporterKind,
  Sex,
  YesNoUnknown,
} from '../../lib/enums';
import { MAX } from '../../lib/limits';
import type { SignalInput } from '../../lib/records';

/**
 * The registration form's state, keyed by API field path so that browser and server errors land
 * on the same control. Pure: no DOM, no requests.
 */
export interface SignalDraft {
  team_id: string;
  intake_date: string;
  'reporter.name': string;
  'reporter.kind': ReporterKind | '';
  'reporter.relation': string;
  'reporter.organisation': string;
  'reporter.function': string;
  'reporter.address': string;
  'reporter.phone': string;
  'person.name': string;
  'person.address': string;
  'person.phone': string;
  'person.date_of_birth': DateParts;
  'person.sex': Sex;
  relation_to_person: string;
  known_since: string;
  contact_initiative: string;
  contact_nature: string;
  direct_reason: DirectReason | '';
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
  feedback_date: string;
  person_aware: YesNoUnknown | '';
}

export function emptyDraft(today: string, teamId: number | null): SignalDraft {
  return {
    team_id: teamId === null ? '' : String(teamId),
    intake_date: today,
    'reporter.name': '',
    'reporter.kind': '',
    'reporter.relation': '',
    'reporter.organisation': '',
    'reporter.function': '',
    'reporter.address': '',
    'reporter.phone': '',
    'person.name': '',
    'person.address': '',
    'person.phone': '',
    'person.date_of_birth': { day: '', month: '', year: '' },
    'person.sex': 'unknown',
    relation_to_person: '',
    known_since: '',
    contact_initiative: '',
    contact_nature: '',
    direct_reason: '',
    direct_reason_other: '',
    tried_and_result: '',
    what_would_help: '',
    others_in_contact: '',
    whereabouts: '',
    reporter_can_introduce: 'unknown',
    introduction_note: '',
    worker_gender_preference: 'none',
    may_contact_reporter: false,
    problem_areas: [],
    problem_areas_other: '',
    follow_up_agreed: '',
    feedback_date: '',
    person_aware: '',
  };
}

type TextKey = {
  [K in keyof SignalDraft]: SignalDraft[K] extends string ? K : never;
}[keyof SignalDraft];

/** Maximum length per text field (docs/api.md "Length limits"). */
export const SIGNAL_LIMITS: Partial<Record<TextKey, number>> = {
  'reporter.name': MAX.name,
  'reporter.relation': MAX.short,
  'reporter.organisation': MAX.short,
  'reporter.function': MAX.short,
  'reporter.address': MAX.address,
  'reporter.phone': MAX.phone,
  'person.name': MAX.name,
  'person.address': MAX.address,
  'person.phone': MAX.phone,
  relation_to_person: MAX.short,
  known_since: MAX.short,
  contact_initiative: MAX.long,
  contact_nature: MAX.long,
  direct_reason_other: MAX.long,
  tried_and_result: MAX.long,
  what_would_help: MAX.long,
  others_in_contact: MAX.long,
  whereabouts: MAX.long,
  introduction_note: MAX.long,
  problem_areas_other: MAX.long,
  follow_up_agreed: MAX.long,
};

function datePartsEmpty(parts: DateParts): boolean {
  return !parts.day.trim() && !parts.month.trim() && !parts.year.trim();
}

/** The date of birth as `YYYY-MM-DD`, null when left empty, undefined when it is not a real day. */
export function dateOfBirth(draft: SignalDraft): string | null | undefined {
  const parts = draft['person.date_of_birth'];
  if (datePartsEmpty(parts)) return null;
  return datePartsToIso(parts.day, parts.month, parts.year) ?? undefined;
}

/** Checks what the browser can check before sending; the server checks the same again. */
export function validateSignal(draft: SignalDraft, today: string, needsTeam: boolean): Errors {
  const errors: Errors = {};
  const required = (key: TextKey, choice = false) => {
    if (!String(draft[key]).trim()) errors[key] = t(choice ? 'fieldError.requiredChoice' : 'fieldError.required');
  };

  if (needsTeam) required('team_id', true);
  required('intake_date');
  if (!errors.intake_date && !isIsoDate(draft.intake_date)) errors.intake_date = t('fieldError.invalid_date');
  required('reporter.name');
  required('reporter.kind', true);
  required('person.name');
  required('direct_reason', true);
  if (draft.direct_reason === 'other') required('direct_reason_other');
  if (draft.problem_areas.includes('other')) required('problem_areas_other');
  required('person_aware', true);

  const dob = dateOfBirth(draft);
  if (dob === undefined) errors['person.date_of_birth'] = t('fieldError.invalid_date');
  else if (dob !== null && dob > today) errors['person.date_of_birth'] = t('fieldError.dateOfBirthFuture');

  if (draft.feedback_date && !isIsoDate(draft.feedback_date)) errors.feedback_date = t('fieldError.invalid_date');

  for (const [key, max] of Object.entries(SIGNAL_LIMITS) as [TextKey, number][]) {
    if (!errors[key] && String(draft[key]).length > max) errors[key] = t('fieldError.too_long', { max });
  }
  return errors;
}

/** The request body for POST /api/v1/signals; call only after `validateSignal` passed. */
export function toSignalInput(draft: SignalDraft, includeTeam: boolean): SignalInput {
  const input: SignalInput = {
    intake_date: draft.intake_date,
    reporter: {
      name: draft['reporter.name'].trim(),
      kind: draft['reporter.kind'] as ReporterKind,
      relation: draft['reporter.relation'].trim(),
      organisation: draft['reporter.organisation'].trim(),
      function: draft['reporter.function'].trim(),
      phone: draft['reporter.phone'].trim(),
      address: draft['reporter.address'].trim(),
    },
    person: {
      name: draft['person.name'].trim(),
      address: draft['person.address'].trim(),
      phone: draft['person.phone'].trim(),
      date_of_birth: dateOfBirth(draft) ?? null,
      sex: draft['person.sex'],
    },
    relation_to_person: draft.relation_to_person.trim(),
    known_since: draft.known_since.trim(),
    contact_initiative: draft.contact_initiative.trim(),
    contact_nature: draft.contact_nature.trim(),
    direct_reason: draft.direct_reason as DirectReason,
    direct_reason_other: draft.direct_reason === 'other' ? draft.direct_reason_other.trim() : '',
    tried_and_result: draft.tried_and_result.trim(),
    what_would_help: draft.what_would_help.trim(),
    others_in_contact: draft.others_in_contact.trim(),
    whereabouts: draft.whereabouts.trim(),
    reporter_can_introduce: draft.reporter_can_introduce,
    introduction_note: draft.introduction_note.trim(),
    worker_gender_preference: draft.worker_gender_preference,
    may_contact_reporter: draft.may_contact_reporter,
    problem_areas: draft.problem_areas,
    problem_areas_other: draft.problem_areas.includes('other') ? draft.problem_areas_other.trim() : '',
    follow_up_agreed: draft.follow_up_agreed.trim(),
    feedback_date: draft.feedback_date || null,
    person_aware: draft.person_aware as YesNoUnknown,
  };
  if (includeTeam) input.team_id = Number(draft.team_id);
  return input;
}
