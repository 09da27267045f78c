import type { Feedback } from '../../lib/records';

/** Where reporter feedback stands today: not due yet (no decision), open, overdue or given. */
export type FeedbackState = 'none' | 'open' | 'overdue' | 'given';

/** Overdue when the due date lies before today and no feedback was given (as the server lists it). */
export function feedbackState(feedback: Feedback, today: string): FeedbackState {
  if (feedback.given_on) return 'given';
  if (!feedback.due_on) return 'none';
  return feedback.due_on < today ? 'overdue' : 'open';
}
