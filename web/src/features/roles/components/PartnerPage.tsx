import { Page } from '../../../components/Page';
import { LoadState } from '../../../components/LoadState';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { href } from '../../../lib/router';
import { getPartnerSignals } from '../api/roles';

/** A partner's own signals: initials, intake date, received/handled and whether feedback was given. */
export function PartnerPage() {
  const load = useLoad(() => getPartnerSignals(), 'partner-signals');
  const items = load.data?.items ?? null;
  return (
    <Page title={t('partner.title')}>
      <p>{t('partner.intro')}</p>
      <p>
        <a class="button" href={href('/signals/new')}>
          {t('partner.new')}
        </a>
      </p>
      <LoadState loading={load.loading && !items} error={load.error} />
      {items && items.length === 0 && <p class="empty">{t('partner.empty')}</p>}
      {items && items.length > 0 && (
        <ul class="cards" aria-label={t('partner.listLabel')}>
          {items.map((s) => (
            <li key={s.id} class="card" data-signal-id={s.id}>
              <div class="card-head">
                <h2 class="card-title">{t('partner.signal', { initials: s.person_initials || '—', id: s.id })}</h2>
                <span class={`badge badge--${s.status === 'received' ? 'awaiting_decision' : 'decided'}`}>
                  {t(s.status === 'received' ? 'partner.status.received' : 'partner.status.handled')}
                </span>
              </div>
              <dl class="card-facts">
                <div>
                  <dt>{t('partner.intake')}</dt>
                  <dd>{formatDate(s.intake_date)}</dd>
                </div>
                <div>
                  <dt>{t('partner.feedback')}</dt>
                  <dd>{s.feedback_given_on ? formatDate(s.feedback_given_on) : t('partner.noFeedback')}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
