import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LoadState } from '../../../components/LoadState';
import { Form, FormError, OneTimeCodeField } from '../../../components/fields';
import { useForm } from '../../../components/useForm';
import { t } from '../../../i18n';
import { cleanCode, validateCode } from '../../../lib/formChecks';
import { confirmTotpEnrolment, startTotpEnrolment, type TotpEnrolment as Enrolment } from '../api/totp';

/**
 * The secret in groups of four, to type over on the phone the app runs on (where the QR code cannot
 * be scanned). The groups are spans, so a copied secret has no spaces; lines break between groups.
 */
function secretGroups(secret: string) {
  return (secret.match(/.{1,4}/g) ?? []).map((group, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      <span>{group}</span>
    </Fragment>
  ));
}

/**
 * Enrolment in two-factor login: a new secret as QR code (an SVG image, so the page's CSP needs
 * no exception) and as text, then the first code to confirm it.
 */
export function TotpEnrolment({ onDone }: { onDone: () => void }) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [code, setCode] = useState('');
  const form = useForm('totp-enrol');

  useEffect(() => {
    startTotpEnrolment().then(
      async (started) => {
        setEnrolment(started);
        // Loaded here only, so the QR encoder stays out of the main bundle.
        const [core, svgTag] = await Promise.all([
          import('qrcode/lib/core/qrcode'),
          import('qrcode/lib/renderer/svg-tag'),
        ]);
        const svg = svgTag.render(core.create(started.otpauth_uri, {}), { margin: 2 });
        setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      },
      (error: unknown) => setLoadError(error),
    );
  }, []);

  if (!enrolment) return <LoadState loading={!loadError} error={loadError} />;

  const onSubmit = () => {
    const typed = cleanCode(code);
    void form.submit(
      () => validateCode(typed),
      async () => {
        await confirmTotpEnrolment(typed);
        onDone();
      },
    );
  };

  return (
    <section class="totp-enrolment" aria-labelledby="totp-enrol-title">
      <h2 id="totp-enrol-title">{t('totp.enrolTitle')}</h2>
      <ol class="totp-steps">
        <li>{t('totp.stepApp')}</li>
        <li>
          {t('totp.stepScan')}
          {qr && <img class="totp-qr" src={qr} alt={t('totp.qrAlt')} width={200} height={200} />}
          <p>
            {t('totp.secretLabel')} <code class="totp-secret">{secretGroups(enrolment.secret)}</code>
          </p>
        </li>
        <li>{t('totp.stepConfirm')}</li>
      </ol>
      <Form form={form} onSubmit={onSubmit}>
        <FormError message={form.formError} />
        <OneTimeCodeField label={t('totp.code')} value={code} onValue={setCode} error={form.errors.code} />
        <button type="submit" class="button">
          {t('totp.confirm')}
        </button>
      </Form>
    </section>
  );
}
