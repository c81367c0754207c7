import { hash, verify } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';

/** argon2id parameters: OWASP's recommended minimum (19 MiB memory, 2 iterations, 1 lane). */
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes and verifies passwords with argon2id. */
@Injectable()
export class PasswordHasher {
  /** Hashes a password into a self-describing PHC string. */
  hash(password: string): Promise<string> {
    return hash(password, ARGON2ID);
  }

  /** Checks a password against a stored hash, false on any mismatch or malformed hash. */
  async verify(storedHash: string, password: string): Promise<boolean> {
    return verify(storedHash, password).catch(() => false);
  }
}
