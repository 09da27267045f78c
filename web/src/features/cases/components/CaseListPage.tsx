import { Page } from '../../../components/Page';
import { LoadState } from '../../../components/LoadState';
import { Pagination } from '../../../components/Pagination';
import { SelectField } from '../../../components/fields';
import { WIDE, useMediaQuery } from '../../../components/useMediaQuery';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n';
import { formatDays } from '../../../lib/format';
import { label } from '../../../lib/labels';
import { href, navigate } from '../../../lib/router';
import { nextAttemptText } from '../cadence';
import {
  listCases,
  PAGE_SIZE,
  type CaseScope,
  type CaseSort,
  type CaseStatusFilter,
  type CaseSummary,
} from '../api/cases';

const STATUSES: CaseStatusFilter[] = ['open', 'closed', 'all'];
const SORTS: CaseSort[] = ['days_since_contact', 'next_attempt'];

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function sinceText(c: CaseSummary): string {
  return c.days_since_last_contact === null ? t('cases.noContactYet') : formatDays(c.days_since_last_contact);
}

function workersText(c: CaseSummary): string {
  return c.assigned_workers.map((w) => w.display_name).join(', ') || t('common.empty');
}

/** "Mijn caseload" and "Teamcasussen": cards on a phone, a table on a desktop. */
export function CaseListPage({ scope, query }: { scope: CaseScope; query: URLSearchParams }) {
  const status = pick(query.get('status'), STATUSES, 'open');
  const sort = pick(query.get('sort'), SORTS, 'days_since_contact');
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const wide = useMediaQuery(WIDE);
  const list = useLoad(() => listCases(scope, status, sort, offset), `${scope}:${status}:${sort}:${offset}`);

  const go = (next: { status?: CaseStatusFilter; sort?: CaseSort; offset?: number }) =>
    navigate(`/cases/${scope}`, {
      status: next.status ?? status,
      sort: next.sort ?? sort,
      offset: String(next.offset ?? 0),
    });

  const title = scope === 'mine' ? t('cases.mine.title') : t('cases.team.title');

  return (
    <Page title={title}>
      <form class="filters" aria-label={t('common.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          path="status"
          label={t('cases.status')}
          value={status}
          options={STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
          onValue={(s) => go({ status: s })}
        />
        <SelectField
          path="sort"
          label={t('cases.sort')}
          value={sort}
          options={SORTS.map((s) => ({ value: s, label: t(`cases.sort.${s}`) }))}
          onValue={(s) => go({ sort: s })}
        />
      </form>
      <LoadState loading={list.loading && !list.data} error={list.error} />
      {list.data && list.data.items.length === 0 && <p class="empty">{t('cases.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <>
          {wide ? (
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('cases.col.person')}</th>
                  <th scope="col">{t('cases.col.workers')}</th>
                  <th scope="col">{t('cases.col.daysSince')}</th>
                  <th scope="col">{t('cases.col.nextAttempt')}</th>
                  <th scope="col">{t('cases.col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <a href={href(`/cases/${c.id}`)}>{c.person_name}</a>
                    </td>
                    <td>{workersText(c)}</td>
                    <td class="nowrap">{sinceText(c)}</td>
                    <td class="nowrap">{nextAttemptText(c)}</td>
                    <td>
                      <span class={`badge badge--${c.status}`}>{label('caseStatus', c.status)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <ul class="cards">
              {list.data.items.map((c) => (
                <li key={c.id} class="card">
                  <div class="card-head">
                    <a class="card-title" href={href(`/cases/${c.id}`)}>
                      {c.person_name}
                    </a>
                    {status === 'all' && <span class={`badge badge--${c.status}`}>{label('caseStatus', c.status)}</span>}
                  </div>
                  <dl class="card-facts">
                    <div>
                      <dt>{t('cases.col.daysSince')}</dt>
                      <dd>{sinceText(c)}</dd>
                    </div>
                    <div>
                      <dt>{t('cases.col.nextAttempt')}</dt>
                      <dd>{nextAttemptText(c)}</dd>
                    </div>
                  </dl>
                  <p class="card-meta muted">{workersText(c)}</p>
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
