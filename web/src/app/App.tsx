import { useEffect, useRef, useState } from 'preact/hooks';
import { Page } from '../components/Page';
import { LoadState } from '../components/LoadState';
import { currentSession, logout } from '../features/auth/api/session';
import { LoginPage } from '../features/auth/components/LoginPage';
import { AccessLogPage } from '../features/accesslog/components/AccessLogPage';
import { AccountPage } from '../features/account/components/AccountPage';
import { TotpEnrolment } from '../features/account/components/TotpEnrolment';
import { AgendaPage } from '../features/agenda/components/AgendaPage';
import { CaseListPage } from '../features/cases/components/CaseListPage';
import { CaseloadPage } from '../features/caseload/components/CaseloadPage';
import { PrivacyPage } from '../features/privacy/components/PrivacyPage';
import { SignalFormPage } from '../features/signals/components/SignalFormPage';
import { SignalListPage } from '../features/signals/components/SignalListPage';
import { BreakGlassList } from '../features/roles/components/BreakGlassList';
import { BreakGlassPage } from '../features/roles/components/BreakGlassPage';
import { FiguresPage } from '../features/roles/components/FiguresPage';
import { PartnerPage } from '../features/roles/components/PartnerPage';
import { ReceptionPage } from '../features/roles/components/ReceptionPage';
import { logoutEverywhere } from '../features/roles/api/roles';
import { langStore, t } from '../i18n';
import { onUnauthorized } from '../lib/api';
import { match, navigate, useRoute, type Route } from '../lib/router';
import { loginReasonStore, readsCases, sessionStore, type User } from '../lib/session';
import { clearStatus, keepStatusFor, statusStore } from '../lib/status';
import { useStore } from '../lib/store';
import { AdminPage } from './AdminPage';
import { CasePage } from './CasePage';
import { Header } from './Header';
import { SignalDetailPage } from './SignalDetailPage';

/** Where each role starts (the roles without case content at their own page). */
const ROLE_HOME: Partial<Record<User['role'], string>> = {
  reception: '/reception',
  partner: '/partner',
  policy: '/figures',
  privacy_officer: '/access-log',
};

/** Where a user starts: outreachers at their caseload, team leads at the signals, admins at users. */
function homePath(user: User): string {
  const own = ROLE_HOME[user.role];
  if (own) return own;
  if (user.teams.length === 0) return user.role === 'admin' ? '/admin/users' : '/cases/mine';
  return user.role === 'team_lead' ? '/signals' : '/cases/mine';
}

function NotFound() {
  return (
    <Page title={t('app.notFound')}>
      <p>
        <a href="#/">{t('app.name')}</a>
      </p>
    </Page>
  );
}

function positiveId(raw: string | undefined): number | null {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : null;
}

function Routes({ route, user }: { route: Route; user: User }) {
  const { path, query } = route;
  const isAdmin = user.role === 'admin';

  if (path === '/' || path === '/login') return null;
  if (path === '/reception' && user.role === 'reception') return <ReceptionPage />;
  if (path === '/partner' && user.role === 'partner') return <PartnerPage />;
  if (path === '/signals/new' && user.role === 'partner') return <SignalFormPage user={user} />;
  if (path === '/figures' && user.role === 'policy') return <FiguresPage />;
  if (path === '/break-glass' && user.role === 'privacy_officer') return <BreakGlassPage />;
  if (path === '/access-log' && user.role === 'privacy_officer') return <AccessLogPage query={query} />;
  if (path === '/privacy' && user.role === 'privacy_officer') return <PrivacyPage />;
  if (path === '/account') return <AccountPage />;
  if (!readsCases(user)) return <NotFound />;
  if (path === '/signals') return <SignalListPage query={query} />;
  if (path === '/signals/new') return <SignalFormPage user={user} />;
  const signal = match('/signals/:id', path);
  if (signal && positiveId(signal.id)) return <SignalDetailPage id={positiveId(signal.id)!} user={user} />;
  if (path === '/cases/mine') return <CaseListPage scope="mine" query={query} />;
  if (path === '/cases/team') return <CaseListPage scope="team" query={query} />;
  if (path === '/caseload') return <CaseloadPage />;
  if (path === '/agenda' && user.teams.length > 0) {
    return (
      <AgendaPage
        user={user}
        leadTeamPanel={(team) => (
          <BreakGlassList
            key={team.id}
            teamId={team.id}
            title={t('breakGlass.listTitle', { team: team.name })}
            linkCases
          />
        )}
      />
    );
  }
  const kase = match('/cases/:id', path);
  if (kase && positiveId(kase.id)) return <CasePage id={positiveId(kase.id)!} user={user} />;
  if (isAdmin && (path === '/admin' || path === '/admin/users')) return <AdminPage section="users" />;
  if (isAdmin && path === '/admin/teams') return <AdminPage section="teams" />;
  if (isAdmin && path === '/admin/retention') return <AdminPage section="retention" />;
  return <NotFound />;
}

export function App() {
  useStore(langStore);
  const user = useStore(sessionStore);
  const status = useStore(statusStore);
  const route = useRoute();
  const previousPath = useRef<string | null>(null);
  // The user whose pages stay mounted, hidden under the login form, after their session ended (not
  // after a logout): logging in again as them brings back the page with what they had typed.
  const [kept, setKept] = useState<User | null>(null);
  const pageUser = user || kept;

  useEffect(() => {
    onUnauthorized((code) => {
      setKept((previous) => sessionStore.get() || previous);
      clearStatus();
      loginReasonStore.set(code === 'session_expired' ? 'session_expired' : 'unauthenticated');
      sessionStore.set(null);
    });
    currentSession().then(
      (found) => sessionStore.set(found),
      () => sessionStore.set(null),
    );
  }, []);

  useEffect(() => {
    if (user && (route.path === '/' || route.path === '/login')) navigate(homePath(user));
  }, [user, route.path]);

  // On a page change: drop old status messages, scroll up and put focus on the new heading so
  // screen reader users hear where they are. Filter changes (same path) leave focus alone.
  useEffect(() => {
    const first = previousPath.current === null;
    const changed = previousPath.current !== route.path;
    previousPath.current = route.path;
    if (first || !changed) return;
    keepStatusFor(route.path);
    window.scrollTo(0, 0);
    requestAnimationFrame(() => document.getElementById('page-title')?.focus());
  }, [route.path]);

  const onLogout = async (everywhere = false) => {
    try {
      await (everywhere ? logoutEverywhere() : logout());
    } finally {
      setKept(null);
      clearStatus();
      loginReasonStore.set('logged_out');
      sessionStore.set(null);
      navigate('/');
    }
  };

  return (
    <>
      <a class="skip-link" href="#main" onClick={(e) => {
        e.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        {t('app.skipLink')}
      </a>
      <Header user={user ?? null} path={route.path} onLogout={onLogout} />
      <main id="main" tabIndex={-1} class="main">
        <div class="status-region" role="status" aria-live="polite">
          {status.text && (
            <p class="notice notice--success" key={status.seq}>
              {status.text}
            </p>
          )}
        </div>
        {user === undefined && <LoadState loading error={null} />}
        {user === null && (
          <LoginPage
            onLoggedIn={(u) => {
              clearStatus();
              setKept(null);
              sessionStore.set(u);
              if (route.path === '/' || route.path === '/login') navigate(homePath(u));
            }}
            enrolment={(onDone) => <TotpEnrolment onDone={onDone} />}
          />
        )}
        {pageUser && (
          <div hidden={!user}>
            <Routes key={pageUser.id} route={route} user={pageUser} />
          </div>
        )}
      </main>
    </>
  );
}
