import { randomBytes } from 'node:crypto';
import { generateTokenKeyPair } from '@berth/auth';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Secrets the launcher generates once per data dir and reuses on every later start. */
export interface LocalSecrets {
  adminPassword: string;
  postgresPassword: string;
  /** BERTH_SECRET_KEY for core-api: the key stored secrets (the LDAP bind password) are encrypted with. */
  secretKey: string;
  /** BERTH_TOKEN_SIGNING_KEY for core-api: the ES256 private key (PEM) registry tokens are signed with. */
  tokenSigningKey: string;
}

/** Random bytes per generated secret: 18 bytes = 144 bits, 24 base64url characters. */
const SECRET_BYTES = 18;
/** Random bytes of the encryption key handed to core-api as BERTH_SECRET_KEY. */
const SECRET_KEY_BYTES = 32;

/** Loads the data dir's secrets, generating and saving (mode 0600) any that are missing. */
export function loadOrCreateSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, 'secrets.json');
  const existing: Partial<LocalSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const secrets: LocalSecrets = {
    adminPassword: existing.adminPassword ?? randomBytes(SECRET_BYTES).toString('base64url'),
    postgresPassword: existing.postgresPassword ?? randomBytes(SECRET_BYTES).toString('base64url'),
    // 32 bytes = 256 bits, 43 base64url characters, above core-api's 32-character minimum.
    secretKey: existing.secretKey ?? randomBytes(SECRET_KEY_BYTES).toString('base64url'),
    tokenSigningKey: existing.tokenSigningKey ?? generateTokenKeyPair().privateKeyPem,
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
