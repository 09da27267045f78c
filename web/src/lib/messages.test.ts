import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasKey } from '../i18n';
import { ApiError } from './api';
import { errorMessage, fieldErrorMessage } from './messages';

describe('user messages for API errors', () => {
  it('say when a locked login may be tried again', () => {
    expect(errorMessage(new ApiError(429, 'rate_limited', '', [], 600))).toBe(
      'Te veel mislukte pogingen. Probeer het over 10 minuten opnieuw.',
    );
    expect(errorMessage(new ApiError(429, 'rate_limited', '', [], 30))).toContain('over 1 minuten');
    expect(errorMessage(new ApiError(429, 'rate_limited', ''))).toBe('Te veel mislukte pogingen. Probeer het later opnieuw.');
  });

  it('name wrong credentials without saying which part was wrong', () => {
    expect(errorMessage(new ApiError(401, 'invalid_credentials', 'Invalid credentials'))).toBe(
      'Gebruikersnaam of wachtwoord klopt niet.',
    );
  });

  it('translate the server codes whose detail is in English', () => {
    expect(errorMessage(new ApiError(503, 'unavailable', 'The database cannot be reached; try again in a minute.'))).toBe(
      'De server kan de gegevens even niet bereiken. Probeer het over een minuut opnieuw.',
    );
    expect(errorMessage(new ApiError(400, 'bad_request', 'This path is not allowed.'))).toBe(
      'Het verzoek klopt niet. Laad de pagina opnieuw en probeer het nog eens.',
    );
  });

  it('have a message of their own for every problem code of the API contract (docs/api.md)', () => {
    const contract = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8');
    const codes = [...contract.matchAll(/^\s*\|\s*`([a-z_]+)`\s*\|\s*\d{3}\s*\|/gm)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(20);
    for (const code of codes) expect(hasKey(`problem.${code}`), code).toBe(true);
  });

  it('fall back to the server detail for an unknown code, then to the status', () => {
    expect(errorMessage(new ApiError(418, 'teapot', 'I am a teapot'))).toBe('I am a teapot');
    expect(errorMessage(new ApiError(502, 'http_502', ''))).toBe('Er ging iets mis (502).');
    expect(errorMessage(new ApiError(0, 'network', ''))).toContain('Geen verbinding');
  });

  it('translate field error codes and keep unknown ones readable', () => {
    expect(fieldErrorMessage({ code: 'invalid_date', message: '2025-02-30 is not a date that exists' })).toBe(
      'Deze datum bestaat niet. Controleer dag, maand en jaar.',
    );
    expect(fieldErrorMessage({ code: 'brand_new', message: 'explained by the server' })).toBe('explained by the server');
  });
});
