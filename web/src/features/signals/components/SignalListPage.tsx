import { Page } from '../../../components/Page';
import { LoadState } from '../../../components/LoadState';
import { Pagination } from '../../../components/Pagination';
import { WIDE, useMediaQuery } from '../../../components/useMediaQuery';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { label } from '../../../lib/labels';
import { href, navigate } from '../../../lib/router';
import { listSignals, PAGE_SIZE, type SignalFilter, type SignalSummary } from '../api/signals';

const FILTERS: SignalFilter[] = ['awaiting_decision', 'decided', 'all'];

function statusText(s: SignalSummary): string {
  return s.latest_decision ? label('decision', s.latest_decision) : label('signalStatus', s.status);
}

function problemText(s: SignalSummary): string {
  return s.problem_areas.map((p) => label('problemArea', p)).join(', ') || t('common.empty');
}

export function SignalListPage({ query }: { query: URLSearchParams }) {
  const requested = query.get('status') as SignalFilter | null;
  const status: SignalFilter = requested && FILTERS.includes(requested) ? requested : 'awaiting_decision';
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const wide = useMediaQuery(WIDE);
  const list = useLoad(() => listSignals(status, offset), `${status}:${offset}`);

  const go = (next: { status?: SignalFilter; offset?: number }) =>
    navigate('/signals', { status: next.status ?? status, offset: String(next.offset ?? 0) });

  return (
    <Page
      title={t('signals.title')}
      actions={
        <a class="button" href={href('/signals/new')}>
          {t('signals.new')}
        </a>
      }
    >
      <nav class="tabs" aria-label={t('signals.filter')}>
        {FILTERS.map((f) => (
          <a key={f} class="tab" href={href('/signals', { status: f })} aria-current={f === status ? 'page' : undefined}>
            {t(`signals.filter.${f}`)}
          </a>
        ))}
      </nav>
      <LoadState loading={list.loading && !list.data} error={list.error} />
      {list.data && list.data.items.length === 0 && <p class="empty">{t('signals.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <>
          {wide ? (
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('signals.col.intakeDate')}</th>
                  <th scope="col">{t('signals.col.person')}</th>
                  <th scope="col">{t('signals.col.reason')}</th>
                  <th scope="col">{t('signals.col.problemAreas')}</th>
                  <th scope="col">{t('signals.col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((s) => (
                  <tr key={s.id}>
                    <td class="nowrap">{formatDate(s.intake_date)}</td>
                    <td>
                      <a href={href(`/signals/${s.id}`)}>{s.person_name}</a>
                    </td>
                    <td>{label('directReason', s.direct_reason)}</td>
                    <td class="muted">{problemText(s)}</td>
                    <td>
                      <span class={`badge badge--${s.status}`}>{statusText(s)}</span>
                      {s.case_id !== null && (
                        <>
                          {' '}
                          <a href={href(`/cases/${s.case_id}`)}>{t('signals.toCase')}</a>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <ul class="cards">
              {list.data.items.map((s) => (
                <li key={s.id} class="card">
                  <div class="card-head">
                    <a class="card-title" href={href(`/signals/${s.id}`)}>
                      {s.person_name}
                    </a>
                    {status !== 'awaiting_decision' && <span class={`badge badge--${s.status}`}>{statusText(s)}</span>}
                  </div>
                  <p class="card-meta">
                    {formatDate(s.intake_date)} · {label('directReason', s.direct_reason)}
                  </p>
                  <p class="card-meta muted">{problemText(s)}</p>
                </li>
              ))}
            </ul>
          )}
          <Pagination offset={offset} limit={PAGE_SIZE} total={list.data.total} onOffset={(o) => go({ offset: o })} />
        </>
      )}
    </Page>
  );
}
