import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Page } from '../../../components/Page';
import {Checkbox, CheckboxGroup, DatePartsField, Form, FormError, RadioGroup, RequiredNote, SelectField, TextArea, TextField } from '../../../components/fields';
import { useForm } from '../../../components/useForm';
import { t } from '../../../i18n';
import { ageOn, todayIso } from '../../../lib/dates';
import { enumOptions } from '../../../lib/labels';
import { MAX } from '../../../lib/limits';
import { navigate } from '../../../lib/router';
import type { User } from '../../../lib/session';
import { announce } from '../../../lib/status';
import { createSignal } from '../api/signals';
import { dateOfBirth, emptyDraft, toSignalInput, validateSignal, type SignalDraft } from '../signal-form';

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="form-section" aria-labelledby={`sec-${id}`}>
      <h2 id={`sec-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

/** The registration form ("Aanmeldformulier", seed 000 Bijlage 2), sections 1–14. */
export function SignalFormPage({ user }: { user: User }) {
  const today = todayIso();
  const needsTeam = user.teams.length > 1;
  const [draft, setDraft] = useState<SignalDraft>(() =>
    emptyDraft(today, user.teams.length === 1 ? user.teams[0]!.id : null),
  );
  const form = useForm();
  const e = form.errors;

  const set =
    <K extends keyof SignalDraft>(key: K) =>
    (value: SignalDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  const text = (key: keyof SignalDraft & string, label: string, max: number, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      path={key}
      label={label}
      value={draft[key] as string}
      onValue={set(key) as (v: string) => void}
      maxLength={max}
      error={e[key]}
      {...extra}
    />
  );
  const area = (key: keyof SignalDraft & string, label: string, extra: Partial<Parameters<typeof TextArea>[0]> = {}) => (
    <TextArea
      path={key}
      label={label}
      value={draft[key] as string}
      onValue={set(key) as (v: string) => void}
      maxLength={MAX.long}
      error={e[key]}
      {...extra}
    />
  );

  const dob = dateOfBirth(draft);
  const age = dob ? ageOn(dob, today) : null;

  const onSubmit = () => {
    void form.submit(
      () => validateSignal(draft, today, needsTeam),
      async () => {
        const signal = await createSignal(toSignalInput(draft, needsTeam));
        // A partner sees only the status of its signals, on its own page.
        const next = user.role === 'partner' ? '/partner' : `/signals/${signal.id}`;
        announce(t('signalForm.saved'), next);
        navigate(next);
      },
    );
  };

  return (
    <Page title={t('signalForm.title')}>
      <Form form={form} onSubmit={onSubmit} class="form form--wide">
        <RequiredNote />

        <Section id="general" title={t('signalForm.general')}>
          {needsTeam && (
            <SelectField
              path="team_id"
              label={t('signalForm.team')}
              required
              value={draft.team_id}
              options={[{ value: '', label: t('common.empty') }, ...user.teams.map((team) => ({ value: String(team.id), label: team.name }))]}
              onValue={set('team_id')}
              error={e.team_id}
            />
          )}
          {text('intake_date', t('signalForm.intakeDate'), 10, { type: 'date', required: true, width: 'medium' })}
          <p class="meta">
            {t('signalForm.takenBy')}: {user.display_name}
          </p>
        </Section>

        <Section id="reporter" title={t('section.reporter')}>
          {text('reporter.name', t('reporter.name'), MAX.name, { required: true })}
          <RadioGroup
            path="reporter.kind"
            label={t('reporter.kind')}
            required
            layout="inline"
            value={draft['reporter.kind']}
            options={enumOptions('reporterKind')}
            onValue={set('reporter.kind')}
            error={e['reporter.kind']}
          />
          {draft['reporter.kind'] !== 'organisation' && text('reporter.relation', t('reporter.relation'), MAX.short)}
          {draft['reporter.kind'] !== 'private_person' && (
            <div class="field-row">
              {text('reporter.organisation', t('reporter.organisation'), MAX.short)}
              {text('reporter.function', t('reporter.function'), MAX.short)}
            </div>
          )}
          {text('reporter.address', t('reporter.address'), MAX.address, { autoComplete: 'off' })}
          {text('reporter.phone', t('reporter.phone'), MAX.phone, { type: 'tel', width: 'medium' })}
        </Section>

        <Section id="person" title={t('section.person')}>
          {text('person.name', t('person.name'), MAX.name, { required: true })}
          {text('person.address', t('person.address'), MAX.address)}
          <RadioGroup
            path="person.sex"
            label={t('person.sex')}
            layout="inline"
            value={draft['person.sex']}
            options={enumOptions('sex')}
            onValue={set('person.sex')}
            error={e['person.sex']}
          />
          {text('person.phone', t('person.phone'), MAX.phone, { type: 'tel', width: 'medium' })}
          <DatePartsField
            path="person.date_of_birth"
            label={t('person.dateOfBirth')}
            hint={t('person.dateOfBirthHint')}
            value={draft['person.date_of_birth']}
            onValue={set('person.date_of_birth')}
            error={e['person.date_of_birth']}
            note={age !== null ? t('person.age', { age }) : null}
          />
          <RadioGroup
            path="person_aware"
            label={t('signal.personAware')}
            required
            layout="inline"
            value={draft.person_aware}
            options={enumOptions('yesNoUnknown')}
            onValue={set('person_aware')}
            error={e.person_aware}
            hint={draft.person_aware === 'no' ? t('signal.personAwareNoHint') : undefined}
          />
        </Section>

        <Section id="relation" title={t('section.relation')}>
          {text('relation_to_person', t('signal.relationToPerson'), MAX.short)}
          {text('known_since', t('signal.knownSince'), MAX.short)}
        </Section>

        <Section id="initiative" title={t('section.initiative')}>
          {area('contact_initiative', t('signal.contactInitiative'), { rows: 2 })}
          {area('contact_nature', t('signal.contactNature'), { rows: 2 })}
        </Section>

        <Section id="reason" title={t('section.reason')}>
          <RadioGroup
            path="direct_reason"
            label={t('signal.directReason')}
            required
            layout="inline"
            value={draft.direct_reason}
            options={enumOptions('directReason')}
            onValue={set('direct_reason')}
            error={e.direct_reason}
          />
          {draft.direct_reason === 'other' &&
            area('direct_reason_other', t('signal.directReasonOther'), { required: true, rows: 2 })}
        </Section>

        <Section id="tried" title={t('section.tried')}>
          {area('tried_and_result', t('signal.triedAndResult'))}
        </Section>

        <Section id="help" title={t('section.wouldHelp')}>
          {area('what_would_help', t('signal.whatWouldHelp'))}
        </Section>

        <Section id="others" title={t('section.others')}>
          {area('others_in_contact', t('signal.othersInContact'))}
        </Section>

        <Section id="whereabouts" title={t('section.whereabouts')}>
          {area('whereabouts', t('signal.whereabouts'))}
        </Section>

        <Section id="introduce" title={t('section.introduce')}>
          <RadioGroup
            path="reporter_can_introduce"
            label={t('signal.reporterCanIntroduce')}
            layout="inline"
            value={draft.reporter_can_introduce}
            options={enumOptions('yesNoUnknown')}
            onValue={set('reporter_can_introduce')}
            error={e.reporter_can_introduce}
          />
          {area('introduction_note', t('signal.introductionNote'), { rows: 2 })}
          <RadioGroup
            path="worker_gender_preference"
            label={t('signal.workerGenderPreference')}
            layout="inline"
            value={draft.worker_gender_preference}
            options={enumOptions('genderPreference')}
            onValue={set('worker_gender_preference')}
            error={e.worker_gender_preference}
          />
        </Section>

        <Section id="may-contact" title={t('section.mayContact')}>
          <Checkbox
            path="may_contact_reporter"
            label={t('signal.mayContactReporter')}
            checked={draft.may_contact_reporter}
            onChecked={set('may_contact_reporter')}
            error={e.may_contact_reporter}
          />
        </Section>

        <Section id="problems" title={t('section.problemAreas')}>
          <CheckboxGroup
            path="problem_areas"
            label={t('signal.problemAreas')}
            hideLegend
            layout="columns"
            values={draft.problem_areas}
            options={enumOptions('problemArea')}
            onValues={set('problem_areas')}
            error={e.problem_areas}
          />
          {draft.problem_areas.includes('other') &&
            area('problem_areas_other', t('signal.problemAreasOther'), { required: true, rows: 2 })}
        </Section>

        <Section id="follow-up" title={t('section.followUp')}>
          {area('follow_up_agreed', t('signal.followUpAgreed'))}
        </Section>

        <Section id="feedback" title={t('section.feedback')}>
          {text('feedback_date', t('signal.feedbackDate'), 10, { type: 'date', width: 'medium' })}
        </Section>

        <div class="form-actions">
          <FormError message={form.formError} />
          <button type="submit" class="button" aria-disabled={form.busy ? 'true' : undefined}>
            {form.busy ? t('form.sending') : t('signalForm.submit')}
          </button>
        </div>
      </Form>
    </Page>
  );
}
