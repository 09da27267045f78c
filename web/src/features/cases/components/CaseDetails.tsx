import type { ComponentChildren } from 'preact';
import { t } from '../../../i18n';
import { formatDate, formatDays, formatLocalDateTime, formatTimestamp } from '../../../lib/format';
import { label } from '../../../lib/labels';
import type { Case } from '../../../lib/records';
import { href } from '../../../lib/router';
import { nextAttemptText } from '../cadence';

function Item({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <div class="dl-item">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Status, workers and contact figures of the case. */
export function CaseSummaryPanel({ c }: { c: Case }) {
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
          {nextAttemptText(c)}
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

/** The contact log, newest first. */
export function ContactTimeline({ c }: { c: Case }) {
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

/** The person, the signals, the decision and the case's events. */
export function CaseBackground({ c }: { c: Case }) {
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
