import { useState } from 'preact/hooks';
import { SubmitButton } from '../../../components/CaseFields';
import { Form, FormError, TextField } from '../../../components/fields';
import { useForm, type Errors } from '../../../components/useForm';
import { LoadState } from '../../../components/LoadState';
import { TeamFeedbackDays } from '../../../components/TeamFeedbackDays';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n';
import { parseWhole } from '../../../lib/formChecks';
import type { TeamRef } from '../../../lib/session';
import { announce } from '../../../lib/status';
import { listTeams, type Team } from '../../../lib/teams';
import { teamSettings, updateTeamSettings, type TeamSettings } from '../api/agenda';
import { parseCadence } from '../logic';

function ThresholdsForm({ settings }: { settings: TeamSettings }) {
  const [cadence, setCadence] = useState(settings.cadence_days.join(', '));
  const [attempts, setAttempts] = useState(String(settings.stuck_attempts));
  const [days, setDays] = useState(String(settings.stuck_days));
  const form = useForm(`ts-${settings.team_id}`);
  const validate = (): Errors => {
    const errors: Errors = {};
    if (parseCadence(cadence) === null) errors.cadence_days = t('agenda.settings.cadenceError');
    if (parseWhole(attempts, 1, 50) === null) errors.stuck_attempts = t('agenda.settings.rangeError', { min: 1, max: 50 });
    if (parseWhole(days, 1, 90) === null) errors.stuck_days = t('agenda.settings.rangeError', { min: 1, max: 90 });
    return errors;
  };
  const onSubmit = () =>
    void form.submit(validate, async () => {
      const saved = await updateTeamSettings(settings.team_id, {
        cadence_days: parseCadence(cadence)!,
        stuck_attempts: parseWhole(attempts, 1, 50)!,
        stuck_days: parseWhole(days, 1, 90)!,
      });
      setCadence(saved.cadence_days.join(', '));
      setAttempts(String(saved.stuck_attempts));
      setDays(String(saved.stuck_days));
      announce(t('agenda.settings.saved'));
    });
  return (
    <Form form={form} onSubmit={onSubmit} label={t('agenda.settings.thresholds')}>
      <FormError message={form.formError} />
      <TextField
        path="cadence_days"
        label={t('agenda.settings.cadence')}
        hint={t('agenda.settings.cadenceHint')}
        width="medium"
        value={cadence}
        onValue={setCadence}
        error={form.errors.cadence_days}
      />
      <TextField
        path="stuck_attempts"
        label={t('agenda.settings.stuckAttempts')}
        inputMode="numeric"
        width="short"
        value={attempts}
        onValue={setAttempts}
        error={form.errors.stuck_attempts}
      />
      <TextField
        path="stuck_days"
        label={t('agenda.settings.stuckDays')}
        inputMode="numeric"
        width="short"
        value={days}
        onValue={setDays}
        error={form.errors.stuck_days}
      />
      <SubmitButton form={form} label={t('agenda.settings.save')} secondary />
    </Form>
  );
}

function TeamBlock({ team, details }: { team: TeamRef; details: Team | undefined }) {
  const settings = useLoad(() => teamSettings(team.id), String(team.id));
  return (
    <div class="agenda-team">
      <h3>{team.name}</h3>
      {details && <TeamFeedbackDays team={details} />}
      <LoadState loading={settings.loading} error={settings.error} />
      {settings.data && <ThresholdsForm settings={settings.data} />}
    </div>
  );
}

/** The lead's team settings: feedback term, cadence suggestions and the thresholds for stuck cases. */
export function TeamSettingsSection({ teams }: { teams: TeamRef[] }) {
  const all = useLoad(listTeams, 'teams');
  return (
    <details class="panel disclosure" id="ag-settings">
      <summary class="summary-heading">{t('agenda.settings.title')}</summary>
      <LoadState loading={all.loading} error={all.error} />
      {all.data &&
        teams.map((team) => (
          <TeamBlock key={team.id} team={team} details={all.data!.items.find((d) => d.id === team.id)} />
        ))}
    </details>
  );
}
