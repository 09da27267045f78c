import type { Errors } from '../../components/useForm';
import { t } from '../../i18n';
import { MAX } from '../../lib/limits';

/** The consent form (Bijlage 4), checked as the server does (docs/api.md). */
export function validateConsent(
  v: { recipient: string; organisation: string; scope: string; topics: string[]; channels: string[]; givenOn: string; endsOn: string },
  today: string,
): Errors {
  const errors: Errors = {};
  if (!v.recipient) errors.recipient_category = t('fieldError.requiredChoice');
  if (v.recipient === 'other' && !v.organisation.trim()) errors.organisation = t('fieldError.required');
  else if (v.organisation.length > MAX.short) errors.organisation = t('fieldError.too_long', { max: MAX.short });
  if (!v.scope) errors.scope = t('fieldError.requiredChoice');
  if (v.scope === 'partial' && v.topics.length === 0) errors.topics = t('fieldError.requiredChoice');
  if (v.channels.length === 0) errors.channels = t('fieldError.requiredChoice');
  if (!v.givenOn) errors.given_on = t('fieldError.required');
  else if (v.givenOn > today) errors.given_on = t('fieldError.in_future');
  if (v.endsOn && v.givenOn && v.endsOn < v.givenOn) errors.ends_on = t('fieldError.out_of_range');
  return errors;
}

/** The exchange form (Bijlage 5); whether a consent covers it is the server's decision. */
export function validateExchange(
  v: {
    occurredOn: string;
    direction: string;
    channel: string;
    category: string;
    organisation: string;
    contactPerson: string;
    topics: string[];
    basis: string;
    justification: string;
    peerConsulted: string;
  },
  today: string,
): Errors {
  const errors: Errors = {};
  if (!v.occurredOn) errors.occurred_on = t('fieldError.required');
  else if (v.occurredOn > today) errors.occurred_on = t('fieldError.in_future');
  if (!v.direction) errors.direction = t('fieldError.requiredChoice');
  if (!v.channel) errors.channel = t('fieldError.requiredChoice');
  if (!v.category) errors.organisation_category = t('fieldError.requiredChoice');
  if (!v.organisation.trim()) errors.organisation = t('fieldError.required');
  else if (v.organisation.length > MAX.short) errors.organisation = t('fieldError.too_long', { max: MAX.short });
  if (v.contactPerson.length > MAX.name) errors.contact_person = t('fieldError.too_long', { max: MAX.name });
  if (v.topics.length === 0) errors.topics = t('fieldError.requiredChoice');
  if (!v.basis) errors.basis = t('fieldError.requiredChoice');
  if (v.basis && v.basis !== 'consent' && !v.justification.trim()) errors.justification = t('fieldError.required');
  else if (v.justification.length > MAX.long) errors.justification = t('fieldError.too_long', { max: MAX.long });
  if (v.basis === 'professional_code_art2' && !v.peerConsulted.trim()) errors.peer_consulted = t('fieldError.required');
  else if (v.peerConsulted.length > MAX.name) errors.peer_consulted = t('fieldError.too_long', { max: MAX.name });
  return errors;
}
