import { LoadState } from '../../../components/LoadState';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n';
import { formatTimestamp } from '../../../lib/format';
import { href } from '../../../lib/router';
import { listBreakGlass } from '../api/roles';

/**
 * Who opened a case of this team through emergency access, why and until when. `linkCases`: the case
 * numbers link to the cases (a team lead); the privacy officer, who may not open cases, reads them.
 */
export function BreakGlassList({ teamId, title, linkCases }: { teamId: number; title: string; linkCases: boolean }) {
  const load = useLoad(() => listBreakGlass(teamId), `break-glass-${teamId}`);
  const items = load.data?.items ?? null;
  return (
    <section class="panel" aria-labelledby={`break-glass-list-${teamId}`}>
      <h2 id={`break-glass-list-${teamId}`}>{title}</h2>
      <LoadState loading={load.loading && !items} error={load.error} />
      {items && items.length === 0 && <p class="empty">{t('breakGlass.listEmpty')}</p>}
      {items && items.length > 0 && (
        <ul class="plain-list">
          {items.map((g) => (
            <li key={g.id} data-grant-id={g.id}>
              {t('breakGlass.item', {
                who: g.user.display_name,
                when: formatTimestamp(g.created_at),
                until: formatTimestamp(g.expires_at),
              })}{' '}
              {linkCases ? (
                <a href={href(`/cases/${g.case_id}`)}>{t('breakGlass.case', { id: g.case_id })}</a>
              ) : (
                t('breakGlass.case', { id: g.case_id })
              )}
              <br />
              <span class="muted">{t('breakGlass.reasonLabel')}: {g.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
