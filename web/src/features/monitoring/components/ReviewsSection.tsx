import { ReviewFields, SubmitButton, useReviewDraft } from '../../../components/CaseFields';
import { Form, FormError } from '../../../components/fields';
import { useForm } from '../../../components/useForm';
import { t } from '../../../i18n';
import type { ReviewDecision } from '../../../lib/enums';
import { formatDate } from '../../../lib/format';
import { validateReview } from '../../../lib/formChecks';
import { label } from '../../../lib/labels';
import { announce } from '../../../lib/status';
import type { Review } from '../../../lib/records';
import { addReview } from '../api/monitoring';

/** Scrolls to the form with this id (the handover or closure form of the case page) and opens it. */
function goTo(id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  if (target instanceof HTMLDetailsElement) target.open = true;
  target.scrollIntoView({ block: 'start' });
  target.querySelector<HTMLElement>('summary, h2')?.focus();
}

function FollowUp({ decision }: { decision: ReviewDecision }) {
  if (decision !== 'hand_over' && decision !== 'close') return null;
  const [target, text] = decision === 'hand_over' ? ['c-handover', 'reviews.toHandover'] : ['c-close', 'reviews.toClosure'];
  return (
    <p class="notice">
      {t('reviews.followUp')}{' '}
      <button type="button" class="button button--secondary" onClick={() => goTo(target)}>
        {t(text as 'reviews.toHandover' | 'reviews.toClosure')}
      </button>
    </p>
  );
}

/** The monthly process reviews (procesbespreking) of a case: the list, newest first, and the form. */
export function ReviewsSection({
  caseId,
  open,
  reviews,
  onChanged,
}: {
  caseId: number;
  open: boolean;
  reviews: Review[];
  onChanged: () => void;
}) {
  const draft = useReviewDraft();
  const { heldOn, attendees, notes, decision } = draft;
  const form = useForm('review');

  const onSubmit = () => {
    void form.submit(
      () => validateReview(heldOn, attendees, notes, decision),
      async () => {
        await addReview(caseId, {
          held_on: heldOn,
          attendees: attendees.trim(),
          notes: notes.trim(),
          decision: decision as ReviewDecision,
        });
        announce(t('reviews.saved'));
        draft.setAttendees('');
        draft.setNotes('');
        draft.setDecision('');
        onChanged();
      },
    );
  };

  return (
    <section class="panel" aria-labelledby="c-reviews">
      <h2 id="c-reviews">{t('reviews.title')}</h2>
      {reviews.length === 0 ? (
        <p>{t('reviews.empty')}</p>
      ) : (
        <ol class="trail">
          {reviews.map((r, i) => (
            <li key={r.id} class="history-item">
              <p class="history-title">
                <strong>
                  {t('reviews.item', { date: formatDate(r.held_on), decision: label('reviewDecision', r.decision) })}
                </strong>
              </p>
              <p class="history-text">{r.attendees}</p>
              {r.notes && <p class="history-text">{r.notes}</p>}
              {i === 0 && open && <FollowUp decision={r.decision} />}
            </li>
          ))}
        </ol>
      )}
      {open && (
        <Form form={form} onSubmit={onSubmit}>
          <FormError message={form.formError} />
          <ReviewFields draft={draft} errors={form.errors} />
          <SubmitButton form={form} label={t('reviews.submit')} />
        </Form>
      )}
    </section>
  );
}
