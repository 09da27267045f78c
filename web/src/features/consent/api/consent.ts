import { api } from '../../../lib/api';
import type {
  ConsentRecipient,
  ConsentScope,
  ConsentStanceKind,
  ConsentState,
  ExchangeBasis,
  ExchangeChannel,
  ExchangeDirection,
  ProblemArea,
} from '../../../lib/enums';
import type { PersonRef } from '../../../lib/records';

/** A consent of the person (docs/api.md "Consent and information exchange", seed 000 Bijlage 4). */
export interface Consent {
  id: number;
  person_id: number;
  recipient_category: ConsentRecipient;
  organisation: string;
  scope: ConsentScope;
  topics: ProblemArea[];
  channels: ExchangeChannel[];
  given_on: string;
  ends_on: string | null;
  withdrawn_on: string | null;
  withdrawn_by: PersonRef | null;
  scan: { media_type: string } | null;
  recorded_by: PersonRef;
  recorded_at: string;
}

export interface ConsentOverview {
  state: ConsentState;
  stance: { stance: ConsentStanceKind; noted_on: string; note: string; recorded_by: PersonRef } | null;
  items: Consent[];
}

export interface ConsentInput {
  recipient_category: ConsentRecipient;
  organisation: string;
  scope: ConsentScope;
  topics: ProblemArea[];
  channels: ExchangeChannel[];
  given_on: string;
  ends_on: string | null;
}

/** An exchange of information with a partner (Bijlage 5). */
export interface ExchangeInput {
  occurred_on: string;
  direction: ExchangeDirection;
  channel: ExchangeChannel;
  organisation_category: ConsentRecipient;
  organisation: string;
  contact_person: string;
  topics: ProblemArea[];
  basis: ExchangeBasis;
  justification: string;
  peer_consulted: string;
}

export interface Exchange extends ExchangeInput {
  id: number;
  person_id: number;
  consent_id: number | null;
  recorded_by: PersonRef;
  recorded_at: string;
}

export function getConsents(personId: number) {
  return api.get<ConsentOverview>(`/persons/${personId}/consents`);
}

export function recordConsent(personId: number, body: ConsentInput) {
  return api.post<Consent>(`/persons/${personId}/consents`, body);
}

export function withdrawConsent(consentId: number, withdrawnOn: string) {
  return api.post<Consent>(`/consents/${consentId}/withdrawal`, { withdrawn_on: withdrawnOn });
}

export function recordStance(personId: number, body: { stance: ConsentStanceKind; noted_on: string; note: string }) {
  return api.post<ConsentOverview>(`/persons/${personId}/consent-stance`, body);
}

/** The printable consent form (Bijlage 4) as PDF, opened by the browser with the session cookie. */
export function consentFormUrl(personId: number) {
  return `/api/v1/persons/${personId}/consent-form.pdf`;
}

/** Uploads the signed form (PDF, JPEG or PNG, at most 10 MiB). */
export function uploadScan(consentId: number, file: Blob) {
  return api.post<Consent>(`/consents/${consentId}/scan`, file);
}

export function scanUrl(consentId: number) {
  return `/api/v1/consents/${consentId}/scan`;
}

export function getExchanges(personId: number) {
  return api.get<{ items: Exchange[] }>(`/persons/${personId}/exchanges`);
}

export function logExchange(personId: number, body: ExchangeInput) {
  return api.post<Exchange>(`/persons/${personId}/exchanges`, body);
}
