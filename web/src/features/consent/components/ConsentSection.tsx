import { useState } from 'preact/hooks';
import { chooseOption, SubmitButton } from '../../../components/CaseFields';
import { CheckboxGroup, Form, FormError, RadioGroup, SelectField, TextArea, TextField } from '../../../components/fields';
import { LoadState } from '../../../components/LoadState';
import { useForm } from '../../../components/useForm';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n';
import { ApiError } from '../../../lib/api';
import { todayIso } from '../../../lib/dates';
import type {
  ConsentRecipient,
  ConsentScope,
  ConsentStanceKind,
  ExchangeBasis,
  ExchangeChannel,
  ExchangeDirection,
  ProblemArea,
} from '../../../lib/enums';
import { formatDate } from '../../../lib/format';
import { enumOptions, label } from '../../../lib/labels';
import { MAX } from '../../../lib/limits';
import { errorMessage } from '../../../lib/messages';
import { announce } from '../../../lib/status';
import {
  consentFormUrl,
  getConsents,
  getExchanges,
  logExchange,
  scanUrl,
  uploadScan,
  recordConsent,
  recordStance,
  withdrawConsent,
  type Consent,
  type ConsentOverview,
  type Exchange,
} from '../api/consent';
import { validateConsent, validateExchange } from '../logic';

const list = <N extends 'problemArea' | 'exchangeChannel'>(name: N, values: string[]) =>
  values.map((v) => label(name, v)).join(', ');

const SCAN_MAX_BYTES = 10 * 1024 * 1024;

/** Upload of the signed form of one consent, and the link to the uploaded one. */
function ScanUpload({ k, onUploaded }: { k: Consent; onUploaded: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `scan-${k.id}`;

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    if (file.size > SCAN_MAX_BYTES) {
      setError(t('consent.scanTooLarge'));
      input.value = '';
      return;
    }
    setBusy(true);
    try {
      await uploadScan(k.id, file);
      announce(t('consent.scanSaved'));
      onUploaded();
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'unsupported_media_type' ? t('consent.scanWrongType') : errorMessage(e));
    } finally {
      setBusy(false);
      input.value = '';
    }
  };

  return (
    <div class={`field${error ? ' field--invalid' : ''}`}>
      {k.scan && (
        <p>
          <a href={scanUrl(k.id)}>{t('consent.scanDownload')}</a>
        </p>
      )}
      <label for={id}>{k.scan ? t('consent.scanReplace') : t('consent.scanUpload')}</label>
      <p class="hint" id={`${id}-hint`}>
        {busy ? t('form.sending') : t('consent.scanHint')}
      </p>
      {error && (
        <p class="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <input
        id={id}
        type="file"
        accept="application/pdf,image/jpeg,image/png"
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(e) => void onFile(e.currentTarget)}
      />
    </div>
  );
}

function ConsentItem({
  k,
  onWithdraw,
  onChanged,
}: {
  k: Consent;
  onWithdraw: (k: Consent) => void;
  onChanged: () => void;
}) {
  const recipient = label('consentRecipient', k.recipient_category);
  return (
    <li class="history-item">
      <p class="history-title">
        <strong>{t('consent.item', { recipient, scope: label('consentScope', k.scope) })}</strong>
      </p>
      {k.organisation && <p class="history-text">{t('consent.organisationOnly', { organisation: k.organisation })}</p>}
      {k.topics.length > 0 && <p class="history-text">{t('consent.topics', { topics: list('problemArea', k.topics) })}</p>}
      <p class="history-text">{t('consent.channels', { channels: list('exchangeChannel', k.channels) })}</p>
      <p class="muted">
        {k.ends_on
          ? t('consent.periodEnds', { given: formatDate(k.given_on), ends: formatDate(k.ends_on) })
          : t('consent.period', { given: formatDate(k.given_on) })}
        {k.withdrawn_on && <> · {t('consent.withdrawnOn', { date: formatDate(k.withdrawn_on) })}</>}
      </p>
      {!k.withdrawn_on && (
        <button
          type="button"
          class="button button--secondary"
          aria-label={t('consent.withdrawLabel', { recipient })}
          onClick={() => onWithdraw(k)}
        >
          {t('consent.withdraw')}
        </button>
      )}
      <ScanUpload k={k} onUploaded={onChanged} />
    </li>
  );
}

