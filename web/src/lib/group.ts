/** One group of `groupInOrder`: its key and its items, in the order they came. */
export interface Group<T> {
  key: string;
  rows: T[];
}

/** Groups items by key; groups in the order their first item came, items in their own order. */
export function groupInOrder<T>(items: readonly T[], keyOf: (item: T) => string): Group<T>[] {
  const byKey = new Map<string, Group<T>>();
  for (const item of items) {
    const key = keyOf(item);
    const group = byKey.get(key);
    if (group) group.rows.push(item);
    else byKey.set(key, { key, rows: [item] });
  }
  return [...byKey.values()];
}
