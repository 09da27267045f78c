import { LoadState } from '../../../components/LoadState';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n';
import { formatTimestamp } from '../../../lib/format';
import { href } from '../../../lib/router';
import { listBreakGlass } from '../api/roles';

/** Who opened a case of this team through emergency access, why and until when. */
export function BreakGlassList({ teamId, title }: { teamId: number; title: string }) {
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
              <a href={href(`/cases/${g.case_id}`)}>{t('breakGlass.case', { id: g.case_id })}</a>
              <br />
              <span class="muted">{t('breakGlass.reasonLabel')}: {g.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
