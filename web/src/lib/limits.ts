/** Length limits of text fields, as docs/api.md "Length limits" states them. */
export const MAX = {
  name: 200,
  phone: 50,
  address: 300,
  short: 500,
  long: 4000,
  feedbackTold: 2000,
  feedbackDaysMin: 1,
  feedbackDaysMax: 30,
  usernameMin: 3,
  usernameMax: 64,
  passwordMin: 12,
  passwordMax: 200,
} as const;

export const USERNAME_RE = /^[a-z0-9._-]+$/;