function ConsentForm({ personId, onSaved }: { personId: number; onSaved: () => void }) {
  const [recipient, setRecipient] = useState<ConsentRecipient | ''>('');
  const [organisation, setOrganisation] = useState('');
  const [scope, setScope] = useState<ConsentScope | ''>('');
  const [topics, setTopics] = useState<ProblemArea[]>([]);
  const [channels, setChannels] = useState<ExchangeChannel[]>([]);
  const [givenOn, setGivenOn] = useState(todayIso());
  const [endsOn, setEndsOn] = useState('');
  const form = useForm('consent');

  const onSubmit = () => {
    const values = { recipient, organisation, scope, topics, channels, givenOn, endsOn };
    void form.submit(
      () => validateConsent(values, todayIso()),
      async () => {
        await recordConsent(personId, {
          recipient_category: recipient as ConsentRecipient,
          organisation: organisation.trim(),
          scope: scope as ConsentScope,
          topics: scope === 'partial' ? topics : [],
          channels,
          given_on: givenOn,
          ends_on: endsOn || null,
        });
        announce(t('consent.saved'));
        setRecipient('');
        setOrganisation('');
        setScope('');
        setTopics([]);
        setChannels([]);
        setEndsOn('');
        onSaved();
      },
    );
  };

  return (
    <details class="disclosure">
      <summary>{t('consent.addTitle')}</summary>
      <Form form={form} onSubmit={onSubmit} label={t('consent.addTitle')}>
        <FormError message={form.formError} />
        <SelectField
          path="recipient_category"
          label={t('consent.recipient')}
          required
          value={recipient}
          options={[chooseOption(), ...enumOptions('consentRecipient')]}
          onValue={setRecipient}
          error={form.errors.recipient_category}
        />
        <TextField
          path="organisation"
          label={t('consent.organisation')}
          hint={t('consent.organisationHint')}
          maxLength={MAX.short}
          value={organisation}
          onValue={setOrganisation}
          error={form.errors.organisation}
        />
        <RadioGroup
          path="scope"
          label={t('consent.scope')}
          required
          layout="inline"
          value={scope}
          options={enumOptions('consentScope')}
          onValue={setScope}
          error={form.errors.scope}
        />
        {scope === 'partial' && (
          <CheckboxGroup
            path="topics"
            label={t('consent.topicsLabel')}
            required
            layout="columns"
            values={topics}
            options={enumOptions('problemArea')}
            onValues={setTopics}
            error={form.errors.topics}
          />
        )}
        <CheckboxGroup
          path="channels"
          label={t('consent.channelsLabel')}
          required
          layout="inline"
          values={channels}
          options={enumOptions('exchangeChannel')}
          onValues={setChannels}
          error={form.errors.channels}
        />
        <TextField
          path="given_on"
          label={t('consent.givenOn')}
          type="date"
          width="medium"
          required
          max={todayIso()}
          value={givenOn}
          onValue={setGivenOn}
          error={form.errors.given_on}
        />
        <TextField
          path="ends_on"
          label={t('consent.endsOn')}
          type="date"
          width="medium"
          value={endsOn}
          onValue={setEndsOn}
          error={form.errors.ends_on}
        />
        <SubmitButton form={form} label={t('consent.submit')} />
      </Form>
    </details>
  );
}

