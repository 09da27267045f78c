import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { parseFeedbackDays, validateFeedbackDays } from '../lib/formChecks';
import { announce } from '../lib/status';
import { updateFeedbackDays, type Team } from '../lib/teams';
import { SubmitButton } from './CaseFields';
import { Form, FormError, TextField } from './fields';
import { useForm } from './useForm';

/**
 * The team setting "working days for reporter feedback" (admin, or a lead of the team): on the admin
 * page (`inline`, the list reloads through `onSaved`) and in the lead's agenda settings.
 */
export function TeamFeedbackDays({ team, onSaved, inline = false }: { team: Team; onSaved?: () => void; inline?: boolean }) {
  const [days, setDays] = useState(String(team.feedback_working_days));
  const form = useForm(`team-${team.id}`);
  const onSubmit = () =>
    void form.submit(
      () => validateFeedbackDays(days),
      async () => {
        const saved = await updateFeedbackDays(team.id, parseFeedbackDays(days) as number);
        setDays(String(saved.feedback_working_days));
        announce(t('admin.teams.feedbackSaved'));
        onSaved?.();
      },
    );
  return (
    <Form
      form={form}
      onSubmit={onSubmit}
      class={inline ? 'form form--inline' : undefined}
      label={`${team.name}: ${t('admin.teams.feedbackDays')}`}
    >
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
      <SubmitButton form={form} label={t('admin.teams.feedbackSave')} secondary />
    </Form>
  );
}
