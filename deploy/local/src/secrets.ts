import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Secrets the launcher generates once per data dir and reuses on every later start. */
export interface LocalSecrets {
  adminPassword: string;
  postgresPassword: string;
}

/** Random bytes per generated secret: 18 bytes = 144 bits, 24 base64url characters. */
const SECRET_BYTES = 18;

/** Loads the data dir's secrets, generating and saving (mode 0600) any that are missing. */
export function loadOrCreateSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, 'secrets.json');
  const existing: Partial<LocalSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const secrets: LocalSecrets = {
    adminPassword: existing.adminPassword ?? randomBytes(SECRET_BYTES).toString('base64url'),
    postgresPassword: existing.postgresPassword ?? randomBytes(SECRET_BYTES).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
