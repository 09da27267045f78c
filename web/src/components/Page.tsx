import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';
import { sessionStore } from '../lib/session';
import { useStore } from '../lib/store';

interface PageProps {
  title: string;
  /** Shown beside the title on wide screens, below it on phones. */
  actions?: ComponentChildren;
  children: ComponentChildren;
}

/** Page heading plus document title. The heading takes focus after navigation (see App). */
export function Page({ title, actions, children }: PageProps) {
  // A page kept hidden under the login form (App) leaves the title to it, and takes it back when the
  // session returns.
  const session = useStore(sessionStore);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (heading.current?.closest('[hidden]')) return;
    document.title = `${title} – ${t('app.name')}`;
  }, [title, session]);
  return (
    <>
      <div class="page-head">
        <h1 id="page-title" tabIndex={-1} ref={heading}>
          {title}
        </h1>
        {actions && <div class="page-actions">{actions}</div>}
      </div>
      {children}
    </>
  );
}
