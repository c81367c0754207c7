import { loadSigningKey, loadVerificationKeys, pemFromEnv } from '@berth/auth';
import { z } from 'zod';

function refineWith(load: (pem: string) => unknown) {
  return (value: string, ctx: z.RefinementCtx): void => {
    try {
      load(value);
    } catch (err) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: (err as Error).message });
    }
  };
}

/** An environment value holding a PEM private key that can sign registry tokens, checked at boot. */
export const signingKeyPem = z.string().transform(pemFromEnv).superRefine(refineWith(loadSigningKey));

/** An environment value holding one or more PEM public keys that verify registry tokens, checked at boot. */
export const verificationKeysPem = z.string().transform(pemFromEnv).superRefine(refineWith(loadVerificationKeys));
