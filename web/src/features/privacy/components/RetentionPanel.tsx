import { LoadState } from '../../../components/LoadState';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n';
import { formatTimestamp } from '../../../lib/format';
import { label } from '../../../lib/labels';
import { getRetention, type RetentionSettings } from '../api/privacy';

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

function Counts({ data }: { data: RetentionSettings }) {
  if (data.purged_counts.length === 0) return <p class="empty">{t('retention.counts.empty')}</p>;
  return (
    <div class="table-scroll">
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
          {data.purged_counts.map((c) => (
            <tr key={`${c.record_type}-${c.team_id}-${c.period}-${c.reason}-${c.phase_reached}-${c.contact_bucket}`}>
              <td>{t(c.record_type === 'case' ? 'retention.recordType.case' : 'retention.recordType.signal')}</td>
              <td>{c.period}</td>
              <td>{label(c.record_type === 'case' ? 'closureReason' : 'decision', c.reason)}</td>
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
