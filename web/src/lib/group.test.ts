import { describe, expect, it } from 'vitest';
import { groupInOrder } from './group';

describe('groupInOrder', () => {
  it('keeps the order of first appearance and of the items within a group', () => {
    const rows = [
      { month: '2026-05', n: 1 },
      { month: '2026-04', n: 2 },
      { month: '2026-05', n: 3 },
    ];
    expect(groupInOrder(rows, (r) => r.month)).toEqual([
      { key: '2026-05', rows: [rows[0], rows[2]] },
      { key: '2026-04', rows: [rows[1]] },
    ]);
    expect(groupInOrder([], () => 'x')).toEqual([]);
  });
});
