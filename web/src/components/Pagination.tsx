import { t } from '../i18n';

interface PaginationProps {
  offset: number;
  limit: number;
  total: number;
  onOffset: (offset: number) => void;
}

export function Pagination({ offset, limit, total, onOffset }: PaginationProps) {
  if (total <= limit && offset === 0) return null;
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav class="pagination" aria-label={t('common.pagination')}>
      <button type="button" class="button button--secondary" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
        {t('common.previous')}
      </button>
      <span>{t('common.range', { from, to, total })}</span>
      <button type="button" class="button button--secondary" disabled={to >= total} onClick={() => onOffset(offset + limit)}>
        {t('common.next')}
      </button>
    </nav>
  );
}
