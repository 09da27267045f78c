import { Page } from '../../../components/Page';
import { LoadState } from '../../../components/LoadState';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n';
import { listTeams } from '../../../lib/teams';
import { BreakGlassList } from './BreakGlassList';

/** The privacy officer's review of emergency access, per team. */
export function BreakGlassPage() {
  const load = useLoad(() => listTeams(), 'teams');
  const teams = load.data?.items ?? null;
  return (
    <Page title={t('breakGlass.pageTitle')}>
      <p>{t('breakGlass.pageIntro')}</p>
      <LoadState loading={load.loading && !teams} error={load.error} />
      {teams?.map((team) => <BreakGlassList key={team.id} teamId={team.id} title={team.name} linkCases={false} />)}
    </Page>
  );
}
