import { useEffect, useRef } from 'preact/hooks';
import { t, setLang, langStore, type Lang } from '../i18n';
import { href } from '../lib/router';
import { readsCases, type User } from '../lib/session';
import { useStore } from '../lib/store';

interface HeaderProps {
  user: User | null;
  path: string;
  onLogout: (everywhere?: boolean) => void;
}

function NavLink({ to, path, children }: { to: string; path: string; children: string }) {
  const current = path === to || path.startsWith(`${to}/`);
  return (
    <li>
      <a href={href(to)} aria-current={current ? 'page' : undefined}>
        {children}
      </a>
    </li>
  );
}

export function Header({ user, path, onLogout }: HeaderProps) {
  const lang = useStore(langStore);
  const other: Lang = lang === 'nl' ? 'en' : 'nl';
  const inTeam = !!user && user.teams.length > 0 && readsCases(user);
  const navList = useRef<HTMLUListElement>(null);

  // On a phone the menu scrolls sideways; keep the current page's item in view so the user sees
  // where they are (only the menu scrolls, not the page).
  useEffect(() => {
    const list = navList.current;
    const current = list?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!list || !current) return;
    const box = list.getBoundingClientRect();
    const item = current.getBoundingClientRect();
    if (item.right > box.right) list.scrollLeft += Math.ceil(item.right - box.right);
    else if (item.left < box.left) list.scrollLeft -= Math.ceil(box.left - item.left);
  }, [path, user]);

  return (
    <header class="site-header">
      <div class="header-bar">
        <div class="brand">
          <a class="brand-name" href={href('/')}>
            {t('app.name')}
          </a>
          {user && (
            <span class="brand-user">
              <span class="visually-hidden">{t('header.user')} </span>
              {user.display_name}
            </span>
          )}
        </div>
        <div class="header-tools">
          <button type="button" class="link-button" lang={other} onClick={() => setLang(other)}>
            {t('header.switchLanguage')}
          </button>
          {user && (
            <button type="button" class="link-button" onClick={() => onLogout()}>
              {t('header.logout')}
            </button>
          )}
          {user && (
            <button type="button" class="link-button" onClick={() => onLogout(true)}>
              {t('header.logoutEverywhere')}
            </button>
          )}
        </div>
      </div>
      {user && (
        <nav class="site-nav" aria-label={t('nav.label')}>
          <ul ref={navList}>
            {inTeam && (
              <NavLink to="/signals" path={path}>
                {t('nav.signals')}
              </NavLink>
            )}
            {inTeam && (
              <NavLink to="/cases/mine" path={path}>
                {t('nav.myCases')}
              </NavLink>
            )}
            {inTeam && (
              <NavLink to="/cases/team" path={path}>
                {t('nav.teamCases')}
              </NavLink>
            )}
            {inTeam && (
              <NavLink to="/agenda" path={path}>
                {t('nav.agenda')}
              </NavLink>
            )}
            {inTeam && (
              <NavLink to="/caseload" path={path}>
                {t('nav.caseload')}
              </NavLink>
            )}
            {user.role === 'privacy_officer' && (
              <NavLink to="/access-log" path={path}>
                {t('nav.accessLog')}
              </NavLink>
            )}
            {user.role === 'privacy_officer' && (
              <NavLink to="/privacy" path={path}>
                {t('nav.privacy')}
              </NavLink>
            )}
            {user.role === 'partner' && (
              <NavLink to="/partner" path={path}>
                {t('nav.partner')}
              </NavLink>
            )}
            {user.role === 'policy' && (
              <NavLink to="/figures" path={path}>
                {t('nav.figures')}
              </NavLink>
            )}
            {user.role === 'privacy_officer' && (
              <NavLink to="/break-glass" path={path}>
                {t('nav.breakGlass')}
              </NavLink>
            )}
            {user.role === 'reception' && (
              <NavLink to="/reception" path={path}>
                {t('nav.reception')}
              </NavLink>
            )}
            {user.role === 'admin' && (
              <NavLink to="/admin" path={path}>
                {t('nav.admin')}
              </NavLink>
            )}
            <NavLink to="/account" path={path}>
              {t('nav.account')}
            </NavLink>
          </ul>
        </nav>
      )}
    </header>
  );
}
