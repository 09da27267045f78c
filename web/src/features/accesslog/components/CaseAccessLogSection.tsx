import { useState } from 'preact/hooks';
import { LoadState } from '../../../components/LoadState';
import { Pagination } from '../../../components/Pagination';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n';
import { ACCESS_LOG_PAGE_SIZE, caseAccessLog } from '../api/accessLog';
import { AccessLogEntries } from './AccessLogEntries';

/** "Wie heeft dit dossier ingezien": the access log of the case's person, newest first. */
export function CaseAccessLogSection({ caseId }: { caseId: number }) {
  const [offset, setOffset] = useState(0);
  const list = useLoad(() => caseAccessLog(caseId, offset), `${caseId}:${offset}`);
  return (
    <section class="panel" aria-labelledby="c-access-log">
      <h2 id="c-access-log">{t('accessLog.case.title')}</h2>
      <p class="muted">{t('accessLog.case.intro')}</p>
      <LoadState loading={list.loading && !list.data} error={list.error} />
      {list.data && list.data.items.length === 0 && <p>{t('accessLog.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <>
          <AccessLogEntries items={list.data.items} showPerson={false} compact />
          <Pagination offset={offset} limit={ACCESS_LOG_PAGE_SIZE} total={list.data.total} onOffset={setOffset} />
        </>
      )}
    </section>
  );
}
