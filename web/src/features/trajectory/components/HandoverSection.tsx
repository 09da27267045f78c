import { HandoverForm } from '../../../components/HandoverForm';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n';
import { formatTimestampDate } from '../../../lib/format';
import { teamMembers } from '../../../lib/teams';
import type { TrajectoryCase } from '../api/trajectory';

function History({ c }: { c: TrajectoryCase }) {
  return (
    <>
      <h3>{t('handover.history')}</h3>
      <ol class="trail">
        {c.assignment_history.map((a, i) => (
          <li key={i} class="history-item">
            <p class="history-title">
              <strong>{a.user.display_name}</strong>{' '}
              {a.unassigned_at
                ? t('handover.until', { from: formatTimestampDate(a.assigned_at), to: formatTimestampDate(a.unassigned_at) })
                : t('handover.since', { from: formatTimestampDate(a.assigned_at) })}
            </p>
            {a.note && <p class="history-text">{a.note}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}

/** The case page's handover section: the form while the case is open, and who had the case when. */
export function HandoverSection({ c, onHandedOver }: { c: TrajectoryCase; onHandedOver: (updated: TrajectoryCase) => void }) {
  const members = useLoad(() => teamMembers(c.team_id), String(c.team_id));
  const assigned = new Set(c.assigned_workers.map((w) => w.id));
  const colleagues = (members.data?.items ?? []).filter(
    (m) => (m.role === 'outreacher' || m.role === 'team_lead') && !assigned.has(m.id),
  );

  return (
    <section class="panel" aria-labelledby="c-handover">
      <h2 id="c-handover">{t('handover.title')}</h2>
      {c.status === 'open' &&
        (colleagues.length === 0 && !members.loading ? (
          <p class="notice">{t('handover.noColleagues')}</p>
        ) : (
          <HandoverForm<TrajectoryCase>
            caseId={c.id}
            assigned={c.assigned_workers}
            colleagues={colleagues}
            scope="handover"
            hint={t('handover.noteHint')}
            noteRows={3}
            saved={t('handover.saved')}
            onHandedOver={onHandedOver}
          />
        ))}
      <History c={c} />
    </section>
  );
}
