import { FeedbackFields, SubmitButton, useFeedbackDraft } from '../../../components/CaseFields';
import { Form, FormError } from '../../../components/fields';
import { useForm, type Errors } from '../../../components/useForm';
import { t } from '../../../i18n';
import { isIsoDate, todayIso } from '../../../lib/dates';
import { formatDate } from '../../../lib/format';
import { MAX } from '../../../lib/limits';
import type { Signal } from '../../../lib/records';
import { announce } from '../../../lib/status';
import { recordFeedback } from '../api/triage';
import { feedbackState } from '../feedback';

/** Reporter feedback on the signal page: when it is due (or overdue) and a form to record it. */
export function FeedbackPanel({ signal, onSaved }: { signal: Signal; onSaved: (s: Signal) => void }) {
  const f = signal.feedback;
  const state = feedbackState(f, todayIso());
  const draft = useFeedbackDraft(f.given_on ?? todayIso(), f.told);
  const { givenOn, told } = draft;
  const form = useForm('feedback');

  const validate = (): Errors => {
    const errors: Errors = {};
    if (!givenOn) errors.given_on = t('fieldError.required');
    else if (!isIsoDate(givenOn)) errors.given_on = t('fieldError.invalid_date');
    else if (givenOn > todayIso()) errors.given_on = t('feedback.future');
    if (!told.trim()) errors.told = t('fieldError.required');
    else if (told.length > MAX.feedbackTold) errors.told = t('fieldError.too_long', { max: MAX.feedbackTold });
    return errors;
  };

  const onSubmit = () =>
    void form.submit(validate, async () => {
      const saved = await recordFeedback(signal.id, { given_on: givenOn, told: told.trim() });
      announce(t('feedback.saved'));
      onSaved(saved);
    });

  return (
    <section class="panel" aria-labelledby="feedback-title">
      <h2 id="feedback-title">{t('feedback.title')}</h2>
      <dl class="dl">
        <div class="dl-item">
          <dt>{t('feedback.dueOn')}</dt>
          <dd>
            {f.due_on ? formatDate(f.due_on) : t('feedback.notDue')}
            {state === 'overdue' && <span class="badge badge--overdue">{t('feedback.overdue')}</span>}
          </dd>
        </div>
        {f.given_on && (
          <div class="dl-item">
            <dt>{t('feedback.givenOn')}</dt>
            <dd>{formatDate(f.given_on)}</dd>
          </div>
        )}
        {f.told && (
          <div class="dl-item">
            <dt>{t('feedback.told')}</dt>
            <dd>{f.told}</dd>
          </div>
        )}
      </dl>
      <Form form={form} onSubmit={onSubmit}>
        <FormError message={form.formError} />
        <FeedbackFields draft={draft} errors={form.errors} rows={3} />
        <SubmitButton form={form} label={t('feedback.submit')} />
      </Form>
    </section>
  );
}