function StanceForm({ personId, onSaved }: { personId: number; onSaved: (o: ConsentOverview) => void }) {
  const [stance, setStance] = useState<ConsentStanceKind | ''>('');
  const [notedOn, setNotedOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const form = useForm('stance');

  const onSubmit = () => {
    void form.submit(
      () => {
        const errors: Record<string, string> = {};
        if (!stance) errors.stance = t('fieldError.requiredChoice');
        if (!notedOn) errors.noted_on = t('fieldError.required');
        else if (notedOn > todayIso()) errors.noted_on = t('fieldError.in_future');
        return errors;
      },
      async () => {
        onSaved(await recordStance(personId, { stance: stance as ConsentStanceKind, noted_on: notedOn, note: note.trim() }));
        announce(t('consent.stanceSaved'));
        setStance('');
        setNote('');
      },
    );
  };

  return (
    <details class="disclosure">
      <summary>{t('consent.stanceTitle')}</summary>
      <Form form={form} onSubmit={onSubmit} label={t('consent.stanceTitle')}>
        <FormError message={form.formError} />
        <RadioGroup
          path="stance"
          label={t('consent.stance')}
          required
          value={stance}
          options={enumOptions('consentStance')}
          onValue={setStance}
          error={form.errors.stance}
        />
        <TextField
          path="noted_on"
          label={t('consent.notedOn')}
          type="date"
          width="medium"
          required
          max={todayIso()}
          value={notedOn}
          onValue={setNotedOn}
          error={form.errors.noted_on}
        />
        <TextArea path="note" label={t('consent.note')} maxLength={MAX.long} value={note} onValue={setNote} />
        <SubmitButton form={form} label={t('consent.stanceSubmit')} secondary />
      </Form>
    </details>
  );
}

function ExchangeItem({ x }: { x: Exchange }) {
  return (
    <li class="history-item">
      <p class="history-title">
        <strong>
          {t('exchange.item', {
            date: formatDate(x.occurred_on),
            direction: label('exchangeDirection', x.direction),
            organisation: x.organisation,
            category: label('consentRecipient', x.organisation_category),
          })}
        </strong>
      </p>
      <p class="history-text">
        {t('exchange.itemTopics', {
          topics: list('problemArea', x.topics),
          channel: label('exchangeChannel', x.channel),
        })}
      </p>
      <p class="history-text">
        {x.consent_id !== null
          ? t('exchange.itemConsent', { id: x.consent_id })
          : t('exchange.itemBasis', { basis: label('exchangeBasis', x.basis) })}
      </p>
      {x.justification && <p class="history-text">{x.justification}</p>}
      {x.peer_consulted && <p class="muted">{x.peer_consulted}</p>}
    </li>
  );
}

function ExchangeForm({ personId, onSaved }: { personId: number; onSaved: () => void }) {
  const [occurredOn, setOccurredOn] = useState(todayIso());
  const [direction, setDirection] = useState<ExchangeDirection | ''>('');
  const [channel, setChannel] = useState<ExchangeChannel | ''>('');
  const [category, setCategory] = useState<ConsentRecipient | ''>('');
  const [organisation, setOrganisation] = useState('');
  const [contactPerson, setContactPerson] = useState('');
  const [topics, setTopics] = useState<ProblemArea[]>([]);
  const [basis, setBasis] = useState<ExchangeBasis>('consent');
  const [justification, setJustification] = useState('');
  const [peerConsulted, setPeerConsulted] = useState('');
  const form = useForm('exchange');

  const onSubmit = () => {
    const values = {
      occurredOn, direction, channel, category, organisation, contactPerson, topics, basis, justification, peerConsulted,
    };
    void form.submit(
      () => validateExchange(values, todayIso()),
      async () => {
        await logExchange(personId, {
          occurred_on: occurredOn,
          direction: direction as ExchangeDirection,
          channel: channel as ExchangeChannel,
          organisation_category: category as ConsentRecipient,
          organisation: organisation.trim(),
          contact_person: contactPerson.trim(),
          topics,
          basis,
          justification: basis === 'consent' ? '' : justification.trim(),
          peer_consulted: basis === 'professional_code_art2' ? peerConsulted.trim() : '',
        });
        announce(t('exchange.saved'));
        setDirection('');
        setChannel('');
        setCategory('');
        setOrganisation('');
        setContactPerson('');
        setTopics([]);
        setBasis('consent');
        setJustification('');
        setPeerConsulted('');
        onSaved();
      },
    );
  };

  return (
    <Form form={form} onSubmit={onSubmit} label={t('exchange.addTitle')}>
      <h3>{t('exchange.addTitle')}</h3>
      <FormError message={form.formError} />
      <TextField
        path="occurred_on"
        label={t('exchange.occurredOn')}
        type="date"
        width="medium"
        required
        max={todayIso()}
        value={occurredOn}
        onValue={setOccurredOn}
        error={form.errors.occurred_on}
      />
      <RadioGroup
        path="direction"
        label={t('exchange.direction')}
        required
        layout="inline"
        value={direction}
        options={enumOptions('exchangeDirection')}
        onValue={setDirection}
        error={form.errors.direction}
      />
      <SelectField
        path="organisation_category"
        label={t('exchange.category')}
        required
        value={category}
        options={[chooseOption(), ...enumOptions('consentRecipient')]}
        onValue={setCategory}
        error={form.errors.organisation_category}
      />
      <TextField
        path="organisation"
        label={t('exchange.organisation')}
        required
        maxLength={MAX.short}
        value={organisation}
        onValue={setOrganisation}
        error={form.errors.organisation}
      />
      <TextField
        path="contact_person"
        label={t('exchange.contactPerson')}
        maxLength={MAX.name}
        value={contactPerson}
        onValue={setContactPerson}
        error={form.errors.contact_person}
      />
      <CheckboxGroup
        path="topics"
        label={t('exchange.topics')}
        required
        layout="columns"
        values={topics}
        options={enumOptions('problemArea')}
        onValues={setTopics}
        error={form.errors.topics}
      />
      <RadioGroup
        path="channel"
        label={t('exchange.channel')}
        required
        layout="inline"
        value={channel}
        options={enumOptions('exchangeChannel')}
        onValue={setChannel}
        error={form.errors.channel}
      />
      <SelectField
        path="basis"
        label={t('exchange.basis')}
        required
        value={basis}
        options={enumOptions('exchangeBasis')}
        onValue={setBasis}
        error={form.errors.basis}
      />
      {basis !== 'consent' && (
        <TextArea
          path="justification"
          label={t('exchange.justification')}
          required
          maxLength={MAX.long}
          value={justification}
          onValue={setJustification}
          error={form.errors.justification}
        />
      )}
      {basis === 'professional_code_art2' && (
        <TextField
          path="peer_consulted"
          label={t('exchange.peerConsulted')}
          required
          maxLength={MAX.name}
          value={peerConsulted}
          onValue={setPeerConsulted}
          error={form.errors.peer_consulted}
        />
      )}
      <SubmitButton form={form} label={t('exchange.submit')} />
    </Form>
  );
}

/**
 * Consent and information exchange of the case's person (seed 000 Bijlage 4 and 5): the consent
 * state, the consents with withdrawal, and the log of exchanges with partners, each on a basis.
 */
export function ConsentSection({ personId }: { personId: number }) {
  const consents = useLoad(() => getConsents(personId), String(personId));
  const exchanges = useLoad(() => getExchanges(personId), String(personId));
  const [error, setError] = useState<string | null>(null);
  const overview = consents.data;

  const withdraw = async (k: Consent) => {
    setError(null);
    try {
      await withdrawConsent(k.id, todayIso());
      announce(t('consent.withdrawn'));
      consents.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section class="panel" aria-labelledby="c-consent">
      <h2 id="c-consent">{t('consent.title')}</h2>
      <LoadState loading={consents.loading && !overview} error={consents.error} />
      {overview && (
        <>
          <p>
            <strong>{t('consent.state', { state: label('consentState', overview.state) })}</strong>
          </p>
          {overview.stance && (
            <p class="muted">
              {t('consent.stanceNote', {
                date: formatDate(overview.stance.noted_on),
                stance: label('consentStance', overview.stance.stance),
              })}
            </p>
          )}
          <h3>{t('consent.listTitle')}</h3>
          <FormError message={error} />
          {overview.items.length === 0 ? (
            <p>{t('consent.empty')}</p>
          ) : (
            <ul class="trail">
              {overview.items.map((k) => (
                <ConsentItem key={k.id} k={k} onWithdraw={(c) => void withdraw(c)} onChanged={consents.reload} />
              ))}
            </ul>
          )}
          {overview.items.length > 0 && (
            <p>
              <a class="button button--secondary" href={consentFormUrl(personId)} target="_blank" rel="noopener">
                {t('consent.print')}
              </a>
            </p>
          )}
          <ConsentForm personId={personId} onSaved={consents.reload} />
          <StanceForm personId={personId} onSaved={consents.replace} />
        </>
      )}
      <h3>{t('exchange.title')}</h3>
      <LoadState loading={exchanges.loading && !exchanges.data} error={exchanges.error} />
      {exchanges.data &&
        (exchanges.data.items.length === 0 ? (
          <p>{t('exchange.empty')}</p>
        ) : (
          <ul class="trail">
            {exchanges.data.items.map((x) => (
              <ExchangeItem key={x.id} x={x} />
            ))}
          </ul>
        ))}
      <ExchangeForm personId={personId} onSaved={exchanges.reload} />
    </section>
  );
}
