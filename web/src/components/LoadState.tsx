import { t } from '../i18n';
import { errorMessage } from '../lib/messages';

/** What a page shows while its data is loading or when loading failed. */
export function LoadState({ loading, error }: { loading: boolean; error: unknown }) {
  if (error) {
    return (
      <p class="notice notice--error" role="alert">
        {errorMessage(error)}
      </p>
    );
  }
  if (loading) return <p class="loading">{t('app.loading')}</p>;
  return null;
}
