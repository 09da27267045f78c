import { WIDE, useMediaQuery } from '../../../components/useMediaQuery';
import { hasKey, t } from '../../../i18n';
import { formatTimestamp } from '../../../lib/format';
import { label } from '../../../lib/labels';
import type { AccessLogEntry } from '../api/accessLog';

/** One condition of a search as the server logged it (`status=open`), in words. */
function conditionText(key: string, value: string): string {
  const nameKey = `accessLog.condition.${key}`;
  const valueKey = `accessLog.value.${value}`;
  const name = hasKey(nameKey) ? t(nameKey) : key;
  if ((key === 'from' || key === 'to') && /^\d+$/.test(value)) {
    return `${name}: ${formatTimestamp(new Date(Number(value) * 1000).toISOString())}`;
  }
  const candidates = [
    key === 'status' ? label('caseStatus', value) : value,
    key === 'status' ? label('signalStatus', value) : value,
    key === 'phase' ? label('phase', value) : value,
    hasKey(valueKey) ? t(valueKey) : value,
  ];
  return `${name}: ${candidates.find((text) => text !== value) ?? value}`;
}

/**
 * A search's conditions (`scope=team&status=open&phase=`, empty ones left out) and the ids it
 * returned (` ids=11,17`), in words; null when the detail is not a search.
 */
function searchText(detail: string): string | null {
  const m = /^((?:[a-z_]+=[^&\s]*&?)*)\s*(?:ids=([\d,]*))?$/.exec(detail);
  if (!m || (!m[1] && m[2] === undefined)) return null;
  const parts = m[1]!
    .split('&')
    .map((pair) => pair.split('=') as [string, string])
    .filter(([key, value]) => key && value)
    .map(([key, value]) => conditionText(key, value));
  if (m[2] !== undefined) {
    const ids = m[2] ? m[2].split(',') : [];
    if (ids.length === 0) parts.push(t('accessLog.search.none'));
    else if (ids.length === 1) parts.push(t('accessLog.search.one', { ids: ids[0]! }));
    else parts.push(t('accessLog.search.results', { count: ids.length, ids: ids.join(', ') }));
  }
  return parts.join('; ');
}

/** A detail the server writes for a change, a part of a record or a search, in words; others as sent. */
function detailText(detail: string): string {
  const key = `accessLog.detail.${detail}`;
  if (hasKey(key)) return t(key);
  const change = /^(transition|decision)=([a-z_]+)$/.exec(detail);
  if (change) return label(change[1] === 'transition' ? 'transitionEvent' : 'decision', change[2]!);
  return searchText(detail) ?? detail;
}

/**
 * "Casus 12 (contactmomenten)": the kind of record, its id and the detail; unknown kinds and details
 * are shown plainly.
 */
export function whatText(e: AccessLogEntry): string {
  const kind = label('recordType', e.record_type);
  const id = e.record_id === null ? '' : ` ${e.record_id}`;
  return e.detail ? `${kind}${id} (${detailText(e.detail)})` : `${kind}${id}`;
}

function actionText(e: AccessLogEntry): string {
  return label('accessAction', e.action);
}

function userText(e: AccessLogEntry): string {
  return e.user.display_name || t('accessLog.unknownUser', { id: e.user.id });
}

/**
 * Access-log rows: a table on a desktop, cards on a phone or when `compact` (a side column).
 * `showPerson` adds the person column.
 */
export function AccessLogEntries({
  items,
  showPerson,
  compact = false,
}: {
  items: AccessLogEntry[];
  showPerson: boolean;
  compact?: boolean;
}) {
  const wide = useMediaQuery(WIDE);
  if (wide && !compact) {
    return (
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('accessLog.col.at')}</th>
            <th scope="col">{t('accessLog.col.user')}</th>
            <th scope="col">{t('accessLog.col.action')}</th>
            <th scope="col">{t('accessLog.col.what')}</th>
            {showPerson && <th scope="col">{t('accessLog.col.person')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <td class="nowrap">{formatTimestamp(e.at)}</td>
              <td>{userText(e)}</td>
              <td>
                {actionText(e)}
                {e.break_glass_reason && <p class="history-text">{t('accessLog.breakGlass', { reason: e.break_glass_reason })}</p>}
              </td>
              <td class="break-anywhere">{whatText(e)}</td>
              {showPerson && <td>{e.person_id ?? t('common.empty')}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <ul class="cards">
      {items.map((e) => (
        <li key={e.id} class="card">
          <p class="card-title">
            {userText(e)} — {actionText(e)}
          </p>
          <p class="card-meta break-anywhere">{whatText(e)}</p>
          {e.break_glass_reason && <p class="card-meta">{t('accessLog.breakGlass', { reason: e.break_glass_reason })}</p>}
          <p class="card-meta muted">
            {formatTimestamp(e.at)}
            {showPerson && e.person_id !== null && ` · ${t('accessLog.col.person')} ${e.person_id}`}
          </p>
        </li>
      ))}
    </ul>
  );
}
