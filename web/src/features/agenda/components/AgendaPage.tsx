import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { LoadState } from '../../../components/LoadState';
import { Page } from '../../../components/Page';
import { useLoad, type Loaded } from '../../../components/useLoad';
import { t } from '../../../i18n';
import { formatDate, formatDays } from '../../../lib/format';
import { label } from '../../../lib/labels';
import { href } from '../../../lib/router';
import type { PersonRef } from '../../../lib/records';
import { isTeamLeadOf, type TeamRef, type User } from '../../../lib/session';
import { teamMembers, type TeamMember } from '../../../lib/teams';
import {
  casesReviewDue,
  casesStuck,
  checkInsOverdue,
  signalsAwaitingDecision,
  signalsFeedbackOverdue,
  type CaseItem,
} from '../api/agenda';
import { SHOWN, shown, tally, without, workers } from '../logic';
import { CaseHandoverForm, DecideForm, FeedbackForm, OutcomeForm, ReviewForm } from './ItemForms';
import { TeamSettingsSection } from './TeamSettingsSection';

type List<T> = Loaded<{ items: T[]; total?: number }>;

/** Takes an item off its list and puts focus on the section heading, so keyboard users keep their place. */
function drop<T extends { id: number }>(list: List<T>, id: number, headingId: string) {
  if (!list.data) return;
  list.replace({ ...list.data, items: without(list.data.items, id), total: (list.data.total ?? list.data.items.length) - 1 });
  requestAnimationFrame(() => document.getElementById(headingId)?.focus());
}

function Section<T>({
  id,
  title,
  empty,
  list,
  children,
}: {
  id: string;
  title: string;
  empty: string;
  list: List<T>;
  children: (items: T[]) => ComponentChildren;
}) {
  const [all, setAll] = useState(false);
  const items = list.data?.items ?? [];
  const total = list.data ? (list.data.total ?? items.length) : null;
  return (
    <section class="panel agenda-section" aria-labelledby={id}>
      <h2 id={id} tabIndex={-1}>
        {title}
        {total !== null && <span class="count"> ({total})</span>}
      </h2>
      <LoadState loading={list.loading && !list.data} error={list.error} />
      {list.data && (items.length === 0 ? <p class="empty">{empty}</p> : <ul class="cards">{children(shown(items, all))}</ul>)}
      {items.length > SHOWN && (
        <button type="button" class="button button--secondary agenda-more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('agenda.showFewer') : t('agenda.showAll', { n: items.length })}
        </button>
      )}
    </section>
  );
}

function Action({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <details class="disclosure agenda-action">
      <summary>{title}</summary>
      {children}
    </details>
  );
}

/** An overdue item: its link and badge, a line about it, and the form that deals with it. */
function OverdueCard({
  link,
  name,
  meta,
  action,
  children,
}: {
  link: string;
  name: string;
  meta: ComponentChildren;
  action: string;
  children: ComponentChildren;
}) {
  return (
    <li class="card">
      <div class="card-head">
        <h3 class="card-title">
          <a href={link}>{name}</a>
        </h3>
        <span class="badge badge--overdue">{t('feedback.overdue')}</span>
      </div>
      <p class="card-meta muted">{meta}</p>
      <Action title={action}>{children}</Action>
    </li>
  );
}

function names(people: readonly PersonRef[]): string {
  return people.map((p) => p.display_name).join(', ') || t('common.empty');
}

function CaseHead({ c }: { c: CaseItem }) {
  return (
    <>
      <div class="card-head">
        <h3 class="card-title">
          <a href={href(`/cases/${c.id}`)}>{c.person_name}</a>
        </h3>
        <span class="badge badge--phase">{label('phase', c.phase)}</span>
      </div>
      <p class="card-meta muted">{t('agenda.workers', { names: names(c.assigned_workers) })}</p>
    </>
  );
}

function Attempts({ c }: { c: CaseItem }) {
  const a = c.attempts;
  if (!a) return null;
  const channels = tally(a.by_channel);
  const outcomes = tally(a.by_outcome);
  return (
    <>
      <dl class="card-facts">
        <div>
          <dt>{t('agenda.attemptsWithoutContact')}</dt>
          <dd>{a.without_contact}</dd>
        </div>
        <div>
          <dt>{t('agenda.daysWithoutContact')}</dt>
          <dd>{formatDays(a.days_without_contact)}</dd>
        </div>
        <div>
          <dt>{t('agenda.lastReached')}</dt>
          <dd>{a.last_reached_at ? formatDate(a.last_reached_at.slice(0, 10)) : t('agenda.neverReached')}</dd>
        </div>
        <div>
          <dt>{t('agenda.attemptsTotal')}</dt>
          <dd>{a.total}</dd>
        </div>
      </dl>
      {channels.length > 0 && (
        <p class="card-meta">
          {t('agenda.byChannel')}: {channels.map(([k, n]) => `${label('channel', k)} ${n}`).join(', ')}
        </p>
      )}
      {outcomes.length > 0 && (
        <p class="card-meta">
          {t('agenda.byOutcome')}: {outcomes.map(([k, n]) => `${label('outcome', k)} ${n}`).join(', ')}
        </p>
      )}
    </>
  );
}

