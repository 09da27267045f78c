import { describe, expect, it } from 'vitest';
import { validateConsent, validateExchange } from './logic';

const consent = {
  recipient: 'general_practitioner',
  organisation: '',
  scope: 'full',
  topics: [] as string[],
  channels: ['phone'],
  givenOn: '2026-11-01',
  endsOn: '',
};

const exchange = {
  occurredOn: '2026-11-20',
  direction: 'given',
  channel: 'phone',
  category: 'general_practitioner',
  organisation: 'Praktijk Voorbeeld',
  contactPerson: '',
  topics: ['health'],
  basis: 'consent',
  justification: '',
  peerConsulted: '',
};

describe('consent form', () => {
  it('accepts a full consent and names each missing or wrong field', () => {
    expect(validateConsent(consent, '2026-11-22')).toEqual({});
    expect(Object.keys(validateConsent({ ...consent, scope: 'partial' }, '2026-11-22'))).toEqual(['topics']);
    expect(Object.keys(validateConsent({ ...consent, recipient: 'other', channels: [] }, '2026-11-22')).sort()).toEqual([
      'channels',
      'organisation',
    ]);
    expect(Object.keys(validateConsent({ ...consent, givenOn: '2026-11-23' }, '2026-11-22'))).toEqual(['given_on']);
    expect(Object.keys(validateConsent({ ...consent, endsOn: '2026-10-01' }, '2026-11-22'))).toEqual(['ends_on']);
  });
});

describe('exchange form', () => {
  it('needs a justification for a ground without consent and a peer for article 2', () => {
    expect(validateExchange(exchange, '2026-11-22')).toEqual({});
    expect(Object.keys(validateExchange({ ...exchange, basis: 'vital_interest' }, '2026-11-22'))).toEqual([
      'justification',
    ]);
    expect(
      Object.keys(validateExchange({ ...exchange, basis: 'professional_code_art2', justification: 'x' }, '2026-11-22')),
    ).toEqual(['peer_consulted']);
    expect(Object.keys(validateExchange({ ...exchange, topics: [], organisation: ' ' }, '2026-11-22')).sort()).toEqual([
      'organisation',
      'topics',
    ]);
  });
});
