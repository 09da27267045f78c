import type { ComponentChildren } from 'preact';
import { TriageSummary } from '../../../components/TriageFields';
import { t } from '../../../i18n';
import { formatDate, formatTimestamp } from '../../../lib/format';
import { label } from '../../../lib/labels';
import type { Signal } from '../../../lib/records';
import { href } from '../../../lib/router';

function Item({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <div class="dl-item">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function textOrDash(value: string | null | undefined): string {
  return value && value.trim() ? value : t('common.empty');
}

/** The signal as registered: reporter, person and the report itself. */
export function SignalDetails({ s }: { s: Signal }) {
  const problems = s.problem_areas.map((p) => label('problemArea', p)).join(', ');
  return (
    <div class="detail-grid">
      <section class="panel" aria-labelledby="d-reporter">
        <h2 id="d-reporter">{t('section.reporter')}</h2>
        <dl class="dl">
          <Item term={t('reporter.name')}>{textOrDash(s.reporter.name)}</Item>
          <Item term={t('reporter.kind')}>{label('reporterKind', s.reporter.kind)}</Item>
          {s.reporter.relation && <Item term={t('reporter.relation')}>{s.reporter.relation}</Item>}
          {s.reporter.organisation && <Item term={t('reporter.organisation')}>{s.reporter.organisation}</Item>}
          {s.reporter.function && <Item term={t('reporter.function')}>{s.reporter.function}</Item>}
          <Item term={t('reporter.address')}>{textOrDash(s.reporter.address)}</Item>
          <Item term={t('reporter.phone')}>{textOrDash(s.reporter.phone)}</Item>
          <Item term={t('signal.mayContactReporterShort')}>
            {label('yesNoUnknown', s.may_contact_reporter ? 'yes' : 'no')}
          </Item>
        </dl>
      </section>
      <section class="panel" aria-labelledby="d-person">
        <h2 id="d-person">{t('section.person')}</h2>
        <dl class="dl">
          <Item term={t('person.name')}>{s.person.name}</Item>
          <Item term={t('person.address')}>{textOrDash(s.person.address)}</Item>
          <Item term={t('person.phone')}>{textOrDash(s.person.phone)}</Item>
          <Item term={t('person.dateOfBirth')}>{formatDate(s.person.date_of_birth)}</Item>
          <Item term={t('person.sex')}>{label('sex', s.person.sex)}</Item>
          <Item term={t('signal.personAware')}>{label('yesNoUnknown', s.person_aware)}</Item>
        </dl>
      </section>
      <section class="panel panel--full" aria-labelledby="d-signal">
        <h2 id="d-signal">{t('signalForm.general')}</h2>
        <dl class="dl">
          <Item term={t('signal.relationToPerson')}>{textOrDash(s.relation_to_person)}</Item>
          <Item term={t('signal.knownSince')}>{textOrDash(s.known_since)}</Item>
          <Item term={t('signal.contactInitiative')}>{textOrDash(s.contact_initiative)}</Item>
          <Item term={t('signal.contactNature')}>{textOrDash(s.contact_nature)}</Item>
          <Item term={t('signal.directReason')}>
            {label('directReason', s.direct_reason)}
            {s.direct_reason === 'other' && s.direct_reason_other ? `: ${s.direct_reason_other}` : ''}
          </Item>
          <Item term={t('signal.triedAndResult')}>{textOrDash(s.tried_and_result)}</Item>
          <Item term={t('signal.whatWouldHelp')}>{textOrDash(s.what_would_help)}</Item>
          <Item term={t('signal.othersInContact')}>{textOrDash(s.others_in_contact)}</Item>
          <Item term={t('signal.whereabouts')}>{textOrDash(s.whereabouts)}</Item>
          <Item term={t('signal.reporterCanIntroduce')}>
            {label('yesNoUnknown', s.reporter_can_introduce)}
            {s.introduction_note ? ` — ${s.introduction_note}` : ''}
          </Item>
          <Item term={t('signal.workerGenderPreference')}>
            {label('genderPreference', s.worker_gender_preference)}
          </Item>
          <Item term={t('signal.problemAreas')}>
            {problems || t('common.empty')}
            {s.problem_areas_other ? ` (${s.problem_areas_other})` : ''}
          </Item>
          <Item term={t('signal.followUpAgreed')}>{textOrDash(s.follow_up_agreed)}</Item>
          <Item term={t('signal.feedbackDate')}>{formatDate(s.feedback_date)}</Item>
        </dl>
      </section>
    </div>
  );
}

/** The team's decisions on the signal, the current one last. */
export function SignalDecisions({ s }: { s: Signal }) {
  return (
    <section class="panel" aria-labelledby="d-decisions">
      <h2 id="d-decisions">{t('signalDetail.decisions')}</h2>
      {s.decisions.length === 0 ? (
        <p class="muted">{t('signalDetail.noDecisions')}</p>
      ) : (
        <ol class="history">
          {s.decisions.map((d, i) => (
            <li key={d.id} class="history-item">
              <p class="history-title">
                <strong>{label('decision', d.decision)}</strong>
                {i === s.decisions.length - 1 && <span class="badge">{t('signalDetail.current')}</span>}
              </p>
              <p class="history-meta">{t('common.byOn', { name: d.decided_by.display_name, date: formatTimestamp(d.decided_at) })}</p>
              {d.reason && <p class="history-text">{d.reason}</p>}
              <TriageSummary triage={d} />
              {d.case_id !== null && (
                <p>
                  <a href={href(`/cases/${d.case_id}`)}>{t('signalDetail.toCase')}</a>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
