import { useState } from 'preact/hooks';
import { chooseOption, SubmitButton } from '../../../components/CaseFields';
import { Checkbox, Form, FormError, SelectField, TextField } from '../../../components/fields';
import { LoadState } from '../../../components/LoadState';
import { useForm } from '../../../components/useForm';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n';
import { todayIso } from '../../../lib/dates';
import { errorMessage } from '../../../lib/messages';
import type { HouseholdRole } from '../../../lib/enums';
import { formatDate } from '../../../lib/format';
import { enumOptions, label } from '../../../lib/labels';
import { MAX } from '../../../lib/limits';
import { href } from '../../../lib/router';
import { announce } from '../../../lib/status';
import type { Case, Household } from '../../../lib/records';
import {
  addHouseholdMember,
  knownPersons,
  moveIntoHousehold,
  personOf,
  removeHouseholdMember,
  setCaseConcerns,
} from '../api/cases';
import { moveCandidates, moveErrorOnField, parseMoveSource, validateHouseholdMember, validateMove } from '../household';

function AddMemberForm({ household, onAdded }: { household: Household; onAdded: () => void }) {
  const [name, setName] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [role, setRole] = useState<HouseholdRole | ''>('');
  const form = useForm('household');

  const onSubmit = () => {
    void form.submit(
      () => validateHouseholdMember(name, dateOfBirth, role, todayIso()),
      async () => {
        await addHouseholdMember(household.id, {
          name: name.trim(),
          date_of_birth: dateOfBirth || null,
          role: role as HouseholdRole,
        });
        announce(t('household.added'));
        setName('');
        setDateOfBirth('');
        setRole('');
        onAdded();
      },
    );
  };

  return (
    <Form form={form} onSubmit={onSubmit} label={t('household.addTitle')}>
      <h3>{t('household.addTitle')}</h3>
      <FormError message={form.formError} />
      <TextField
        path="name"
        label={t('household.name')}
        required
        maxLength={MAX.name}
        value={name}
        onValue={setName}
        error={form.errors.name}
      />
      <TextField
        path="date_of_birth"
        label={t('household.dateOfBirth')}
        type="date"
        width="medium"
        max={todayIso()}
        value={dateOfBirth}
        onValue={setDateOfBirth}
        error={form.errors.date_of_birth}
      />
      <SelectField
        path="role"
        label={t('household.role')}
        required
        value={role}
        options={[chooseOption(), ...enumOptions('householdRole')]}
        onValue={setRole}
        error={form.errors.role}
      />
      <SubmitButton form={form} label={t('household.submit')} />
    </Form>
  );
}

/** Moves a person the team already knows (from another case or a signal) into the household. */
function MoveMemberForm({ c, household, onMoved }: { c: Case; household: Household; onMoved: () => void }) {
  const known = useLoad(knownPersons, `${household.id}`);
  const [filter, setFilter] = useState('');
  const [source, setSource] = useState('');
  const [role, setRole] = useState<HouseholdRole | ''>('');
  const form = useForm('household-move');
  const candidates = known.data ? moveCandidates(c, known.data, filter) : [];
  // A choice hidden by a later filter is dropped, so the form never sends someone out of sight.
  const chosen = candidates.some((o) => o.value === source) ? source : '';

  const onSubmit = () => {
    void form.submit(
      () => validateMove(chosen, role),
      async () => {
        try {
          const personId = await personOf(parseMoveSource(chosen)!);
          const updated = await moveIntoHousehold(household.id, personId, role as HouseholdRole);
          const name = updated.members.find((m) => m.person_id === personId)?.name ?? '';
          announce(t('household.moved', { name }));
        } catch (error) {
          throw moveErrorOnField(error);
        }
        setFilter('');
        setSource('');
        setRole('');
        known.reload();
        onMoved();
      },
    );
  };

  return (
    <Form form={form} onSubmit={onSubmit} label={t('household.moveTitle')}>
      <LoadState loading={known.loading && !known.data} error={known.error} />
      {known.data && (
        <>
          <FormError message={form.formError} />
          <TextField
            path="person_filter"
            label={t('household.moveFilter')}
            maxLength={MAX.name}
            value={filter}
            onValue={setFilter}
          />
          {candidates.length === 0 && <p class="muted">{t('household.moveNone')}</p>}
          <SelectField
            path="person_id"
            label={t('household.movePerson')}
            hint={t('household.movePersonHint')}
            required
            value={chosen}
            options={[chooseOption(), ...candidates]}
            onValue={setSource}
            error={form.errors.person_id}
          />
          <SelectField
            path="role"
            label={t('household.role')}
            required
            value={role}
            options={[chooseOption(), ...enumOptions('householdRole')]}
            onValue={setRole}
            error={form.errors.role}
          />
          <SubmitButton form={form} label={t('household.moveSubmit')} />
        </>
      )}
    </Form>
  );
}

