import { currentRoute } from './router';
import { createStore } from './store';

/**
 * The message in the page's aria-live status region ("Contact opgeslagen."). A message belongs to
 * one page: the page it was said on, or the page a save is about to go to. `seq` makes a repeated
 * identical message announce again.
 */
export interface StatusMessage {
  text: string;
  seq: number;
  path: string;
}

export const statusStore = createStore<StatusMessage>({ text: '', seq: 0, path: '' });

export function announce(text: string, path: string = currentRoute().path): void {
  statusStore.set({ text, seq: statusStore.get().seq + 1, path });
}

/** Called on every page change: a message for another page disappears. */
export function keepStatusFor(path: string): void {
  const current = statusStore.get();
  if (current.text && current.path !== path) clearStatus();
}

export function clearStatus(): void {
  statusStore.set({ ...statusStore.get(), text: '', path: '' });
}
