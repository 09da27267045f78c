// The case page: composes the sections that the cases, trajectory, triage, monitoring, consent,
// roles and access-log features each own. It lives in app/ because features never import each other.
import { Page } from '../components/Page';
import { LoadState } from '../components/LoadState';
import { useLoad } from '../components/useLoad';
import { t } from '../i18n';
import { ApiError } from '../lib/api';
import { formatTimestamp, formatTimestampDate } from '../lib/format';
import { label } from '../lib/labels';
import type { User } from '../lib/session';
import { CaseAccessLogSection } from '../features/accesslog/components/CaseAccessLogSection';
import { getCase } from '../features/cases/api/cases';
import { CaseBackground, CaseSummaryPanel, ContactTimeline } from '../features/cases/components/CaseDetails';
import { CloseForm } from '../features/cases/components/CloseForm';
import { ContactForm } from '../features/cases/components/ContactForm';
import { HouseholdSection } from '../features/cases/components/HouseholdSection';
import { ReopenForm } from '../features/cases/components/ReopenForm';
import { ConsentSection } from '../features/consent/components/ConsentSection';
import { MonitoringSection } from '../features/monitoring/components/MonitoringSection';
import { ReviewsSection } from '../features/monitoring/components/ReviewsSection';
import { BreakGlassForm } from '../features/roles/components/BreakGlassForm';
import { CaseTimeline } from '../features/trajectory/components/CaseTimeline';
import { HandoverSection } from '../features/trajectory/components/HandoverSection';
import { PhasePanel } from '../features/trajectory/components/PhasePanel';
import { PreparationSection } from '../features/triage/components/PreparationSection';

/** One case: the contact log first (it is what a worker in the field needs), background after. */
export function CasePage({ id, user }: { id: number; user: User }) {
  const loaded = useLoad(() => getCase(id), String(id));
  const c = loaded.data;
  const title = c ? t('case.title', { name: c.person.name }) : t('cases.team.title');
  // Another team's case answers 404 like a missing one; a field worker may ask for emergency access.
  const notFound = loaded.error instanceof ApiError && loaded.error.status === 404;
  const mayBreakGlass = user.role === 'outreacher' || user.role === 'team_lead';
  // Emergency access reads the case, it never changes it.
  const readOnly = !!c?.break_glass;

  return (
    <Page title={title}>
      <LoadState loading={loaded.loading && !c} error={loaded.error} />
      {notFound && mayBreakGlass && <BreakGlassForm caseId={id} onGranted={loaded.reload} />}
      {c && (
        <>
          <p class="meta">
            <span class={`badge badge--${c.status}`}>{label('caseStatus', c.status)}</span>{' '}
            {t('case.openedAt', { date: formatTimestampDate(c.opened_at) })}
          </p>
          {c.break_glass && (
            <p class="notice" role="note">
              {t('breakGlass.banner', { until: formatTimestamp(c.break_glass.expires_at), reason: c.break_glass.reason })}
            </p>
          )}
          <div class="case-layout">
            <div class="case-summary">
              <CaseSummaryPanel c={c} />
              {!readOnly && <PhasePanel c={c} onChanged={loaded.replace} />}
            </div>
            <div class="case-main">
              {readOnly ? null : c.status === 'open' ? (
                <ContactForm
                  caseId={c.id}
                  cadenceDays={c.cadence_days}
                  makingContact={c.phase === 'making_contact'}
                  onLogged={loaded.reload}
                />
              ) : (
                <ReopenForm caseId={c.id} onReopened={loaded.replace} />
              )}
              <PreparationSection
                caseId={c.id}
                preparation={c.preparation}
                editable={c.status === 'open' && !readOnly}
                onChanged={loaded.reload}
              />
              <ContactTimeline c={c} />
              <CaseTimeline
                caseId={c.id}
                version={[
                  c.status,
                  c.phase,
                  c.contacts.length,
                  c.assignment_history.length,
                  c.check_ins.map((x) => x.outcome ?? '').join(),
                  c.reviews.length,
                ].join('|')}
              />
              {!readOnly && (
                <>
                  <MonitoringSection c={c} checkIns={c.check_ins} onChanged={loaded.reload} onReopened={loaded.replace} />
                  <ReviewsSection caseId={c.id} open={c.status === 'open'} reviews={c.reviews} onChanged={loaded.reload} />
                  <ConsentSection personId={c.person.id} />
                  <HandoverSection c={c} onHandedOver={loaded.replace} />
                  {c.status === 'open' && <CloseForm caseId={c.id} onClosed={loaded.replace} />}
                </>
              )}
            </div>
            <div class="case-side">
              {!readOnly && <HouseholdSection c={c} onChanged={loaded.reload} onCase={loaded.replace} />}
              <CaseBackground c={c} />
              <CaseAccessLogSection caseId={c.id} />
            </div>
          </div>
        </>
      )}
    </Page>
  );
}