/** The move form behind a disclosure button: its lists are searches of the team's cases and signals, made on opening. */
function MoveMember({ c, household, onMoved }: { c: Case; household: Household; onMoved: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <div class="household-move">
      <button
        type="button"
        class="button button--secondary"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls="household-move-form"
        onClick={() => setOpen(!open)}
      >
        {t('household.moveTitle')}
      </button>
      <div id="household-move-form" hidden={!open}>
        {open && <MoveMemberForm c={c} household={household} onMoved={onMoved} />}
      </div>
    </div>
  );
}

/** The household of the case's person: members with their other cases and signals, and changes to it. */
export function HouseholdSection({
  c,
  onChanged,
  onCase,
}: {
  c: Case;
  onChanged: () => void;
  onCase: (updated: Case) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const household = c.household;
  if (!household) return null;

  const run = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const toggle = (checked: boolean) =>
    run(async () => {
      onCase(await setCaseConcerns(c.id, checked ? 'household' : 'person'));
      announce(t('household.concernsSaved'));
    });

  const remove = (personId: number, name: string) =>
    run(async () => {
      await removeHouseholdMember(household.id, personId);
      announce(t('household.removed', { name }));
      onChanged();
    });

  return (
    <section class="panel" aria-labelledby="c-household">
      <h2 id="c-household">{t('household.title')}</h2>
      {household.address && <p class="muted">{t('household.address', { address: household.address })}</p>}
      <FormError message={error} />
      <Checkbox
        path="concerns"
        label={t('household.concerns')}
        checked={c.concerns === 'household'}
        onChecked={(checked) => void toggle(checked)}
      />
      <ul class="trail">
        {household.members.map((m) => (
          <li key={m.person_id} class="history-item">
            <p class="history-title">
              <strong>{m.name}</strong> — {label('householdRole', m.role)}
              {m.date_of_birth && <span class="muted"> · {formatDate(m.date_of_birth)}</span>}
            </p>
            {(m.other_cases.length > 0 || m.other_signals.length > 0) && (
              <ul class="plain-list">
                {m.other_cases.map((k) => (
                  <li key={`c${k.id}`}>
                    <a href={href(`/cases/${k.id}`)}>
                      {t('household.otherCase', { id: k.id, phase: label('phase', k.phase) })}
                    </a>
                  </li>
                ))}
                {m.other_signals.map((s) => (
                  <li key={`s${s.id}`}>
                    <a href={href(`/signals/${s.id}`)}>{t('household.otherSignal', { date: formatDate(s.intake_date) })}</a>
                  </li>
                ))}
              </ul>
            )}
            {m.person_id !== c.person.id && (
              <button type="button" class="button button--secondary" onClick={() => void remove(m.person_id, m.name)}>
                {t('household.remove', { name: m.name })}
              </button>
            )}
          </li>
        ))}
      </ul>
      <AddMemberForm household={household} onAdded={onChanged} />
      <MoveMember c={c} household={household} onMoved={onChanged} />
    </section>
  );
}
