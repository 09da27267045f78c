import { useState } from 'preact/hooks';
import {Form, FormError, RadioGroup, TextArea, TextField } from '../../../components/fields';
import { useForm } from '../../../components/useForm';
import { t } from '../../../i18n';
import { nowLocalDateTime } from '../../../lib/dates';
import { enumOptions } from '../../../lib/labels';
import { MAX } from '../../../lib/limits';
import { announce } from '../../../lib/status';
import { logContact } from '../api/cases';
import { dateInDays } from '../cadence';
import { toContactInput, validateContact, type ContactDraft } from '../contact-form';

function freshDraft(): ContactDraft {
  return { occurred_at: nowLocalDateTime(), channel: '', outcome: '', with_whom: '', note: '', next_attempt_date: '' };
}

/** The quick contact log: two taps (how, outcome) and save; the moment defaults to now. */
export function ContactForm({
  caseId,
  cadenceDays,
  makingContact,
  onLogged,
}: {
  caseId: number;
  cadenceDays: number[];
  makingContact: boolean;
  onLogged: () => void;
}) {
  const [draft, setDraft] = useState<ContactDraft>(freshDraft);
  const form = useForm('contact');
  const set =
    <K extends keyof ContactDraft>(key: K) =>
    (value: ContactDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  const onSubmit = () => {
    void form.submit(
      () => validateContact(draft, new Date(), makingContact),
      async () => {
        await logContact(caseId, toContactInput(draft));
        announce(t('contactForm.saved'));
        setDraft(freshDraft());
        onLogged();
      },
    );
  };

  return (
    <section class="panel panel--accent" aria-labelledby="contact-title">
      <h2 id="contact-title">{t('contactForm.title')}</h2>
      <Form form={form} onSubmit={onSubmit}>
        <FormError message={form.formError} />
        <RadioGroup
          path="channel"
          label={t('contactForm.channel')}
          required
          layout="chips"
          value={draft.channel}
          options={enumOptions('channel')}
          onValue={set('channel')}
          error={form.errors.channel}
        />
        <RadioGroup
          path="outcome"
          label={t('contactForm.outcome')}
          required
          layout="chips"
          value={draft.outcome}
          options={enumOptions('outcome')}
          onValue={set('outcome')}
          error={form.errors.outcome}
        />
        <div class="field-row">
          <TextField
            path="occurred_at"
            label={t('contactForm.occurredAt')}
            type="datetime-local"
            required
            width="medium"
            value={draft.occurred_at}
            onValue={set('occurred_at')}
            error={form.errors.occurred_at}
          />
          <TextField
            path="next_attempt_date"
            label={t('contactForm.nextAttempt')}
            type="date"
            width="medium"
            required={makingContact && draft.outcome !== 'brief_contact' && draft.outcome !== 'conversation'}
            value={draft.next_attempt_date}
            onValue={set('next_attempt_date')}
            error={form.errors.next_attempt_date}
          />
        </div>
        {cadenceDays.length > 0 && (
          <div class="quick-dates" role="group" aria-label={t('contactForm.cadence')}>
            {cadenceDays.map((days) => (
              <button
                key={days}
                type="button"
                class="button button--secondary"
                aria-pressed={draft.next_attempt_date === dateInDays(days)}
                onClick={() => set('next_attempt_date')(dateInDays(days))}
              >
                {days === 1 ? t('contactForm.inDays.one') : t('contactForm.inDays.other', { n: days })}
              </button>
            ))}
          </div>
        )}
        <TextField
          path="with_whom"
          label={t('contactForm.withWhom')}
          maxLength={MAX.short}
          value={draft.with_whom}
          onValue={set('with_whom')}
          error={form.errors.with_whom}
        />
        <TextArea
          path="note"
          label={t('contactForm.note')}
          rows={3}
          maxLength={MAX.long}
          value={draft.note}
          onValue={set('note')}
          error={form.errors.note}
        />
        <button type="submit" class="button button--block">
          {form.busy ? t('form.sending') : t('contactForm.submit')}
        </button>
      </Form>
    </section>
  );
}
