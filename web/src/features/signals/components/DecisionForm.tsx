import { useState } from 'preact/hooks';
import { DecisionFields, SubmitButton } from '../../../components/CaseFields';
import { TriageFields } from '../../../components/TriageFields';
import { CheckboxGroup, Form, FormError } from '../../../components/fields';
import { useForm, type Errors } from '../../../components/useForm';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n';
import type { Decision } from '../../../lib/enums';
import { needsContraNote } from '../../../lib/formChecks';
import { MAX } from '../../../lib/limits';
import type { Signal, Triage } from '../../../lib/records';
import { announce } from '../../../lib/status';
import { teamMembers } from '../../../lib/teams';
import { decideSignal } from '../api/signals';

const emptyTriage: Triage = { indications: [], contra_indications: [], contra_indication_note: '' };

interface DecisionFormProps {
  signal: Signal;
  onDecided: (signal: Signal) => void;
}

/** For the team lead: outreach (with one or two workers), regular help, referral or no action. */
export function DecisionForm({ signal, onDecided }: DecisionFormProps) {
  const [decision, setDecision] = useState<Decision | ''>('');
  const [reason, setReason] = useState('');
  const [workers, setWorkers] = useState<string[]>([]);
  const [triage, setTriage] = useState<Triage>(emptyTriage);
  const members = useLoad(() => teamMembers(signal.team_id), String(signal.team_id));
  const form = useForm('decision');

  const workerOptions = (members.data?.items ?? [])
    .filter((m) => m.role === 'outreacher' || m.role === 'team_lead')
    .map((m) => ({ value: String(m.id), label: m.display_name }));

  const validate = (): Errors => {
    const errors: Errors = {};
    if (!decision) errors.decision = t('fieldError.requiredChoice');
    if (!reason.trim()) errors.reason = t('fieldError.required');
    else if (reason.length > MAX.short) errors.reason = t('fieldError.too_long', { max: MAX.short });
    if (decision === 'outreach' && (workers.length < 1 || workers.length > 2)) {
      errors.assigned_worker_ids = t('fieldError.workersCount');
    }
    if (needsContraNote(decision, triage.contra_indications) && !triage.contra_indication_note.trim()) {
      errors.contra_indication_note = t('fieldError.required');
    }
    return errors;
  };

  const onSubmit = () => {
    void form.submit(validate, async () => {
      const result = await decideSignal(signal.id, {
        decision: decision as Decision,
        reason: reason.trim(),
        assigned_worker_ids: decision === 'outreach' ? workers.map(Number) : [],
        indications: triage.indications,
        contra_indications: triage.contra_indications,
        contra_indication_note: needsContraNote(decision, triage.contra_indications)
          ? triage.contra_indication_note.trim()
          : '',
      });
      announce(t(result.case_id !== null ? 'decisionForm.savedWithCase' : 'decisionForm.saved'));
      setDecision('');
      setReason('');
      setWorkers([]);
      setTriage(emptyTriage);
      onDecided(result.signal);
    });
  };

  return (
    <section class="panel" aria-labelledby="decision-title">
      <h2 id="decision-title">{t('decisionForm.title')}</h2>
      <Form form={form} onSubmit={onSubmit}>
        <FormError message={form.formError} />
        <DecisionFields decision={decision} onDecision={setDecision} reason={reason} onReason={setReason} errors={form.errors} />
        {decision === 'outreach' &&
          (workerOptions.length > 0 ? (
            <CheckboxGroup
              path="assigned_worker_ids"
              label={t('decisionForm.workers')}
              required
              values={workers}
              options={workerOptions}
              onValues={setWorkers}
              error={form.errors.assigned_worker_ids}
            />
          ) : (
            !members.loading && <p class="notice">{t('decisionForm.noWorkers')}</p>
          ))}
        <TriageFields decision={decision} value={triage} onValue={setTriage} errors={form.errors} />
        <SubmitButton form={form} label={t('decisionForm.submit')} />
      </Form>
    </section>
  );
}
