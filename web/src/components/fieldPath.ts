/** Form fields are named by their API path (`person.date_of_birth`), so server errors find them. */

/**
 * The DOM id of the control (or fieldset) for an API field path. `scope` keeps ids unique when
 * two forms on one page share a field name (the contact note and the closure note).
 */
export function fieldId(path: string, scope = ''): string {
  const id = path.replace(/[^A-Za-z0-9_]+/g, '-');
  return scope ? `f-${scope}-${id}` : `f-${id}`;
}

/** `problem_areas[2]` and `assigned_worker_ids.0` belong to the group field itself. */
export function normalizeFieldPath(path: string): string {
  return path.replace(/\[\d+\]/g, '').replace(/\.\d+(?=\.|$)/g, '');
}
