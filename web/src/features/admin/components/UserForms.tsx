import { useState } from 'preact/hooks';
import { Checkbox, CheckboxGroup, Form, FormError, SelectField, TextField } from '../../../components/fields';
import { useForm } from '../../../components/useForm';
import { t } from '../../../i18n';
import type { Role } from '../../../lib/enums';
import { enumOptions } from '../../../lib/labels';
import { MAX } from '../../../lib/limits';
import type { TeamRef } from '../../../lib/session';
import { errorMessage } from '../../../lib/messages';
import { announce } from '../../../lib/status';
import { createUser, resetUserTotp, updateUser, type AdminUser, type UserPatch } from '../api/admin';
import { collect, displayNameError, passwordError, usernameError } from '../user-form';

function teamOptions(teams: TeamRef[]) {
  return teams.map((team) => ({ value: String(team.id), label: team.name }));
}

export function NewUserForm({ teams, onCreated }: { teams: TeamRef[]; onCreated: () => void }) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('outreacher');
  const [password, setPassword] = useState('');
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const form = useForm('new-user');

  const onSubmit = () =>
    void form.submit(
      () =>
        collect({
          username: usernameError(username),
          display_name: displayNameError(displayName),
          password: passwordError(password, true),
        }),
      async () => {
        const user = await createUser({
          username,
          display_name: displayName.trim(),
          role,
          password,
          team_ids: teamIds.map(Number),
        });
        announce(t('admin.users.created', { name: user.display_name }));
        setUsername('');
        setDisplayName('');
        setPassword('');
        setTeamIds([]);
        onCreated();
      },
    );

  return (
    <section class="panel" aria-labelledby="new-user-title">
      <h2 id="new-user-title">{t('admin.users.new')}</h2>
      <Form form={form} onSubmit={onSubmit}>
        <FormError message={form.formError} />
        <TextField path="username" label={t('user.username')} required value={username} onValue={setUsername}
          maxLength={MAX.usernameMax} error={form.errors.username} />
        <TextField path="display_name" label={t('user.displayName')} required value={displayName}
          onValue={setDisplayName} maxLength={MAX.name} error={form.errors.display_name} />
        <SelectField path="role" label={t('user.role')} value={role} options={enumOptions('role')} onValue={setRole}
          error={form.errors.role} />
        <TextField path="password" label={t('user.password')} type="password" autoComplete="new-password" required
          value={password} onValue={setPassword} maxLength={MAX.passwordMax} error={form.errors.password} />
        <CheckboxGroup path="team_ids" label={t('user.teams')} values={teamIds} options={teamOptions(teams)}
          onValues={setTeamIds} error={form.errors.team_ids} />
        <button type="submit" class="button">
          {form.busy ? t('form.sending') : t('admin.users.create')}
        </button>
      </Form>
    </section>
  );
}

interface EditUserFormProps {
  user: AdminUser;
  teams: TeamRef[];
  onSaved: (user: AdminUser) => void;
}

/** Sends only what changed, so a role change does not touch the password and vice versa. */
export function EditUserForm({ user, teams, onSaved }: EditUserFormProps) {
  const [displayName, setDisplayName] = useState(user.display_name);
  const [role, setRole] = useState<Role>(user.role);
  const [active, setActive] = useState(user.active);
  const [teamIds, setTeamIds] = useState<string[]>(user.teams.map((team) => String(team.id)));
  const [password, setPassword] = useState('');
  const form = useForm(`user-${user.id}`);
  const [resetError, setResetError] = useState<string | null>(null);

  const onResetTotp = () => {
    setResetError(null);
    resetUserTotp(user.id).then(
      () => announce(t('admin.users.totpReset', { name: user.display_name })),
      (error: unknown) => setResetError(errorMessage(error)),
    );
  };

  const onSubmit = () =>
    void form.submit(
      () => collect({ display_name: displayNameError(displayName), password: passwordError(password, false) }),
      async () => {
        const patch: UserPatch = {};
        if (displayName.trim() !== user.display_name) patch.display_name = displayName.trim();
        if (role !== user.role) patch.role = role;
        if (active !== user.active) patch.active = active;
        const before = user.teams.map((team) => team.id).sort((a, b) => a - b).join(',');
        const after = teamIds.map(Number).sort((a, b) => a - b);
        if (after.join(',') !== before) patch.team_ids = after;
        if (password) patch.password = password;
        const saved = Object.keys(patch).length > 0 ? await updateUser(user.id, patch) : user;
        announce(t('admin.users.saved', { name: saved.display_name }));
        setPassword('');
        onSaved(saved);
      },
    );

  return (
    <Form form={form} onSubmit={onSubmit} class="form form--inset" label={t('admin.users.edit', { name: user.display_name })}>
      <FormError message={form.formError} />
      <TextField path="display_name" label={t('user.displayName')} required value={displayName}
        onValue={setDisplayName} maxLength={MAX.name} error={form.errors.display_name} />
      <SelectField path="role" label={t('user.role')} value={role} options={enumOptions('role')} onValue={setRole}
        error={form.errors.role} />
      <Checkbox path="active" label={t('user.active')} checked={active} onChecked={setActive} error={form.errors.active} />
      <CheckboxGroup path="team_ids" label={t('user.teams')} values={teamIds} options={teamOptions(teams)}
        onValues={setTeamIds} error={form.errors.team_ids} />
      <TextField path="password" label={t('admin.users.newPassword')} hint={t('admin.users.newPasswordHint')}
        type="password" autoComplete="new-password" value={password} onValue={setPassword}
        maxLength={MAX.passwordMax} error={form.errors.password} />
      <button type="submit" class="button">
        {form.busy ? t('form.sending') : t('admin.users.save')}
      </button>
      <p class="hint">{t('admin.users.resetTotpHint')}</p>
      {resetError && <p class="notice notice--error" role="alert">{resetError}</p>}
      <button type="button" class="button button--secondary" onClick={onResetTotp}>
        {t('admin.users.resetTotp')}
      </button>
    </Form>
  );
}
