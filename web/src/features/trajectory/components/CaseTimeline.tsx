import { useState } from 'preact/hooks';
import { CheckboxGroup } from '../../../components/fields';
import { LoadState } from '../../../components/LoadState';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n';
import { TIMELINE_KINDS, type TimelineKind } from '../../../lib/enums';
import { formatDate, formatLocalDateTime, formatTimestamp } from '../../../lib/format';
import { enumOptions, label } from '../../../lib/labels';
import { getTimeline, type TimelineItem } from '../api/trajectory';
import { kindsToRequest } from '../logic';

function Summary({ item }: { item: TimelineItem }) {
  const d = item.details;
  switch (item.kind) {
    case 'signal':
      return <>{`${formatDate(d.intake_date)} — ${label('directReason', d.direct_reason ?? '')}`}</>;
    case 'decision':
      return <>{`${label('decision', d.decision ?? '')}${d.reason ? ` — ${d.reason}` : ''}`}</>;
    case 'phase':
      return (
        <>
          {d.from_phase ? `${label('phase', d.from_phase)} → ` : ''}
          {d.to_phase ? label('phase', d.to_phase) : label('transitionEvent', d.event ?? '')}
          {d.reason ? ` — ${d.event === 'close' ? label('closureReason', d.reason) : d.reason}` : ''}
        </>
      );
    case 'contact':
      return (
        <>{`${formatLocalDateTime(d.occurred_at)}: ${label('channel', d.channel ?? '')} — ${label('outcome', d.outcome ?? '')}`}</>
      );
    case 'handover':
      return (
        <>
          {t('handover.from_to', { from: d.from_user ?? '', to: d.to_user ?? '' })}
          {d.note ? ` — ${d.note}` : ''}
        </>
      );
    case 'check_in':
      return (
        <>
          {t('monitoring.item', { date: formatDate(d.planned_on), worker: d.worker ?? '' })}
          {d.outcome ? ` — ${label('checkInOutcome', d.outcome)}` : ''}
        </>
      );
    case 'review':
      return <>{t('reviews.item', { date: formatDate(d.held_on), decision: label('reviewDecision', d.decision ?? '') })}</>;
    default:
      return null;
  }
}

/** Everything that happened to the case in time order, filtered by kind. */
export function CaseTimeline({ caseId, version }: { caseId: number; version: string }) {
  const [kinds, setKinds] = useState<TimelineKind[]>([...TIMELINE_KINDS]);
  const requested = kindsToRequest(kinds, TIMELINE_KINDS);
  const loaded = useLoad(() => getTimeline(caseId, requested), `${caseId}|${requested.join(',')}|${version}`);
  const items = kinds.length === 0 ? [] : (loaded.data?.items ?? []);

  return (
    <section class="panel" aria-labelledby="c-history">
      <h2 id="c-history">{t('timeline.title')}</h2>
      <CheckboxGroup
        path="timeline_kind"
        label={t('timeline.filter')}
        layout="chips"
        values={kinds}
        options={enumOptions('timelineKind')}
        onValues={setKinds}
      />
      <LoadState loading={loaded.loading && !loaded.data} error={loaded.error} />
      {loaded.data &&
        (items.length === 0 ? (
          <p class="muted">{t('timeline.empty')}</p>
        ) : (
          <ol class="trail" aria-live="polite">
            {items.map((item) => (
              <li key={`${item.kind}-${item.id}`} class={`history-item history-item--${item.kind}`}>
                <p class="history-meta">
                  <time>{formatTimestamp(item.at)}</time> · {item.actor.display_name}
                </p>
                <p class="history-title">
                  <strong>{label('timelineKind', item.kind)}</strong>: <Summary item={item} />
                </p>
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}
