/*
 * LDAP sign-in through passport-ldapauth, as the architecture fixes, invoked programmatically: the strategy is what
 * an Express route would run, but LDAP is one of several sign-in paths here (Basic, the console's form, the token
 * service), so LdapService calls it like a function and gets an entry or a classified LdapException back.
 *
 * How the strategy is run: the way passport's own middleware runs it, on `Object.create(strategy)` with success,
 * fail and error bound to one promise, with a synthetic request whose body holds the credentials. Going through
 * `passport.authenticate()` would add a Passport instance, a named registration, a fake response and a `next` for
 * the same three outcomes; nothing in it (sessions, redirects, flash) applies to a function call.
 *
 * Where passport-ldapauth and its ldapauth-fork/ldapjs stack fall short, and what this file adds:
 * - The strategy builds a new LdapAuth (two ldapjs clients, connected at once) inside `authenticate()` and keeps it
 *   in a local variable: neither it nor its clients are reachable afterwards. To bound a whole login by ldap_timeout
 *   and close everything after it, the clients are captured as they are created: `ldapjs.createClient` is wrapped
 *   for the synchronous span of `authenticate()` only (the LdapAuth constructor runs in it; JavaScript cannot
 *   interleave another login there), so each login owns exactly its two clients, disposed of after it settles.
 * - The strategy reports a refused service bind (ldap_search_dn) as fail(), exactly like a wrong password, and a
 *   missing search base like an unknown user. ldapauth-fork creates the service ("admin") client first; its
 *   `resultError` events tell the two apart, so a misconfiguration is reported as REJECTED, not as the user's fault.
 * - A connection failure is emitted as an 'error' event and the authenticate callback never runs, so the strategy
 *   never closes that LdapAuth; disposing of the captured clients covers that case too.
 * - ldapauth-fork escapes `{{username}}` in the wrong order (the backslash last, so `*` becomes `\5c2a`, a literal
 *   `\2a`): injection-safe, but names containing `*`, `(` or `)` could never sign in. The filter is therefore built
 *   here with RFC 4515 escaping and holds no `{{username}}` placeholder.
 * - ldapjs throws synchronously from inside socket callbacks on a filter or DN its parser rejects, which would crash
 *   the process: the filter is parsed before the strategy runs and DNs are not parsed client-side (strictDN false).
 */
