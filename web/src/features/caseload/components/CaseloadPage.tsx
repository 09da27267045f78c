import { Page } from '../../../components/Page';
import { LoadState } from '../../../components/LoadState';
import { WIDE, useMediaQuery } from '../../../components/useMediaQuery';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { label } from '../../../lib/labels';
import { getCaseload, type WorkerCaseload } from '../api/caseload';
import { phaseCounts } from '../phases';

function PhaseList({ w }: { w: WorkerCaseload }) {
  return (
    <ul class="plain-list">
      {phaseCounts(w)
        .filter((p) => p.count > 0)
        .map((p) => (
          <li key={p.phase}>
            {label('phase', p.phase)}: {p.count}
          </li>
        ))}
    </ul>
  );
}

/** Per worker: active cases by phase, attempts this week, cases without contact too long. */
export function CaseloadPage() {
  const wide = useMediaQuery(WIDE);
  const load = useLoad(() => getCaseload(), 'caseload');
  const data = load.data;

  return (
    <Page title={t('caseload.title')}>
      <LoadState loading={load.loading && !data} error={load.error} />
      {data && (
        <p class="muted">
          {t('caseload.week', { from: formatDate(data.week.monday), to: formatDate(data.week.sunday) })}
        </p>
      )}
      {data && data.items.length === 0 && <p class="empty">{t('caseload.empty')}</p>}
      {data && data.items.length > 0 && wide && (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('caseload.col.worker')}</th>
              <th scope="col">{t('caseload.col.active')}</th>
              <th scope="col">{t('caseload.col.byPhase')}</th>
              <th scope="col">{t('caseload.col.attempts')}</th>
              <th scope="col">{t('caseload.col.withoutContact')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((w) => (
              <tr key={w.user.id}>
                <td>{w.user.display_name}</td>
                <td>{w.active_cases}</td>
                <td>
                  <PhaseList w={w} />
                </td>
                <td>{w.attempts_this_week}</td>
                <td>{w.without_contact}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && data.items.length > 0 && !wide && (
        <ul class="cards">
          {data.items.map((w) => (
            <li key={w.user.id} class="card">
              <div class="card-head">
                <h2 class="card-title">{w.user.display_name}</h2>
              </div>
              <dl class="card-facts">
                <div>
                  <dt>{t('caseload.col.active')}</dt>
                  <dd>{w.active_cases}</dd>
                </div>
                <div>
                  <dt>{t('caseload.col.attempts')}</dt>
                  <dd>{w.attempts_this_week}</dd>
                </div>
                <div>
                  <dt>{t('caseload.col.withoutContact')}</dt>
                  <dd>{w.without_contact}</dd>
                </div>
              </dl>
              <PhaseList w={w} />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
