import { api, query } from '../../../lib/api';
import type { TimelineKind, TransitionEvent } from '../../../lib/enums';
import type { Case, PersonRef } from '../../../lib/records';

/** A Case with its trajectory fields (phase, allowed_events, assignment_history). */
export type TrajectoryCase = Case;

export interface TimelineItem {
  /** One of TIMELINE_KINDS, or a kind this web app does not know yet. */
  kind: TimelineKind | string;
  id: number;
  at: string;
  actor: PersonRef;
  details: Record<string, string | null>;
}

export function moveCase(caseId: number, event: TransitionEvent, reason: string) {
  return api.post<TrajectoryCase>(`/cases/${caseId}/transitions`, { event, reason });
}

/** The timeline; `kinds` empty means every kind. */
export function getTimeline(caseId: number, kinds: readonly string[]) {
  return api.get<{ items: TimelineItem[] }>(`/cases/${caseId}/timeline${query({ kind: kinds.join(',') })}`);
}
