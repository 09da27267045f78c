import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { t } from '../i18n';

interface PageProps {
  title: string;
  /** Shown beside the title on wide screens, below it on phones. */
  actions?: ComponentChildren;
  children: ComponentChildren;
}

/** Page heading plus document title. The heading takes focus after navigation (see App). */
export function Page({ title, actions, children }: PageProps) {
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title]);
  return (
    <>
      <div class="page-head">
        <h1 id="page-title" tabIndex={-1}>
          {title}
        </h1>
        {actions && <div class="page-actions">{actions}</div>}
      </div>
      {children}
    </>
  );
}
