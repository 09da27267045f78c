import { Page } from '../../../components/Page';
import { LoadState } from '../../../components/LoadState';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n';
import { api } from '../../../lib/api';
import type { TeamRef } from '../../../lib/session';
import { BreakGlassList } from './BreakGlassList';

/** The privacy officer's review of emergency access, per team. */
export function BreakGlassPage() {
  const load = useLoad(() => api.get<{ items: TeamRef[] }>('/teams'), 'teams');
  const teams = load.data?.items ?? null;
  return (
    <Page title={t('breakGlass.pageTitle')}>
      <p>{t('breakGlass.pageIntro')}</p>
      <LoadState loading={load.loading && !teams} error={load.error} />
      {teams?.map((team) => (
        <section key={team.id} aria-labelledby={`bg-team-${team.id}`}>
          <h2 id={`bg-team-${team.id}`}>{team.name}</h2>
          <BreakGlassList teamId={team.id} headingLevel={3} />
        </section>
      ))}
    </Page>
  );
}
