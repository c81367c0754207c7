import { z } from 'zod';

/** Shortest password core-api accepts (Harbor's rule). */
export const MIN_PASSWORD_LENGTH = 8;

/** Longest password core-api accepts. */
export const MAX_PASSWORD_LENGTH = 128;

/** One rule of the password policy, as the form lists it. */
export interface PasswordRule {
  label: string;
  test(password: string): boolean;
}

/** core-api's password policy, rule by rule, so the form can show which ones a password meets as it is typed. */
export const PASSWORD_RULES: readonly PasswordRule[] = [
  {
    label: `${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`,
    test: (p) => p.length >= MIN_PASSWORD_LENGTH && p.length <= MAX_PASSWORD_LENGTH,
  },
  { label: 'An upper-case letter', test: (p) => /[A-Z]/.test(p) },
  { label: 'A lower-case letter', test: (p) => /[a-z]/.test(p) },
  { label: 'A digit', test: (p) => /[0-9]/.test(p) },
];

/** What the password field says when the policy is not met. */
export const PASSWORD_POLICY_MESSAGE = `Use ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters with an upper-case letter, a lower-case letter and a digit.`;

/** Tells whether a password meets every rule of the policy. */
export function meetsPasswordPolicy(password: string): boolean {
  return PASSWORD_RULES.every((rule) => rule.test(password));
}

/** A new password and its confirmation, checked against the policy and each other. */
export const newPasswordShape = {
  password: z.string().min(1, 'Enter a password.').refine(meetsPasswordPolicy, PASSWORD_POLICY_MESSAGE),
  confirm: z.string(),
};

/** Adds "the passwords differ" to a schema holding `password` and `confirm`. */
export function confirmMatches(values: { password: string; confirm: string }, ctx: z.RefinementCtx): void {
  if (values.confirm !== values.password) {
    ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'The passwords do not match.' });
  }
}
