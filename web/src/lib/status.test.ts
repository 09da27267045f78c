import { describe, expect, it } from 'vitest';

// The tests run in Node: give the router the one piece of `window` it reads.
Object.assign(globalThis, { window: { location: { hash: '#/cases/7' } } });
const { announce, clearStatus, keepStatusFor, statusStore } = await import('./status');

describe('status messages', () => {
  it('belong to the page they were said on', () => {
    announce('Contact opgeslagen.');
    expect(statusStore.get().path).toBe('/cases/7');
    keepStatusFor('/cases/7');
    expect(statusStore.get().text).toBe('Contact opgeslagen.');
    keepStatusFor('/cases/team');
    expect(statusStore.get().text).toBe('');
  });

  it('can be addressed to the page a save goes to next', () => {
    announce('Aanmelding opgeslagen.', '/signals/12');
    keepStatusFor('/signals/12');
    expect(statusStore.get().text).toBe('Aanmelding opgeslagen.');
    clearStatus();
    expect(statusStore.get().text).toBe('');
  });

  it('count up so the same text is announced again', () => {
    announce('Contact opgeslagen.');
    const first = statusStore.get().seq;
    announce('Contact opgeslagen.');
    expect(statusStore.get().seq).toBe(first + 1);
  });
});
