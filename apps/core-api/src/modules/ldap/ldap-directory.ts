import { Injectable } from '@nestjs/common';
import { Client, type Entry, type SearchOptions } from 'ldapts';
import { type LdapSettings } from '../configurations/ldap-settings';

/** Thrown when a whole LDAP conversation overran ldap_timeout. */
export class LdapDeadlineError extends Error {
  constructor(seconds: number) {
    super(`LDAP conversation timed out after ${seconds} s`);
    this.name = 'LdapDeadlineError';
  }
}

/** One conversation with the directory over a single connection, bound by ldap_timeout as a whole. */
export interface LdapSession {
  /** Binds with a DN and password (an empty DN binds anonymously). */
  bind(dn: string, password: string): Promise<void>;
  /** Searches and returns the entries (a client-side size limit truncates instead of failing). */
  search(base: string, options: SearchOptions): Promise<Entry[]>;
}

/** Milliseconds per second, for ldap_timeout. */
export const MS_PER_SECOND = 1_000;

/**
 * The port over the LDAP client library (ldapts): opens a connection for one piece of work and closes it after.
 * Every connection attempt and operation is limited by ldap_timeout, and so is the conversation as a whole, so a
 * server that accepts connections but never answers costs a login at most ldap_timeout.
 */
@Injectable()
export class LdapDirectory {
  /**
   * Runs `work` in a fresh session and always closes the connection, failing with LdapDeadlineError when it is not
   * done by `deadlineAt` (epoch ms; by default ldap_timeout from now, earlier when the session ends a longer task).
   */
  async withSession<T>(
    settings: LdapSettings,
    work: (session: LdapSession) => Promise<T>,
    deadlineAt = Date.now() + settings.timeoutSeconds * MS_PER_SECOND,
  ): Promise<T> {
    const timeoutMs = settings.timeoutSeconds * MS_PER_SECOND;
    const client = new Client({
      url: settings.url,
      timeout: timeoutMs,
      connectTimeout: timeoutMs,
      // ldapts speaks TLS whenever tlsOptions is given, even to an ldap:// URL, so only ldaps:// gets them.
      ...(/^ldaps:/i.test(settings.url) ? { tlsOptions: { rejectUnauthorized: settings.verifyCert } } : {}),
      // DNs come from the server or from administrators; let the server judge them rather than the client's parser.
      strictDN: false,
    });
    const session: LdapSession = {
      bind: (dn, password) => client.bind(dn, password),
      search: async (base, options) => (await client.search(base, options)).searchEntries,
    };
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new LdapDeadlineError(settings.timeoutSeconds)),
        Math.max(0, deadlineAt - Date.now()),
      );
    });
    const running = work(session);
    // After the deadline the abandoned work fails once the socket is closed; nobody awaits it any more.
    running.catch(() => undefined);
    try {
      return await Promise.race([running, deadline]);
    } finally {
      clearTimeout(timer);
      await client.unbind().catch(() => undefined);
    }
  }
}
