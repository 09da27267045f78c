import { WIDE, useMediaQuery } from '../../../components/useMediaQuery';
import { hasKey, t } from '../../../i18n';
import { formatTimestamp } from '../../../lib/format';
import { label } from '../../../lib/labels';
import type { AccessLogEntry } from '../api/accessLog';

/** A detail the server writes for a change or a part of a record, in words; others (search filters) as sent. */
function detailText(detail: string): string {
  const key = `accessLog.detail.${detail}`;
  if (hasKey(key)) return t(key);
  const change = /^(transition|decision)=([a-z_]+)$/.exec(detail);
  if (change) return label(change[1] === 'transition' ? 'transitionEvent' : 'decision', change[2]!);
  return detail;
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
