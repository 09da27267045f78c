// TOTP codes (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) computed with node's crypto, so the
// tests check the server against an independent implementation.
import { createHmac } from 'node:crypto';

// demo-admin's secret in demo databases (app/demo.h kDemoTotpSecret); public, demo only.
export const DEMO_TOTP_SECRET = 'DEMOADMINTOTPSECRETFORDEMODBONLY';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(text) {
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of text.replace(/=+$/, '').toUpperCase()) {
    const index = ALPHABET.indexOf(ch);
    if (index < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function currentStep(unixSeconds = Date.now() / 1000) {
  return Math.floor(unixSeconds / 30);
}

// The 6-digit code of the given 30-second step.
export function totpCode(secretBase32, step = currentStep()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
  const offset = mac[mac.length - 1] & 15;
  const number = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(number).padStart(6, '0');
}

// Calls send(code) with the code of the current step; when the server refuses it as used already
// (a code is accepted once per account), with the next step's code (accepted as the neighbour), or
// else after waiting for the next step. Answers send's response, with the code sent as `code`.
export async function withFreshCode(secret, send) {
  for (;;) {
    const step = currentStep();
    for (const candidate of [step, step + 1]) {
      const code = totpCode(secret, candidate);
      const res = await send(code);
      if (res.status !== 422 || !res.body?.errors?.some((e) => e.code === 'already_used')) return Object.assign(res, { code });
    }
    await new Promise((resolve) => setTimeout(resolve, ((step + 1) * 30 - Date.now() / 1000) * 1000 + 50));
  }
}
