// The admin page: its tabs compose the sections that the admin and privacy features own, and the
// team setting for reporter feedback.
import { Page } from '../components/Page';
import { TeamFeedbackDays } from '../components/TeamFeedbackDays';
import { t } from '../i18n';
import { href } from '../lib/router';
import { TeamsSection, UsersSection } from '../features/admin/components/AdminSections';
import { RetentionPanel } from '../features/privacy/components/RetentionPanel';

export type AdminSection = 'users' | 'teams' | 'retention';

export function AdminPage({ section }: { section: AdminSection }) {
  return (
    <Page title={t('admin.title')}>
      <nav class="tabs" aria-label={t('admin.sections')}>
        <a class="tab" href={href('/admin/users')} aria-current={section === 'users' ? 'page' : undefined}>
          {t('admin.users')}
        </a>
        <a class="tab" href={href('/admin/teams')} aria-current={section === 'teams' ? 'page' : undefined}>
          {t('admin.teams')}
        </a>
        <a class="tab" href={href('/admin/retention')} aria-current={section === 'retention' ? 'page' : undefined}>
          {t('admin.retention')}
        </a>
      </nav>
      {section === 'users' && <UsersSection />}
      {section === 'teams' && (
        <TeamsSection teamSettings={(team, onSaved) => <TeamFeedbackDays team={team} onSaved={onSaved} inline />} />
      )}
      {section === 'retention' && <RetentionPanel />}
    </Page>
  );
}
