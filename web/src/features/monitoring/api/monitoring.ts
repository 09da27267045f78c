import { api } from '../../../lib/api';
import type { CheckInOutcome, ReviewDecision } from '../../../lib/enums';
import type { Case, CheckIn, Review } from '../../../lib/records';

export function scheduleCheckIn(caseId: number, body: { planned_on: string; worker_id: number }) {
  return api.post<CheckIn>(`/cases/${caseId}/check-ins`, body);
}

export function recordCheckInOutcome(
  caseId: number,
  checkInId: number,
  body: { done_on: string; outcome: CheckInOutcome; note: string },
) {
  return api.post<CheckIn>(`/cases/${caseId}/check-ins/${checkInId}/outcome`, body);
}

export function addReview(
  caseId: number,
  body: { held_on: string; attendees: string; notes: string; decision: ReviewDecision },
) {
  return api.post<Review>(`/cases/${caseId}/reviews`, body);
}

/** Back to making contact: a closed case is reopened, a monitored case moves by contact_lost. */
export function reopenToMakingContact(c: Case, reason: string) {
  return c.status === 'closed'
    ? api.post<Case>(`/cases/${c.id}/reopen`, { reason, phase: 'making_contact' })
    : api.post<Case>(`/cases/${c.id}/transitions`, { event: 'contact_lost', reason });
}
