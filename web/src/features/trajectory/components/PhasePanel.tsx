import { useState } from 'preact/hooks';
import { Form, FormError, TextArea } from '../../../components/fields';
import { useForm } from '../../../components/useForm';
import { t } from '../../../i18n';
import type { TransitionEvent } from '../../../lib/enums';
import { label } from '../../../lib/labels';
import { MAX } from '../../../lib/limits';
import { announce } from '../../../lib/status';
import { moveCase, type TrajectoryCase } from '../api/trajectory';
import { buttonEvents, validateMove } from '../logic';

function MoveForm({ c, event, onDone, onCancel }: {
  c: TrajectoryCase;
  event: TransitionEvent;
  onDone: (updated: TrajectoryCase) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const form = useForm('move');
  const onSubmit = () => {
    void form.submit(
      () => validateMove(reason),
      async () => {
        const updated = await moveCase(c.id, event, reason.trim());
        announce(t('trajectory.saved', { phase: label('phase', updated.phase) }));
        onDone(updated);
      },
    );
  };
  return (
    <Form form={form} onSubmit={onSubmit} label={label('transitionEvent', event)}>
      <FormError message={form.formError} />
      <TextArea
        path="reason"
        label={`${t('trajectory.reason')}: ${label('transitionEvent', event)}`}
        required
        rows={2}
        maxLength={MAX.short}
        value={reason}
        onValue={setReason}
        error={form.errors.reason}
      />
      <div class="button-row">
        <button type="submit" class="button">
          {form.busy ? t('form.sending') : t('trajectory.confirm')}
        </button>{' '}
        <button type="button" class="button button--secondary" onClick={onCancel}>
          {t('trajectory.cancel')}
        </button>
      </div>
    </Form>
  );
}

/** The case's phase and a button per move its phase allows now; each move asks for a reason. */
export function PhasePanel({ c, onChanged }: { c: TrajectoryCase; onChanged: (updated: TrajectoryCase) => void }) {
  const [chosen, setChosen] = useState<TransitionEvent | null>(null);
  const events = buttonEvents(c.allowed_events);
  return (
    <section class="panel" aria-labelledby="c-trajectory">
      <h2 id="c-trajectory">{t('trajectory.title')}</h2>
      <p>
        {t('trajectory.phase')}: <strong class={`badge badge--phase`}>{label('phase', c.phase)}</strong>
      </p>
      {c.status === 'open' && (
        <>
          {events.length > 0 && chosen === null && (
            <div role="group" aria-label={t('trajectory.nextStep')} class="button-row">
              {events.map((event) => (
                <button key={event} type="button" class="button button--secondary" onClick={() => setChosen(event)}>
                  {label('transitionEvent', event)}
                </button>
              ))}
            </div>
          )}
          {chosen !== null && (
            <MoveForm
              key={chosen}
              c={c}
              event={chosen}
              onCancel={() => setChosen(null)}
              onDone={(updated) => {
                setChosen(null);
                onChanged(updated);
              }}
            />
          )}
          <p class="hint">{t('trajectory.closeHint')}</p>
        </>
      )}
    </section>
  );
}
