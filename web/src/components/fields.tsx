import { createContext, Fragment, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { t } from '../i18n';
import type { Option } from '../lib/labels';
import { fieldId } from './fieldPath';

/** Set by a form (see `useForm`) so its controls get ids unique on the page. */
export const FieldScope = createContext('');

interface Common {
  /** API field path; gives the control its id and links its error message. */
  path: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

/** Lets a long label such as "Sms/WhatsApp" wrap after its slashes; the accessible name is unchanged. */
function Breakable({ text }: { text: string }) {
  const parts = text.split('/');
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && (
            <>
              /<wbr />
            </>
          )}
          {part}
        </Fragment>
      ))}
    </>
  );
}

function RequiredMark({ required }: { required?: boolean | undefined }) {
  return required ? (
    <span class="required" aria-hidden="true">
      {' *'}
    </span>
  ) : null;
}

function HintAndError({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

interface TextFieldProps extends Common {
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'date' | 'datetime-local' | 'tel' | 'password' | 'email';
  maxLength?: number;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'tel';
  width?: 'short' | 'medium' | 'full';
  max?: string;
}

export function TextField(props: TextFieldProps) {
  const id = fieldId(props.path, useContext(FieldScope));
  return (
    <div class={`field${props.error ? ' field--invalid' : ''}`}>
      <label for={id}>
        {props.label}
        <RequiredMark required={props.required} />
      </label>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      <input
        id={id}
        name={props.path}
        class={`input input--${props.width ?? 'full'}`}
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required}
        maxLength={props.maxLength}
        max={props.max}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        onInput={(e) => props.onValue(e.currentTarget.value)}
      />
    </div>
  );
}

/** The six-digit code of an authenticator app (TOTP), as sign-in, enrolment and switching it off ask for it. */
export function OneTimeCodeField(props: Pick<TextFieldProps, 'label' | 'value' | 'onValue' | 'error'>) {
  return (
    <TextField
      path="code"
      label={props.label}
      value={props.value}
      onValue={props.onValue}
      autoComplete="one-time-code"
      inputMode="numeric"
      width="short"
      required
      error={props.error}
    />
  );
}

interface TextAreaProps extends Common {
  value: string;
  onValue: (value: string) => void;
  maxLength?: number;
  rows?: number;
}

export function TextArea(props: TextAreaProps) {
  const id = fieldId(props.path, useContext(FieldScope));
  return (
    <div class={`field${props.error ? ' field--invalid' : ''}`}>
      <label for={id}>
        {props.label}
        <RequiredMark required={props.required} />
      </label>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      <textarea
        id={id}
        name={props.path}
        class="input"
        rows={props.rows ?? 3}
        value={props.value}
        required={props.required}
        maxLength={props.maxLength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        onInput={(e) => props.onValue(e.currentTarget.value)}
      />
    </div>
  );
}

interface SelectProps<V extends string> extends Common {
  value: V;
  options: readonly Option<V>[];
  onValue: (value: V) => void;
}

export function SelectField<V extends string>(props: SelectProps<V>) {
  const id = fieldId(props.path, useContext(FieldScope));
  return (
    <div class={`field${props.error ? ' field--invalid' : ''}`}>
      <label for={id}>
        {props.label}
        <RequiredMark required={props.required} />
      </label>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      <select
        id={id}
        name={props.path}
        class="input input--medium"
        value={props.value}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        onChange={(e) => props.onValue(e.currentTarget.value as V)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface GroupShellProps extends Common {
  layout?: 'stack' | 'inline' | 'chips' | 'columns';
  /** For a group that is the only content under a heading saying the same: screen readers only. */
  hideLegend?: boolean;
  children: ComponentChildren;
}

/** A fieldset with a legend around a radio or checkbox group; the error is tied to the group. */
function GroupShell(props: GroupShellProps) {
  const id = fieldId(props.path, useContext(FieldScope));
  return (
    <fieldset
      id={id}
      class={`field group${props.error ? ' field--invalid' : ''}`}
      aria-describedby={describedBy(id, props.hint, props.error)}
    >
      <legend class={props.hideLegend ? 'visually-hidden' : undefined}>
        {props.label}
        <RequiredMark required={props.required} />
      </legend>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      <div class={`choices choices--${props.layout ?? 'stack'}`}>{props.children}</div>
    </fieldset>
  );
}

interface RadioGroupProps<V extends string> extends Common {
  value: V | '';
  options: readonly Option<V>[];
  onValue: (value: V) => void;
  layout?: 'stack' | 'inline' | 'chips' | 'columns';
}

export function RadioGroup<V extends string>(props: RadioGroupProps<V>) {
  const id = fieldId(props.path, useContext(FieldScope));
  return (
    <GroupShell {...props}>
      {props.options.map((o) => (
        <label class="choice" key={o.value}>
          <input
            type="radio"
            id={`${id}-${o.value}`}
            name={props.path}
            value={o.value}
            checked={props.value === o.value}
            required={props.required}
            aria-invalid={props.error ? 'true' : undefined}
            onChange={() => props.onValue(o.value)}
          />
          <span>
            <Breakable text={o.label} />
          </span>
        </label>
      ))}
    </GroupShell>
  );
}

interface CheckboxGroupProps<V extends string> extends Common {
  values: readonly V[];
  options: readonly Option<V>[];
  onValues: (values: V[]) => void;
  layout?: 'stack' | 'inline' | 'chips' | 'columns';
  hideLegend?: boolean;
}

export function CheckboxGroup<V extends string>(props: CheckboxGroupProps<V>) {
  const id = fieldId(props.path, useContext(FieldScope));
  const toggle = (value: V, on: boolean) => {
    const next = props.options.map((o) => o.value).filter((v) => (v === value ? on : props.values.includes(v)));
    props.onValues(next);
  };
  return (
    <GroupShell {...props}>
      {props.options.map((o) => (
        <label class="choice" key={o.value}>
          <input
            type="checkbox"
            id={`${id}-${o.value}`}
            name={props.path}
            value={o.value}
            checked={props.values.includes(o.value)}
            aria-invalid={props.error ? 'true' : undefined}
            onChange={(e) => toggle(o.value, e.currentTarget.checked)}
          />
          <span>
            <Breakable text={o.label} />
          </span>
        </label>
      ))}
    </GroupShell>
  );
}

interface CheckboxProps extends Common {
  checked: boolean;
  onChecked: (checked: boolean) => void;
}

export function Checkbox(props: CheckboxProps) {
  const id = fieldId(props.path, useContext(FieldScope));
  return (
    <div class={`field${props.error ? ' field--invalid' : ''}`}>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      <label class="choice">
        <input
          type="checkbox"
          id={id}
          name={props.path}
          checked={props.checked}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy(id, props.hint, props.error)}
          onChange={(e) => props.onChecked(e.currentTarget.checked)}
        />
        <span>{props.label}</span>
      </label>
    </div>
  );
}

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

interface DatePartsProps extends Common {
  value: DateParts;
  onValue: (value: DateParts) => void;
  /** Shown under the fields when the date is complete, e.g. the age. */
  note?: string | null;
}

/**
 * A date typed as day, month and year (the pattern for dates people know by heart, such as a
 * date of birth): quicker than a calendar picker and it lets a non-existing date be caught.
 */
export function DatePartsField(props: DatePartsProps) {
  const id = fieldId(props.path, useContext(FieldScope));
  const part = (key: keyof DateParts, label: string, size: 'day' | 'year') => (
    <div class="date-part">
      <label for={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        name={`${props.path}.${key}`}
        class={`input input--${size}`}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        maxLength={size === 'year' ? 4 : 2}
        value={props.value[key]}
        aria-invalid={props.error ? 'true' : undefined}
        onInput={(e) => props.onValue({ ...props.value, [key]: e.currentTarget.value })}
      />
    </div>
  );
  return (
    <fieldset
      id={id}
      class={`field group${props.error ? ' field--invalid' : ''}`}
      aria-describedby={describedBy(id, props.hint, props.error)}
    >
      <legend>
        {props.label}
        <RequiredMark required={props.required} />
      </legend>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      <div class="date-parts">
        {part('day', t('date.day'), 'day')}
        {part('month', t('date.month'), 'day')}
        {part('year', t('date.year'), 'year')}
      </div>
      {props.note && <p class="hint">{props.note}</p>}
    </fieldset>
  );
}

/** The form-level message after a failed submit; focusable so the form can move focus to it. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div class="form-error" role="alert" tabIndex={-1}>
      {message}
    </div>
  );
}

export function RequiredNote() {
  return <p class="hint">{t('form.requiredNote')}</p>;
}

interface FormProps {
  form: { formRef: { current: HTMLFormElement | null }; scope: string };
  onSubmit: () => void;
  class?: string;
  label?: string;
  children: ComponentChildren;
}

/** A form that validates itself (no browser bubbles) and scopes its controls' ids. */
export function Form({ form, onSubmit, class: className, label, children }: FormProps) {
  return (
    <form
      ref={form.formRef}
      class={className ?? 'form'}
      aria-label={label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <FieldScope.Provider value={form.scope}>{children}</FieldScope.Provider>
    </form>
  );
}
