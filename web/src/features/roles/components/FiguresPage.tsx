import { Page } from '../../../components/Page';
import { LoadState } from '../../../components/LoadState';
import { useLoad } from '../../../components/useLoad';
import { WIDE, useMediaQuery } from '../../../components/useMediaQuery';
import { t, type MessageKey } from '../../../i18n';
import { formatMonth } from '../../../lib/format';
import { groupInOrder } from '../../../lib/group';
import { label } from '../../../lib/labels';
import { getFigures, type FigureCount } from '../api/roles';

function categoryLabel(c: FigureCount): string {
  if (c.measure === 'signals_by_decision') {
    return c.category === 'awaiting_decision' ? label('signalStatus', c.category) : label('decision', c.category);
  }
  return c.measure === 'open_cases_by_phase' ? label('phase', c.category) : label('closureReason', c.category);
}

/**
 * Aggregate figures per team and month for policy; counts below the threshold show as "<5". A table
 * on a desktop; on a phone a card per month and measure, so every count is in view.
 */
export function FiguresPage() {
  const wide = useMediaQuery(WIDE);
  const load = useLoad(() => getFigures(), 'figures');
  const data = load.data;
  const count = (c: FigureCount) => (c.count === null ? t('figures.suppressed', { n: data?.suppressed_below ?? 5 }) : c.count);
  return (
    <Page title={t('figures.title')}>
      <p>{t('figures.intro', { n: data?.suppressed_below ?? 5 })}</p>
      <LoadState loading={load.loading && !data} error={load.error} />
      {data &&
        data.teams.map((team) => {
          const rows = data.counts.filter((c) => c.team_id === team.id);
          return (
            <section class="panel" key={team.id} aria-labelledby={`figures-team-${team.id}`}>
              <h2 id={`figures-team-${team.id}`}>{team.name}</h2>
              {rows.length === 0 && <p class="empty">{t('figures.empty')}</p>}
              {rows.length > 0 && !wide && (
                <ul class="cards">
                  {groupInOrder(rows, (c) => `${c.month}-${c.measure}`).map((g) => (
                    <li key={g.key} class="card">
                      <h3 class="card-title">
                        {formatMonth(g.rows[0]!.month)}: {t(`figures.measure.${g.rows[0]!.measure}` as MessageKey)}
                      </h3>
                      <dl class="card-facts">
                        {g.rows.map((c) => (
                          <div key={c.category}>
                            <dt>{categoryLabel(c)}</dt>
                            <dd>{count(c)}</dd>
                          </div>
                        ))}
                      </dl>
                    </li>
                  ))}
                </ul>
              )}
              {rows.length > 0 && wide && (
                <div class="table-scroll" tabIndex={0} role="region" aria-label={t('figures.tableLabel', { team: team.name })}>
                  <table class="table">
                    <thead>
                      <tr>
                        <th scope="col">{t('figures.col.month')}</th>
                        <th scope="col">{t('figures.col.measure')}</th>
                        <th scope="col">{t('figures.col.category')}</th>
                        <th scope="col">{t('figures.col.count')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((c) => (
                        <tr key={`${c.month}-${c.measure}-${c.category}`}>
                          <td class="nowrap">{formatMonth(c.month)}</td>
                          <td>{t(`figures.measure.${c.measure}` as MessageKey)}</td>
                          <td>{categoryLabel(c)}</td>
                          <td>{count(c)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          );
        })}
    </Page>
  );
}
