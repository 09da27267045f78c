import { useState } from 'preact/hooks';
import { Form, FormError, TextField } from '../../../components/fields';
import { useForm, type Errors } from '../../../components/useForm';
import { t } from '../../../i18n';
import { MAX } from '../../../lib/limits';
import { announce } from '../../../lib/status';
import { updateTeamSettings, type TeamSettings } from '../api/triage';
import { parseFeedbackDays } from '../feedback';

/** The team setting "working days for reporter feedback" (admin, or a lead of the team). */
export function TeamFeedbackDays({ team, onSaved }: { team: TeamSettings; onSaved: () => void }) {
  const [days, setDays] = useState(String(team.feedback_working_days));
  const form = useForm(`team-${team.id}`);
  const onSubmit = () =>
    void form.submit(
      (): Errors =>
        parseFeedbackDays(days, MAX.feedbackDaysMin, MAX.feedbackDaysMax) === null
          ? { feedback_working_days: t('fieldError.feedbackDays') }
          : {},
      async () => {
        await updateTeamSettings(team.id, parseFeedbackDays(days, MAX.feedbackDaysMin, MAX.feedbackDaysMax) as number);
        announce(t('admin.teams.feedbackSaved'));
        onSaved();
      },
    );
  return (
    <Form form={form} onSubmit={onSubmit} class="form form--inline" label={`${team.name}: ${t('admin.teams.feedbackDays')}`}>
      <FormError message={form.formError} />
      <TextField
        path="feedback_working_days"
        label={t('admin.teams.feedbackDays')}
        inputMode="numeric"
        width="short"
        value={days}
        onValue={setDays}
        error={form.errors.feedback_working_days}
      />
      <button type="submit" class="button button--secondary">
        {form.busy ? t('form.sending') : t('admin.teams.feedbackSave')}
      </button>
    </Form>
  );
}
