import { useCallback, useEffect, useState } from 'preact/hooks';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Replaces the data with a fresher copy the caller already has (e.g. from a POST reply). */
  replace: (data: T) => void;
}

/** Loads data for a page; reloads when `key` changes. A stale reply never overwrites a newer one. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [seq, setSeq] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(null);
    load().then(
      (result) => {
        if (!current) return;
        setData(result);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
    // `load` is a new closure on every render; `key` says when the request really changes.
  }, [key, seq]);

  const reload = useCallback(() => setSeq((n) => n + 1), []);
  return { data, error, loading, reload, replace: setData };
}