/**
 * The team meeting (teambespreking): everything that needs the team's attention, each actionable in place.
 * `leadTeamPanel` adds a panel at the end for each team the user leads.
 */
export function AgendaPage({ user, leadTeamPanel }: { user: User; leadTeamPanel: (team: TeamRef) => ComponentChildren }) {
  const signals = useLoad(signalsAwaitingDecision, 'signals');
  const reviews = useLoad(casesReviewDue, 'reviews');
  const stuck = useLoad(casesStuck, 'stuck');
  const feedback = useLoad(signalsFeedbackOverdue, 'feedback');
  const checkIns = useLoad(checkInsOverdue, 'check-ins');
  const teamIds = user.teams.map((team) => team.id);
  const members = useLoad(
    async () => {
      const lists = await Promise.all(teamIds.map((id) => teamMembers(id)));
      return new Map<number, TeamMember[]>(teamIds.map((id, i) => [id, workers(lists[i]!.items)]));
    },
    teamIds.join(','),
  );
  const membersOf = (teamId: number) => members.data?.get(teamId) ?? [];
  const leadTeams = user.teams.filter((team) => isTeamLeadOf(user, team.id));

  const setWorkers = (caseId: number, assigned: PersonRef[]) => {
    for (const list of [stuck, reviews]) {
      if (!list.data) continue;
      list.replace({
        ...list.data,
        items: list.data.items.map((c) => (c.id === caseId ? { ...c, assigned_workers: assigned } : c)),
      });
    }
  };

  return (
    <Page title={t('agenda.title')}>
      <div class="agenda">
        <p class="hint">{t('agenda.intro')}</p>

        <Section id="ag-signals" title={t('agenda.signals')} empty={t('agenda.signalsEmpty')} list={signals}>
          {(items) =>
            items.map((s) => (
              <li key={s.id} class="card">
                <div class="card-head">
                  <h3 class="card-title">
                    <a href={href(`/signals/${s.id}`)}>{s.person_name}</a>
                  </h3>
                  <span class="badge badge--awaiting_decision">{label('directReason', s.direct_reason)}</span>
                </div>
                <p class="card-meta muted">{t('agenda.intake', { date: formatDate(s.intake_date) })}</p>
                {isTeamLeadOf(user, s.team_id) && (
                  <Action title={t('decisionForm.title')}>
                    <DecideForm
                      signal={s}
                      members={membersOf(s.team_id)}
                      onDone={() => drop(signals, s.id, 'ag-signals')}
                    />
                  </Action>
                )}
              </li>
            ))
          }
        </Section>

        <Section id="ag-reviews" title={t('agenda.reviews')} empty={t('agenda.reviewsEmpty')} list={reviews}>
          {(items) =>
            items.map((c) => (
              <li key={c.id} class="card">
                <CaseHead c={c} />
                <Action title={t('reviews.submit')}>
                  <ReviewForm c={c} onDone={() => drop(reviews, c.id, 'ag-reviews')} />
                </Action>
              </li>
            ))
          }
        </Section>

        <Section id="ag-stuck" title={t('agenda.stuck')} empty={t('agenda.stuckEmpty')} list={stuck}>
          {(items) =>
            items.map((c) => (
              <li key={c.id} class="card">
                <CaseHead c={c} />
                <Attempts c={c} />
                <Action title={t('handover.title')}>
                  <CaseHandoverForm c={c} members={membersOf(c.team_id)} onDone={(assigned) => setWorkers(c.id, assigned)} />
                </Action>
              </li>
            ))
          }
        </Section>

        <Section id="ag-feedback" title={t('agenda.feedback')} empty={t('agenda.feedbackEmpty')} list={feedback}>
          {(items) =>
            items.map((s) => (
              <OverdueCard
                key={s.id}
                link={href(`/signals/${s.id}`)}
                name={s.person_name}
                meta={
                  <>
                    {t('agenda.intake', { date: formatDate(s.intake_date) })}
                    {s.latest_decision && ` · ${label('decision', s.latest_decision)}`}
                  </>
                }
                action={t('feedback.submit')}
              >
                <FeedbackForm signal={s} onDone={() => drop(feedback, s.id, 'ag-feedback')} />
              </OverdueCard>
            ))
          }
        </Section>

        <Section id="ag-check-ins" title={t('agenda.checkIns')} empty={t('agenda.checkInsEmpty')} list={checkIns}>
          {(items) =>
            items.map((ci) => (
              <OverdueCard
                key={ci.id}
                link={href(`/cases/${ci.case_id}`)}
                name={ci.person_name}
                meta={t('monitoring.item', { date: formatDate(ci.planned_on), worker: ci.worker.display_name })}
                action={t('monitoring.record')}
              >
                <OutcomeForm checkIn={ci} onDone={() => drop(checkIns, ci.id, 'ag-check-ins')} />
              </OverdueCard>
            ))
          }
        </Section>

        {leadTeams.length > 0 && <TeamSettingsSection teams={leadTeams} />}
        {leadTeams.map((team) => leadTeamPanel(team))}
      </div>
    </Page>
  );
}
