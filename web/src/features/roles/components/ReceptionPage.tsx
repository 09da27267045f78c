import { Page } from '../../../components/Page';
import { t } from '../../../i18n';

/** The safety desk: no person data yet; says what this role will see once visits are registered. */
export function ReceptionPage() {
  return (
    <Page title={t('reception.title')}>
      <p>{t('reception.intro')}</p>
      <p>{t('reception.later')}</p>
    </Page>
  );
}
