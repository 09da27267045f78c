import { useState } from 'preact/hooks';
import { FeedbackDaysField, SubmitButton } from '../../../components/CaseFields';
import { Form, FormError } from '../../../components/fields';
import { useForm } from '../../../components/useForm';
import { t } from '../../../i18n';
import { parseFeedbackDays, validateFeedbackDays } from '../../../lib/formChecks';
import { announce } from '../../../lib/status';
import { updateFeedbackDays, type Team } from '../../../lib/teams';

/** The team setting "working days for reporter feedback" (admin, or a lead of the team). */
export function TeamFeedbackDays({ team, onSaved }: { team: Team; onSaved: () => void }) {
  const [days, setDays] = useState(String(team.feedback_working_days));
  const form = useForm(`team-${team.id}`);
  const onSubmit = () =>
    void form.submit(
      () => validateFeedbackDays(days),
      async () => {
        await updateFeedbackDays(team.id, parseFeedbackDays(days) as number);
        announce(t('admin.teams.feedbackSaved'));
        onSaved();
      },
    );
  return (
    <Form form={form} onSubmit={onSubmit} class="form form--inline" label={`${team.name}: ${t('admin.teams.feedbackDays')}`}>
      <FormError message={form.formError} />
      <FeedbackDaysField days={days} onDays={setDays} errors={form.errors} />
      <SubmitButton form={form} label={t('admin.teams.feedbackSave')} secondary />
    </Form>
  );
}
