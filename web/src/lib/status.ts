import { createStore } from './store';

/**
 * The message in the page's aria-live status region ("Contact opgeslagen."). `seq` makes a
 * repeated identical message announce again; `at` lets a message that was announced just before
 * a navigation survive that navigation (see App).
 */
export interface StatusMessage {
  text: string;
  seq: number;
  at: number;
}

export const statusStore = createStore<StatusMessage>({ text: '', seq: 0, at: 0 });

export function announce(text: string): void {
  statusStore.set({ text, seq: statusStore.get().seq + 1, at: Date.now() });
}

/** How long a fresh message outlives a page change. */
const CARRY_OVER_MS = 3000;

/** Clears the message on a page change, unless it was announced moments ago (save, then go). */
export function clearStaleStatus(now: number = Date.now()): void {
  const current = statusStore.get();
  if (current.text && now - current.at > CARRY_OVER_MS) statusStore.set({ ...current, text: '' });
}
