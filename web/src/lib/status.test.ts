import { describe, expect, it } from 'vitest';
import { announce, clearStaleStatus, statusStore } from './status';

describe('status messages', () => {
  it('survive the page change that follows them, then clear', () => {
    announce('Aanmelding opgeslagen.');
    const { at } = statusStore.get();
    clearStaleStatus(at + 500);
    expect(statusStore.get().text).toBe('Aanmelding opgeslagen.');
    clearStaleStatus(at + 10_000);
    expect(statusStore.get().text).toBe('');
  });
  it('count up so the same text is announced again', () => {
    announce('Contact opgeslagen.');
    const first = statusStore.get().seq;
    announce('Contact opgeslagen.');
    expect(statusStore.get().seq).toBe(first + 1);
  });
});
