import type { ComponentChildren } from 'preact';
import { Page } from '../../../components/Page';
import { LoadState } from '../../../components/LoadState';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n';
import { formatDate, formatDays, formatLocalDateTime, formatTimestamp, formatTimestampDate } from '../../../lib/format';
import { label } from '../../../lib/labels';
import { href } from '../../../lib/router';
import { getCase, type Case } from '../api/cases';
import { ApiError } from '../../../lib/api';
import type { User } from '../../../lib/session';
import { BreakGlassForm } from '../../roles/components/BreakGlassForm';
import { CloseForm } from './CloseForm';
import { ContactForm } from './ContactForm';
import { HouseholdSection } from './HouseholdSection';
import { ConsentSection } from '../../consent/components/ConsentSection';
import { PreparationSection } from '../../triage/components/PreparationSection';
import { ReopenForm } from './ReopenForm';
import { CaseTimeline } from '../../trajectory/components/CaseTimeline';
import { HandoverForm } from '../../trajectory/components/HandoverForm';
import { PhasePanel } from '../../trajectory/components/PhasePanel';
import { MonitoringSection } from '../../monitoring/components/MonitoringSection';
import { ReviewsSection } from '../../monitoring/components/ReviewsSection';
import { CaseAccessLogSection } from '../../accesslog/components/CaseAccessLogSection';

function Item({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <div class="dl-item">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Summary({ c }: { c: Case }) {
  return (
    <section class="panel" aria-labelledby="c-summary">
      <h2 id="c-summary">{t('case.summary')}</h2>
      <dl class="dl dl--compact">
        <Item term={t('case.status')}>
          <span class={`badge badge--${c.status}`}>{label('caseStatus', c.status)}</span>
        </Item>
        <Item term={t('case.workers')}>{c.assigned_workers.map((w) => w.display_name).join(', ') || t('common.empty')}</Item>
        <Item term={t('case.lastContact')}>
          {c.last_contact_at === null
            ? t('cases.noContactYet')
            : `${formatLocalDateTime(c.last_contact_at)}${
                c.days_since_last_contact !== null ? ` (${formatDays(c.days_since_last_contact)})` : ''
              }`}
        </Item>
        <Item term={t('case.nextAttempt')}>
          {c.next_attempt_date ? formatDate(c.next_attempt_date) : t('cases.noNextAttempt')}
        </Item>
        <Item term={t('case.daysToFirstContact')}>
          {c.days_to_first_contact === null ? t('case.noFirstContactYet') : formatDays(c.days_to_first_contact)}
        </Item>
        {c.closure && (
          <Item term={t('event.closed')}>
            {label('closureReason', c.closure.reason)} —{' '}
            {t('common.byOn', { name: c.closure.closed_by.display_name, date: formatTimestamp(c.closure.closed_at) })}
            {c.closure.note && <p class="history-text">{c.closure.note}</p>}
          </Item>
        )}
      </dl>
    </section>
  );
}

function Timeline({ c }: { c: Case }) {
  return (
    <section class="panel" aria-labelledby="c-timeline">
      <h2 id="c-timeline">
        {t('case.timeline')} <span class="count">({c.contacts.length})</span>
      </h2>
      {c.contacts.length === 0 ? (
        <p class="muted">{t('case.timelineEmpty')}</p>
      ) : (
        <ol class="timeline">
          {c.contacts.map((k) => (
            <li key={k.id} class={`timeline-item timeline-item--${k.outcome}`}>
              <p class="history-meta">
                <time>{formatLocalDateTime(k.occurred_at)}</time> · {k.created_by.display_name}
              </p>
              <p class="history-title">
                <strong>{label('channel', k.channel)}</strong> — {label('outcome', k.outcome)}
              </p>
              {k.with_whom && <p class="history-text">{t('case.withWhom', { who: k.with_whom })}</p>}
              {k.note && <p class="history-text note">{k.note}</p>}
              {k.next_attempt_date && (
                <p class="history-meta">{t('case.nextAttemptOn', { date: formatDate(k.next_attempt_date) })}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Background({ c }: { c: Case }) {
  return (
    <>
      <section class="panel" aria-labelledby="c-person">
        <h2 id="c-person">{t('case.person')}</h2>
        <dl class="dl dl--compact">
          <Item term={t('person.name')}>{c.person.name}</Item>
          <Item term={t('person.address')}>{c.person.address || t('common.empty')}</Item>
          <Item term={t('person.phone')}>{c.person.phone || t('common.empty')}</Item>
          <Item term={t('person.dateOfBirth')}>{formatDate(c.person.date_of_birth)}</Item>
        </dl>
      </section>
      <section class="panel" aria-labelledby="c-signals">
        <h2 id="c-signals">{t('case.signals')}</h2>
        <ul class="plain-list">
          {c.signals.map((s) => (
            <li key={s.id}>
              <a href={href(`/signals/${s.id}`)}>
                {formatDate(s.intake_date)} — {label('directReason', s.direct_reason)}
              </a>
              {s.problem_areas.length > 0 && (
                <span class="muted"> · {s.problem_areas.map((p) => label('problemArea', p)).join(', ')}</span>
              )}
            </li>
          ))}
        </ul>
      </section>
      {c.decision && (
        <section class="panel" aria-labelledby="c-decision">
          <h2 id="c-decision">{t('case.decision')}</h2>
          <p class="history-title">
            <strong>{label('decision', c.decision.decision)}</strong>
          </p>
          <p class="history-meta">
            {t('common.byOn', { name: c.decision.decided_by.display_name, date: formatTimestamp(c.decision.decided_at) })}
          </p>
          {c.decision.reason && <p class="history-text">{c.decision.reason}</p>}
        </section>
      )}
      <section class="panel" aria-labelledby="c-events">
        <h2 id="c-events">{t('case.events')}</h2>
        <ol class="history">
          {c.events.map((ev) => (
            <li key={ev.id} class="history-item">
              <p class="history-title">
                <strong>{label('event', ev.kind)}</strong>
                {ev.kind === 'closed' && ev.reason ? ` — ${label('closureReason', ev.reason)}` : ''}
              </p>
              <p class="history-meta">{t('common.byOn', { name: ev.actor.display_name, date: formatTimestamp(ev.at) })}</p>
              {ev.kind !== 'closed' && ev.reason && <p class="history-text">{ev.reason}</p>}
              {ev.note && <p class="history-text">{ev.note}</p>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

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
              <Summary c={c} />
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
              <Timeline c={c} />
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
                  <HandoverForm c={c} onHandedOver={loaded.replace} />
                  {c.status === 'open' && <CloseForm caseId={c.id} onClosed={loaded.replace} />}
                </>
              )}
            </div>
            <div class="case-side">
              {!readOnly && <HouseholdSection c={c} onChanged={loaded.reload} onCase={loaded.replace} />}
              <Background c={c} />
              <CaseAccessLogSection caseId={c.id} />
            </div>
          </div>
        </>
      )}
    </Page>
  );
}
