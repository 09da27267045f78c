import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { LoadState } from '../../../components/LoadState';
import { Form, FormError, TextField } from '../../../components/fields';
import { useForm, type Errors } from '../../../components/useForm';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n';
import { label } from '../../../lib/labels';
import { errorMessage } from '../../../lib/messages';
import { MAX } from '../../../lib/limits';
import { announce } from '../../../lib/status';
import { listTeams, type Team } from '../../../lib/teams';
import { createTeam, listUsers, revokeUserSessions, type AdminUser } from '../api/admin';
import { EditUserForm, NewUserForm } from './UserForms';

async function revoke(user: AdminUser) {
  try {
    await revokeUserSessions(user.id);
    announce(t('admin.users.sessionsRevoked', { name: user.display_name }));
  } catch (error) {
    announce(errorMessage(error));
  }
}

function UserRow({ user, editing, onToggle }: { user: AdminUser; editing: boolean; onToggle: () => void }) {
  return (
    <div class="user-row">
      <div>
        <p class="card-title">
          {user.display_name}
          {!user.active && <span class="badge badge--closed">{t('admin.users.inactive')}</span>}
        </p>
        <p class="card-meta muted">
          {user.username} · {label('role', user.role)} · {user.teams.map((team) => team.name).join(', ') || t('common.empty')}
        </p>
      </div>
      <div class="button-row">
        <button type="button" class="button button--secondary" aria-expanded={editing ? 'true' : 'false'} onClick={onToggle}>
          {t('admin.users.edit', { name: user.display_name })}
        </button>
        <button type="button" class="button button--secondary" onClick={() => void revoke(user)}>
          {t('admin.users.revokeSessions', { name: user.display_name })}
        </button>
      </div>
    </div>
  );
}

export function UsersSection() {
  const users = useLoad(listUsers, 'users');
  const teams = useLoad(listTeams, 'teams');
  const [editing, setEditing] = useState<number | null>(null);
  const teamList = teams.data?.items ?? [];

  return (
    <div class="admin-layout">
      <section class="panel" aria-labelledby="users-title">
        <h2 id="users-title">{t('admin.users')}</h2>
        <LoadState loading={users.loading && !users.data} error={users.error ?? teams.error} />
        {users.data && users.data.items.length === 0 && <p class="empty">{t('admin.users.empty')}</p>}
        {users.data && (
          <ul class="plain-list user-list">
            {users.data.items.map((user) => (
              <li key={user.id}>
                <UserRow user={user} editing={editing === user.id} onToggle={() => setEditing(editing === user.id ? null : user.id)} />
                {editing === user.id && (
                  <EditUserForm
                    user={user}
                    teams={teamList}
                    onSaved={() => {
                      setEditing(null);
                      users.reload();
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <NewUserForm teams={teamList} onCreated={users.reload} />
    </div>
  );
}

/** The teams, each with the settings that `teamSettings` shows for it, and the form for a new team. */
export function TeamsSection({ teamSettings }: { teamSettings: (team: Team, onSaved: () => void) => ComponentChildren }) {
  const teams = useLoad(listTeams, 'teams');
  const [name, setName] = useState('');
  const form = useForm('new-team');

  const onSubmit = () =>
    void form.submit(
      (): Errors => {
        if (!name.trim()) return { name: t('fieldError.required') };
        if (name.length > MAX.name) return { name: t('fieldError.too_long', { max: MAX.name }) };
        return {};
      },
      async () => {
        const team = await createTeam(name.trim());
        announce(t('admin.teams.created', { name: team.name }));
        setName('');
        teams.reload();
      },
    );

  return (
    <div class="admin-layout">
      <section class="panel" aria-labelledby="teams-title">
        <h2 id="teams-title">{t('admin.teams')}</h2>
        <LoadState loading={teams.loading && !teams.data} error={teams.error} />
        {teams.data && teams.data.items.length === 0 && <p class="empty">{t('admin.teams.empty')}</p>}
        {teams.data && (
          <ul class="plain-list">
            {teams.data.items.map((team) => (
              <li key={team.id} class="list-row">
                <strong>{team.name}</strong>
                {teamSettings(team, teams.reload)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="panel" aria-labelledby="new-team-title">
        <h2 id="new-team-title">{t('admin.teams.new')}</h2>
        <Form form={form} onSubmit={onSubmit}>
          <FormError message={form.formError} />
          <TextField path="name" label={t('team.name')} required value={name} onValue={setName} maxLength={MAX.name}
            error={form.errors.name} />
          <button type="submit" class="button">
            {form.busy ? t('form.sending') : t('admin.teams.create')}
          </button>
        </Form>
      </section>
    </div>
  );
}