import { Injectable, Logger } from '@nestjs/common';
import { type Client, type ClientOptions } from 'ldapjs';
import { type Entry } from 'ldapts';
import { type IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import { type Socket } from 'node:net';
import LdapStrategy from 'passport-ldapauth';
import { type LdapSettings } from '../configurations/ldap-settings';
import { LdapDeadlineError, MS_PER_SECOND } from './ldap-directory';
import { LdapException, searchDnRefused, searchPasswordMissing } from './ldap.exception';
import { andFilters, describeLdapFailure, equalityFilter, scopeName } from './ldap-syntax';

/** The parts of ldapjs, the client library under ldapauth-fork, that this adapter uses. */
interface Ldapjs {
  createClient(options: ClientOptions): Client;
  parseFilter(filter: string): unknown;
  LDAPError: abstract new (...args: never[]) => Error;
}

// The very module instance ldapauth-fork requires, resolved the way it resolves it, so the wrapper sees its calls.
const requireHere = createRequire(__filename);
const ldapauthFork = createRequire(requireHere.resolve('passport-ldapauth')).resolve('ldapauth-fork');
const ldapjs = createRequire(ldapauthFork)('ldapjs') as Ldapjs;

/** ldapjs errors raised by the client itself, not results sent by the server. */
const CLIENT_SIDE_ERRORS = new Set(['ConnectionError', 'TimeoutError', 'AbandonedError']);
/** ldapauth-fork's error when the search finds several entries for one name. */
const AMBIGUOUS_NAME = /^unexpected number of matches/;
const INVALID_LOGIN = 'invalid username or password';

/** Credentials and limits of one sign-in. */
export interface LdapLoginRequest {
  username: string;
  password: string;
  /** Attributes to read from the person's entry. */
  attributes: string[];
  /** When the whole sign-in must be over (epoch ms), normally ldap_timeout after it started. */
  deadlineAt: number;
}

/** What the strategy said, before classification. */
type StrategyOutcome = { kind: 'success'; user: unknown } | { kind: 'fail' } | { kind: 'error'; err: unknown };

/** The outcome callbacks passport-strategy expects on the object whose `authenticate()` it runs. */
interface StrategyActions {
  success(user: unknown): void;
  fail(challenge?: unknown, status?: number): void;
  error(err: unknown): void;
  redirect(url: string): void;
  pass(): void;
}

/** Checks a person's password against LDAP through passport-ldapauth and returns their entry. */
@Injectable()
export class LdapLoginAdapter {
  private readonly logger = new Logger(LdapLoginAdapter.name);

  /**
   * Finds the person with the service account and binds as them; throws LdapException BAD_CREDENTIALS (wrong
   * password, unknown or ambiguous name), UNREACHABLE (no answer by the deadline, refused, DNS, TLS) or REJECTED.
   */
  async login(settings: LdapSettings, request: LdapLoginRequest): Promise<Entry> {
    if (request.username === '' || request.password === '') throw new LdapException('BAD_CREDENTIALS', INVALID_LOGIN);
    if (settings.searchDn !== '' && settings.searchPassword === '') throw searchPasswordMissing();
    const options = loginStrategyOptions(settings, request.username, request.attributes);
    assertParsableFilter(options.server.searchFilter);
    const serviceErrors: Error[] = [];
    const outcome = await runStrategy(new LdapStrategy(options), request, settings.timeoutSeconds, serviceErrors);
    if (outcome.kind === 'success') return toEntry(outcome.user);
    const serviceError = serviceErrors.at(-1)?.name;
    if (outcome.kind === 'fail') {
      if (serviceError === 'InvalidCredentialsError') throw searchDnRefused(settings.searchDn);
      if (serviceError === 'NoSuchObjectError') {
        throw new LdapException('REJECTED', `the base DN ${settings.baseDn} does not exist`);
      }
      throw new LdapException('BAD_CREDENTIALS', INVALID_LOGIN);
    }
    throw this.classify(outcome.err, settings);
  }

  /** Turns an error of the strategy, the client or the deadline into an LdapException. */
  private classify(err: unknown, settings: LdapSettings): LdapException {
    const server = settings.url.replace(/^ldaps?:\/\//i, '').replace(/\/$/, '');
    if (typeof err === 'string') {
      // ldapauth-fork reports some outcomes as bare strings.
      if (AMBIGUOUS_NAME.test(err)) {
        this.logger.warn('LDAP sign-in refused: several entries match one login name');
        return new LdapException('BAD_CREDENTIALS', INVALID_LOGIN);
      }
      return new LdapException('REJECTED', `the LDAP server ${server} refused the request: ${err}`);
    }
    if (err instanceof ldapjs.LDAPError && !CLIENT_SIDE_ERRORS.has(err.name)) {
      return new LdapException('REJECTED', `the LDAP server ${server} refused the request: ${resultText(err)}`);
    }
    const failure = describeLdapFailure(err, settings.url, settings.timeoutSeconds);
    if (failure.kind !== 'unreachable') return new LdapException('REJECTED', failure.message);
    this.logger.warn(failure.message);
    return new LdapException('UNREACHABLE', failure.message);
  }
}

/**
 * The strategy's options for one sign-in: the server from the stored settings, the service account as bindDN (none
 * for an anonymous search), the filter with the name already escaped, per-request and connect timeouts of
 * ldap_timeout, TLS options only for ldaps:// (ldapjs would ignore them for ldap://; StartTLS is not offered).
 */
export function loginStrategyOptions(
  settings: LdapSettings,
  username: string,
  attributes: string[],
): LdapStrategy.Options {
  const timeoutMs = settings.timeoutSeconds * MS_PER_SECOND;
  return {
    server: {
      url: settings.url,
      ...(settings.searchDn === '' ? {} : { bindDN: settings.searchDn, bindCredentials: settings.searchPassword }),
      searchBase: settings.baseDn,
      searchFilter: loginFilter(settings, username),
      searchScope: scopeName(settings.scope),
      // A fresh array: ldapauth-fork appends to it.
      searchAttributes: [...attributes],
      timeout: timeoutMs,
      connectTimeout: timeoutMs,
      strictDN: false,
      ...(/^ldaps:/i.test(settings.url) ? { tlsOptions: { rejectUnauthorized: settings.verifyCert } } : {}),
    },
    passReqToCallback: false,
    // Errors must reach error(), or an outage would look like a wrong password.
    handleErrorsAsFailures: false,
  };
}

/**
 * The search filter of a sign-in: ldap_filter AND `(<ldap_uid>=<name>)`, the name escaped per RFC 4515, and braces
 * escaped too (`\7b`, `\7d`, the same values) so no `{{username}}` is left for ldapauth-fork to substitute.
 */
export function loginFilter(settings: LdapSettings, username: string): string {
  const filter = andFilters(settings.filter, equalityFilter(settings.uidAttribute, username));
  return filter.replace(/[{}]/g, (brace) => (brace === '{' ? '\\7b' : '\\7d'));
}

/** Refuses a filter ldapjs cannot parse, which it would otherwise throw from a socket callback. */
function assertParsableFilter(filter: string): void {
  try {
    ldapjs.parseFilter(filter);
  } catch (err) {
    throw new LdapException('REJECTED', `ldap_filter is not a valid LDAP filter: ${(err as Error).message}`);
  }
}

/**
 * Runs the strategy once and waits for its outcome or the deadline, whichever comes first; either way the login's
 * ldapjs clients are destroyed before this returns, so no socket or request timer outlives the sign-in.
 */
function runStrategy(
  strategy: LdapStrategy,
  request: LdapLoginRequest,
  timeoutSeconds: number,
  serviceErrors: Error[],
): Promise<StrategyOutcome> {
  return new Promise<StrategyOutcome>((resolve) => {
    const clients: Client[] = [];
    let settled = false;
    const settle = (outcome: StrategyOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const client of clients) dispose(client);
      resolve(outcome);
    };
    const timer = setTimeout(
      () => settle({ kind: 'error', err: new LdapDeadlineError(timeoutSeconds) }),
      Math.max(0, request.deadlineAt - Date.now()),
    );
    const actions: StrategyActions = {
      success: (user) => settle({ kind: 'success', user }),
      fail: () => settle({ kind: 'fail' }),
      error: (err) => settle({ kind: 'error', err }),
      // Neither is used by passport-ldapauth; they would mean the strategy declined to decide.
      redirect: () => settle({ kind: 'error', err: new Error('passport-ldapauth redirected') }),
      pass: () => settle({ kind: 'error', err: new Error('passport-ldapauth passed') }),
    };
    const attempt = Object.assign(Object.create(strategy) as LdapStrategy, actions);
    const body = { username: request.username, password: request.password };
    const req = { body, query: {} } as unknown as IncomingMessage;
    clients.push(...clientsCreatedDuring(() => attempt.authenticate(req, {})));
    // ldapauth-fork creates its service client first and binds it as ldap_search_dn; the user client comes second.
    clients[0]?.on('resultError', (err: Error) => serviceErrors.push(err));
    // Settled synchronously (a refusal before any I/O): the clients were not there yet to be disposed of.
    if (settled) for (const client of clients) dispose(client);
  });
}

/** Runs `start` with ldapjs.createClient wrapped, and returns the clients created meanwhile. */
function clientsCreatedDuring(start: () => void): Client[] {
  const created: Client[] = [];
  const createClient = ldapjs.createClient;
  ldapjs.createClient = (options) => {
    const client = createClient(options);
    created.push(client);
    return client;
  };
  try {
    start();
  } finally {
    ldapjs.createClient = createClient;
  }
  return created;
}

/**
 * Destroys an ldapjs client: its queue is flushed with errors, its socket closed and reconnection prevented. A
 * client still connecting has no socket to close yet (ldapjs keeps it private), so it is closed on connect.
 */
function dispose(client: Client): void {
  client.on('connect', (socket: Socket) => socket.destroy());
  client.destroy();
}

/** An ldapjs search entry as an ldapts Entry, the shape the rest of the module reads. */
function toEntry(user: unknown): Entry {
  const {
    dn,
    controls: _controls,
    ...attributes
  } = user as { dn: string; controls?: unknown } & Record<string, string | string[]>;
  return { ...attributes, dn };
}

/** The result code's name in words, with the server's diagnostic message when it gave one. */
function resultText(err: Error): string {
  const name = err.name
    .replace(/Error$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return err.message && err.message !== err.name ? `${name} (${err.message})` : name;
}
