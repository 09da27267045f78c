import { LoadState } from '../../../components/LoadState';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n';
import { formatTimestamp } from '../../../lib/format';
import { href } from '../../../lib/router';
import { listBreakGlass } from '../api/roles';

/** Who opened a case of this team through emergency access, why and until when. */
export function BreakGlassList({ teamId, headingLevel = 2 }: { teamId: number; headingLevel?: 2 | 3 }) {
  const load = useLoad(() => listBreakGlass(teamId), `break-glass-${teamId}`);
  const items = load.data?.items ?? null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="panel" aria-labelledby={`break-glass-list-${teamId}`}>
      <Heading id={`break-glass-list-${teamId}`}>{t('breakGlass.listTitle')}</Heading>
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
