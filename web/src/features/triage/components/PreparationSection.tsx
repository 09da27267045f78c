import { useState } from 'preact/hooks';
import { Form, FormError, RadioGroup, TextArea, TextField } from '../../../components/fields';
import { useForm, type Errors } from '../../../components/useForm';
import { t } from '../../../i18n';
import type { Companion } from '../../../lib/enums';
import { formatTimestamp } from '../../../lib/format';
import { enumOptions, label } from '../../../lib/labels';
import { MAX } from '../../../lib/limits';
import { announce } from '../../../lib/status';
import type { Preparation } from '../../../lib/records';
import { addPriorInfo, savePreparation } from '../api/triage';

interface PreparationSectionProps {
  caseId: number;
  preparation: Preparation;
  /** Open cases only: a closed case shows the preparation without forms. */
  editable: boolean;
  onChanged: () => void;
}

function PriorInfoForm({ caseId, onAdded }: { caseId: number; onAdded: () => void }) {
  const [source, setSource] = useState('');
  const [content, setContent] = useState('');
  const form = useForm('prior-info');
  const validate = (): Errors => {
    const errors: Errors = {};
    if (!source.trim()) errors.source = t('fieldError.required');
    else if (source.length > MAX.short) errors.source = t('fieldError.too_long', { max: MAX.short });
    if (!content.trim()) errors.content = t('fieldError.required');
    else if (content.length > MAX.long) errors.content = t('fieldError.too_long', { max: MAX.long });
    return errors;
  };
  const onSubmit = () =>
    void form.submit(validate, async () => {
      await addPriorInfo(caseId, { source: source.trim(), content: content.trim() });
      announce(t('preparation.infoAdded'));
      setSource('');
      setContent('');
      onAdded();
    });
  return (
    <Form form={form} onSubmit={onSubmit} label={t('preparation.addInfo')}>
      <FormError message={form.formError} />
      <TextField path="source" label={t('preparation.source')} required maxLength={MAX.short} value={source}
        onValue={setSource} error={form.errors.source} />
      <TextArea path="content" label={t('preparation.content')} required rows={3} maxLength={MAX.long} value={content}
        onValue={setContent} error={form.errors.content} />
      <button type="submit" class="button button--secondary">
        {form.busy ? t('form.sending') : t('preparation.addInfo')}
      </button>
    </Form>
  );
}

function PlanForm({ caseId, preparation, onSaved }: { caseId: number; preparation: Preparation; onSaved: () => void }) {
  const [strategy, setStrategy] = useState(preparation.strategy);
  const [companion, setCompanion] = useState<Companion>(preparation.companion);
  const [companionName, setCompanionName] = useState(preparation.companion_name);
  const form = useForm('preparation');
  const validate = (): Errors => {
    const errors: Errors = {};
    if (strategy.length > MAX.long) errors.strategy = t('fieldError.too_long', { max: MAX.long });
    if (companionName.length > MAX.short) errors.companion_name = t('fieldError.too_long', { max: MAX.short });
    return errors;
  };
  const onSubmit = () =>
    void form.submit(validate, async () => {
      await savePreparation(caseId, {
        strategy: strategy.trim(),
        companion,
        companion_name: companion === 'none' ? '' : companionName.trim(),
      });
      announce(t('preparation.saved'));
      onSaved();
    });
  return (
    <Form form={form} onSubmit={onSubmit} label={t('preparation.plan')}>
      <FormError message={form.formError} />
      <TextArea path="strategy" label={t('preparation.strategy')} rows={3} maxLength={MAX.long} value={strategy}
        onValue={setStrategy} error={form.errors.strategy} />
      <RadioGroup path="companion" label={t('preparation.companion')} layout="chips" value={companion}
        options={enumOptions('companion')} onValue={setCompanion} error={form.errors.companion} />
      {companion !== 'none' && (
        <TextField path="companion_name" label={t('preparation.companionName')} maxLength={MAX.short}
          value={companionName} onValue={setCompanionName} error={form.errors.companion_name} />
      )}
      <button type="submit" class="button">
        {form.busy ? t('form.sending') : t('preparation.save')}
      </button>
    </Form>
  );
}

/** The case page's Preparation section: prior information, strategy and companion of the first visit. */
export function PreparationSection({ caseId, preparation, editable, onChanged }: PreparationSectionProps) {
  return (
    <section class="panel" aria-labelledby="preparation-title">
      <h2 id="preparation-title">{t('preparation.title')}</h2>
      <h3>{t('preparation.priorInfo')}</h3>
      {preparation.prior_info.length === 0 ? (
        <p class="muted">{t('preparation.noPriorInfo')}</p>
      ) : (
        <ol class="history">
          {preparation.prior_info.map((info) => (
            <li key={info.id} class="history-item">
              <p class="history-title">
                <strong>{info.source}</strong>
              </p>
              <p class="history-meta">
                {t('common.byOn', { name: info.created_by.display_name, date: formatTimestamp(info.created_at) })}
              </p>
              <p class="history-text">{info.content}</p>
            </li>
          ))}
        </ol>
      )}
      {editable && <PriorInfoForm caseId={caseId} onAdded={onChanged} />}
      <h3>{t('preparation.plan')}</h3>
      {editable ? (
        <PlanForm key={preparation.updated_at ?? 'new'} caseId={caseId} preparation={preparation} onSaved={onChanged} />
      ) : (
        <dl class="dl">
          <div class="dl-item">
            <dt>{t('preparation.strategy')}</dt>
            <dd>{preparation.strategy || t('common.empty')}</dd>
          </div>
          <div class="dl-item">
            <dt>{t('preparation.companion')}</dt>
            <dd>
              {label('companion', preparation.companion)}
              {preparation.companion_name ? ` (${preparation.companion_name})` : ''}
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}
