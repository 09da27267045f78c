import { useState } from 'preact/hooks';
import { Page } from '../../../components/Page';
import { Checkbox, Form, FormError, RadioGroup, SelectField, TextField } from '../../../components/fields';
import { useForm, type Errors } from '../../../components/useForm';
import { t } from '../../../i18n';
import type { ErasureReason } from '../../../lib/enums';
import { formatDate } from '../../../lib/format';
import { enumOptions } from '../../../lib/labels';
import { announce } from '../../../lib/status';
import { erasePerson, exportUrl, lookupPerson, type LookupBy, type PersonLookup } from '../api/privacy';
import { RetentionPanel } from './RetentionPanel';

function FindPerson({ onFound }: { onFound: (p: PersonLookup | null) => void }) {
  const form = useForm('find-person');
  const [by, setBy] = useState<LookupBy>('case_id');
  const [number, setNumber] = useState('');

  const onSubmit = () =>
    void form.submit(
      (): Errors => (/^[1-9][0-9]{0,17}$/.test(number.trim()) ? {} : { [by]: t('privacy.numberRequired') }),
      async () => {
        onFound(null);
        onFound(await lookupPerson(by, Number(number.trim())));
      },
    );

  return (
    <section class="panel" aria-labelledby="find-title">
      <h2 id="find-title">{t('privacy.find')}</h2>
      <p class="muted">{t('privacy.findHint')}</p>
      <Form form={form} onSubmit={onSubmit}>
        <FormError message={form.formError} />
        <RadioGroup path="by" label={t('privacy.by')} layout="inline" value={by} onValue={setBy}
          options={[
            { value: 'case_id', label: t('privacy.by.case') },
            { value: 'signal_id', label: t('privacy.by.signal') },
          ]} />
        <TextField path={by} label={t('privacy.number')} required inputMode="numeric" width="short" value={number}
          onValue={setNumber} error={form.errors[by]} />
        <button type="submit" class="button">
          {form.busy ? t('form.sending') : t('privacy.search')}
        </button>
      </Form>
    </section>
  );
}

function Erase({ person, onErased }: { person: PersonLookup; onErased: () => void }) {
  const form = useForm('erasure');
  const [reason, setReason] = useState<ErasureReason>('objection');
  const [confirmed, setConfirmed] = useState(false);

  const onSubmit = () =>
    void form.submit(
      (): Errors => (confirmed ? {} : { confirm: t('privacy.confirmRequired') }),
      async () => {
        await erasePerson(person.id, reason);
        announce(t('privacy.erased'));
        onErased();
      },
    );

  return (
    <section class="panel" aria-labelledby="erase-title">
      <h2 id="erase-title">{t('privacy.erase')}</h2>
      <p>{t('privacy.eraseHint')}</p>
      {person.has_open_case ? (
        <p class="notice">{t('privacy.openCase')}</p>
      ) : (
        <Form form={form} onSubmit={onSubmit}>
          <FormError message={form.formError} />
          <SelectField path="reason" label={t('privacy.reason')} required value={reason} onValue={setReason}
            options={enumOptions('erasureReason')} error={form.errors.reason} />
          <Checkbox path="confirm" label={t('privacy.confirm', { name: person.name })} checked={confirmed}
            onChecked={setConfirmed} error={form.errors.confirm} />
          <button type="submit" class="button button--danger">
            {form.busy ? t('form.sending') : t('privacy.eraseButton')}
          </button>
        </Form>
      )}
    </section>
  );
}

/** The privacy officer's page: find a person, download their export, erase their data. */
export function PrivacyPage() {
  const [person, setPerson] = useState<PersonLookup | null>(null);
  const [erasures, setErasures] = useState(0);

  return (
    <Page title={t('privacy.title')}>
      <div class="admin-layout">
        <div>
          <FindPerson onFound={setPerson} />
          {person && (
            <section class="panel" aria-labelledby="person-title">
              <h2 id="person-title">{t('privacy.person')}</h2>
              <dl class="dl dl--compact">
                <div class="dl-item">
                  <dt>{t('person.name')}</dt>
                  <dd>{person.name}</dd>
                </div>
                <div class="dl-item">
                  <dt>{t('privacy.dateOfBirth')}</dt>
                  <dd>{person.date_of_birth ? formatDate(person.date_of_birth) : t('common.empty')}</dd>
                </div>
                <div class="dl-item">
                  <dt>{t('privacy.team')}</dt>
                  <dd>{person.team.name}</dd>
                </div>
              </dl>
              <h3>{t('privacy.export')}</h3>
              <p class="button-row">
                <a class="button button--secondary" href={exportUrl(person.id, 'json')} download>
                  {t('privacy.exportJson')}
                </a>
                <a class="button button--secondary" href={exportUrl(person.id, 'pdf')} download>
                  {t('privacy.exportPdf')}
                </a>
              </p>
            </section>
          )}
          {person && (
            <Erase person={person} onErased={() => {
              setPerson(null);
              setErasures((n) => n + 1);
            }} />
          )}
        </div>
        <RetentionPanel reloadKey={String(erasures)} />
      </div>
    </Page>
  );
}
