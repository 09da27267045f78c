import { t } from '../i18n';
import type { ContraIndication, Indication } from '../lib/enums';
import { needsContraNote } from '../lib/formChecks';
import { enumOptions, label } from '../lib/labels';
import { MAX } from '../lib/limits';
import type { Triage } from '../lib/records';
import { CheckboxGroup, TextArea } from './fields';

interface TriageFieldsProps {
  decision: string;
  value: Triage;
  onValue: (value: Triage) => void;
  errors: Record<string, string | undefined>;
}

/** The indications and contra-indications of seed 000 Bijlage 1, inside the decision form. */
export function TriageFields({ decision, value, onValue, errors }: TriageFieldsProps) {
  return (
    <>
      <CheckboxGroup
        path="indications"
        label={t('triage.indications')}
        values={value.indications}
        options={enumOptions('indication')}
        onValues={(indications: Indication[]) => onValue({ ...value, indications })}
        error={errors.indications}
      />
      <CheckboxGroup
        path="contra_indications"
        label={t('triage.contraIndications')}
        values={value.contra_indications}
        options={enumOptions('contraIndication')}
        onValues={(contra: ContraIndication[]) => onValue({ ...value, contra_indications: contra })}
        error={errors.contra_indications}
      />
      {needsContraNote(decision, value.contra_indications) && (
        <TextArea
          path="contra_indication_note"
          label={t('triage.note')}
          required
          rows={2}
          maxLength={MAX.short}
          value={value.contra_indication_note}
          onValue={(note) => onValue({ ...value, contra_indication_note: note })}
          error={errors.contra_indication_note}
        />
      )}
    </>
  );
}

/** The checklist of one decision in the decision history. */
export function TriageSummary({ triage }: { triage: Triage }) {
  if (triage.indications.length === 0 && triage.contra_indications.length === 0) return null;
  return (
    <dl class="dl">
      {triage.indications.length > 0 && (
        <div class="dl-item">
          <dt>{t('triage.indications')}</dt>
          <dd>{triage.indications.map((i) => label('indication', i)).join('; ')}</dd>
        </div>
      )}
      {triage.contra_indications.length > 0 && (
        <div class="dl-item">
          <dt>{t('triage.contraIndications')}</dt>
          <dd>{triage.contra_indications.map((c) => label('contraIndication', c)).join('; ')}</dd>
        </div>
      )}
      {triage.contra_indication_note && (
        <div class="dl-item">
          <dt>{t('triage.note')}</dt>
          <dd>{triage.contra_indication_note}</dd>
        </div>
      )}
    </dl>
  );
}
