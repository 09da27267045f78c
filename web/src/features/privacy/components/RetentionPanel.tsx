import { LoadState } from '../../../components/LoadState';
import { useLoad } from '../../../components/useLoad';
import { WIDE, useMediaQuery } from '../../../components/useMediaQuery';
import { t } from '../../../i18n';
import { formatMonth, formatTimestamp } from '../../../lib/format';
import { groupInOrder } from '../../../lib/group';
import { label } from '../../../lib/labels';
import { getRetention, type RetentionCount, type RetentionSettings } from '../api/privacy';

function Periods({ data }: { data: RetentionSettings }) {
  const rows: [string, number][] = [
    [t('retention.closedCase'), data.periods.closed_case_days],
    [t('retention.signal'), data.periods.signal_days],
    [t('retention.accessLog'), data.periods.access_log_days],
  ];
  return (
    <>
      <dl class="dl dl--compact">
        {rows.map(([name, days]) => (
          <div class="dl-item" key={name}>
            <dt>{name}</dt>
            <dd>{t('retention.days', { days })}</dd>
          </div>
        ))}
      </dl>
      <p class="muted">
        {data.purge_interval_seconds > 0
          ? t('retention.interval', { hours: Math.round(data.purge_interval_seconds / 3600) })
          : t('retention.intervalOff')}
      </p>
    </>
  );
}

const countKey = (c: RetentionCount) => `${c.record_type}-${c.period}-${c.reason}`;

/**
 * The server counts per team, phase reached and contact bucket too; the columns shown are kind, month
 * and reason, so rows alike in those are added up (else "Geen actie" appeared twice in one month).
 */
function shownCounts(counts: RetentionCount[]): RetentionCount[] {
  return groupInOrder(counts, countKey).map(({ rows }) => ({
    ...rows[0]!,
    count: rows.reduce((sum, c) => sum + c.count, 0),
  }));
}

const recordTypeText = (c: RetentionCount) =>
  t(c.record_type === 'case' ? 'retention.recordType.case' : 'retention.recordType.signal');

const reasonText = (c: RetentionCount) => label(c.record_type === 'case' ? 'closureReason' : 'decision', c.reason);

/** A table on a desktop; on a phone a card per kind of record and month, so every count is in view. */
function Counts({ data }: { data: RetentionSettings }) {
  const wide = useMediaQuery(WIDE);
  if (data.purged_counts.length === 0) return <p class="empty">{t('retention.counts.empty')}</p>;
  const counts = shownCounts(data.purged_counts);
  if (!wide) {
    return (
      <ul class="cards">
        {groupInOrder(counts, (c) => `${c.record_type}-${c.period}`).map((group) => (
          <li key={group.key} class="card">
            <h4 class="card-title">
              {formatMonth(group.rows[0]!.period)}: {recordTypeText(group.rows[0]!)}
            </h4>
            <dl class="card-facts">
              {group.rows.map((c) => (
                <div key={countKey(c)}>
                  <dt>{reasonText(c)}</dt>
                  <dd>{c.count}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={t('retention.counts')}>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('retention.recordType')}</th>
            <th scope="col">{t('retention.period')}</th>
            <th scope="col">{t('retention.reason')}</th>
            <th scope="col">{t('retention.count')}</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((c) => (
            <tr key={countKey(c)}>
              <td>{recordTypeText(c)}</td>
              <td class="nowrap">{formatMonth(c.period)}</td>
              <td>{reasonText(c)}</td>
              <td>{c.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ErasureList({ data }: { data: RetentionSettings }) {
  if (data.erasures.length === 0) return <p class="empty">{t('privacy.erasures.empty')}</p>;
  return (
    <ul class="plain-list">
      {data.erasures.map((e) => (
        <li key={e.id}>
          {t('privacy.erasedAt', {
            date: formatTimestamp(e.erased_at),
            name: e.erased_by.display_name,
            reason: label('erasureReason', e.reason),
          })}
        </li>
      ))}
    </ul>
  );
}

/** The retention periods (read-only) and the anonymous counts of purged records; admin and privacy officer. */
export function RetentionPanel({ reloadKey = '' }: { reloadKey?: string }) {
  const settings = useLoad(getRetention, `retention-${reloadKey}`);
  return (
    <section class="panel" aria-labelledby="retention-title">
      <h2 id="retention-title">{t('retention.title')}</h2>
      <p class="muted">{t('retention.hint')}</p>
      <LoadState loading={settings.loading && !settings.data} error={settings.error} />
      {settings.data && <Periods data={settings.data} />}
      <h3>{t('retention.counts')}</h3>
      {settings.data && <Counts data={settings.data} />}
      <h3>{t('privacy.erasures')}</h3>
      {settings.data && <ErasureList data={settings.data} />}
    </section>
  );
}
