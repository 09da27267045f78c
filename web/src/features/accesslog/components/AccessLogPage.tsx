import { useState } from 'preact/hooks';
import { Page } from '../../../components/Page';
import { LoadState } from '../../../components/LoadState';
import { Pagination } from '../../../components/Pagination';
import { TextField } from '../../../components/fields';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n';
import { ApiError } from '../../../lib/api';
import { fieldErrorMessage } from '../../../lib/messages';
import { navigate } from '../../../lib/router';
import { ACCESS_LOG_PAGE_SIZE, searchAccessLog, type AccessLogFilter } from '../api/accessLog';
import { AccessLogEntries } from './AccessLogEntries';

const FIELDS = ['user', 'person', 'from', 'to'] as const;

function filterFrom(query: URLSearchParams): AccessLogFilter {
  return {
    user: query.get('user') ?? '',
    person: query.get('person') ?? '',
    from: query.get('from') ?? '',
    to: query.get('to') ?? '',
  };
}

/** The privacy officer's search of the access log: by user, person and period, newest first. */
export function AccessLogPage({ query }: { query: URLSearchParams }) {
  const applied = filterFrom(query);
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const [draft, setDraft] = useState<AccessLogFilter>(applied);
  const key = `${FIELDS.map((f) => applied[f]).join('|')}|${offset}`;
  const list = useLoad(() => searchAccessLog(applied, offset), key);

  const go = (f: AccessLogFilter, nextOffset: number) => {
    const params: Record<string, string> = {};
    for (const name of FIELDS) if (f[name].trim()) params[name] = f[name].trim();
    params.offset = String(nextOffset);
    navigate('/access-log', params);
  };
  const fieldError = (name: string) => {
    if (!(list.error instanceof ApiError)) return undefined;
    const found = list.error.fieldErrors.find((e) => e.field === name);
    return found ? fieldErrorMessage(found) : undefined;
  };
  const set = (name: (typeof FIELDS)[number]) => (value: string) => setDraft({ ...draft, [name]: value });

  return (
    <Page title={t('accessLog.title')}>
      <p>{t('accessLog.intro')}</p>
      <form
        class="filters"
        aria-label={t('common.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          go(draft, 0);
        }}
      >
        <TextField path="user" label={t('accessLog.filter.user')} value={draft.user} onValue={set('user')}
          inputMode="numeric" width="short" error={fieldError('user')} />
        <TextField path="person" label={t('accessLog.filter.person')} value={draft.person} onValue={set('person')}
          inputMode="numeric" width="short" error={fieldError('person')} />
        <TextField path="from" type="date" label={t('accessLog.filter.from')} value={draft.from} onValue={set('from')}
          error={fieldError('from')} />
        <TextField path="to" type="date" label={t('accessLog.filter.to')} value={draft.to} onValue={set('to')}
          error={fieldError('to')} />
        <div class="filters-actions">
          <button type="submit" class="button">
            {t('accessLog.search')}
          </button>
        </div>
      </form>
      <LoadState loading={list.loading && !list.data} error={list.error} />
      {list.data && !list.error && (
        <>
          <p role="status">{t('accessLog.total', { total: list.data.total })}</p>
          {list.data.items.length > 0 && <AccessLogEntries items={list.data.items} showPerson />}
          <Pagination offset={offset} limit={ACCESS_LOG_PAGE_SIZE} total={list.data.total}
            onOffset={(o) => go(applied, o)} />
        </>
      )}
    </Page>
  );
}
