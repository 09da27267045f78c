import { describe, expect, it } from 'vitest';
import { collect, displayNameError, passwordError, usernameError } from './user-form';

describe('admin user checks', () => {
  it('accept usernames of 3–64 characters from [a-z0-9._-]', () => {
    expect(usernameError('demo-outreacher-a')).toBeNull();
    expect(usernameError('a.b_c')).toBeNull();
    expect(usernameError('ab')).not.toBeNull();
    expect(usernameError('Hoofdletter')).not.toBeNull();
    expect(usernameError('met spatie')).not.toBeNull();
    expect(usernameError('x'.repeat(65))).not.toBeNull();
    expect(usernameError('')).not.toBeNull();
  });
  it('require 12–200 characters for a password, and allow none when keeping it', () => {
    expect(passwordError('twaalf-tekens', true)).toBeNull();
    expect(passwordError('te-kort', true)).not.toBeNull();
    expect(passwordError('', true)).not.toBeNull();
    expect(passwordError('', false)).toBeNull();
    expect(passwordError('p'.repeat(201), false)).not.toBeNull();
  });
  it('require a display name of at most 200 characters', () => {
    expect(displayNameError(' ')).not.toBeNull();
    expect(displayNameError('n'.repeat(201))).not.toBeNull();
    expect(displayNameError('Fictieve Collega')).toBeNull();
  });
  it('keep only the fields that have a message', () => {
    expect(collect({ username: null, password: 'te kort' })).toEqual({ password: 'te kort' });
  });
});
