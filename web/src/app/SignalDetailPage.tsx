// The signal page: composes the sections that the signals and triage features each own.
import { Page } from '../components/Page';
import { LoadState } from '../components/LoadState';
import { useLoad } from '../components/useLoad';
import { t } from '../i18n';
import { formatDate } from '../lib/format';
import { label } from '../lib/labels';
import { href } from '../lib/router';
import { isTeamLeadOf, type User } from '../lib/session';
import { getSignal } from '../features/signals/api/signals';
import { DecisionForm } from '../features/signals/components/DecisionForm';
import { SignalDecisions, SignalDetails } from '../features/signals/components/SignalDetails';
import { FeedbackPanel } from '../features/triage/components/FeedbackPanel';

export function SignalDetailPage({ id, user }: { id: number; user: User }) {
  const loaded = useLoad(() => getSignal(id), String(id));
  const s = loaded.data;
  const title = s ? t('signalDetail.title', { name: s.person.name }) : t('signals.title');

  return (
    <Page
      title={title}
      actions={
        s?.case_id != null ? (
          <a class="button" href={href(`/cases/${s.case_id}`)}>
            {t('signalDetail.toCase')}
          </a>
        ) : undefined
      }
    >
      <LoadState loading={loaded.loading && !s} error={loaded.error} />
      {s && (
        <>
          <p class="meta">
            <span class={`badge badge--${s.status}`}>{label('signalStatus', s.status)}</span>{' '}
            {t('signalDetail.meta', { date: formatDate(s.intake_date), name: s.taken_by.display_name })}
          </p>
          <SignalDecisions s={s} />
          {s.case_id === null && isTeamLeadOf(user, s.team_id) && (
            <DecisionForm signal={s} onDecided={loaded.replace} />
          )}
          <FeedbackPanel key={`${s.id}-${s.feedback.given_on ?? ''}`} signal={s} onSaved={loaded.replace} />
          <SignalDetails s={s} />
        </>
      )}
    </Page>
  );
}
