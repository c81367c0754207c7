import { LDAP_FIXTURE } from '@berth/testing';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** Output skopeo may print for a multi-image copy; far above what the suites' images produce. */
const SKOPEO_MAX_BUFFER = 64 * 1024 * 1024;

/** Runs skopeo and answers its exit status and output instead of throwing, so refusals can be asserted. */
export async function skopeo(...args: string[]): Promise<{ ok: boolean; out: string }> {
  try {
    const { stdout, stderr } = await run('skopeo', args, { maxBuffer: SKOPEO_MAX_BUFFER });
    return { ok: true, out: stdout + stderr };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    return { ok: false, out: `${e.stdout ?? ''}${e.stderr ?? ''}${e.message}` };
  }
}

/** Builds a Basic Authorization header value. */
export function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** An API answer as the suites read it: status, headers and the parsed JSON body (null when empty). */
export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Returns a function that calls the REST API under `api` with JSON bodies and optional credentials. */
export function apiCaller(api: string) {
  return async (method: string, path: string, auth?: string, body?: unknown): Promise<ApiAnswer> => {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: {
        ...(auth ? { authorization: auth } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : null };
  };
}

/** The `ldap_auth` configuration that points the platform at the tests' OpenLDAP and its fixture directory. */
export function testLdapConfiguration(): Record<string, unknown> {
  return {
    auth_mode: 'ldap_auth',
    ldap_url: process.env['BERTH_TEST_LDAP_URL'],
    ldap_search_dn: LDAP_FIXTURE.searchDn,
    ldap_search_password: LDAP_FIXTURE.searchPassword,
    ldap_base_dn: LDAP_FIXTURE.peopleDn,
    ldap_uid: 'uid',
    ldap_filter: '(objectClass=inetOrgPerson)',
    ldap_scope: 2,
    ldap_group_base_dn: LDAP_FIXTURE.groupsDn,
    ldap_group_search_filter: '(objectClass=groupOfNames)',
    ldap_group_attribute_name: 'cn',
    ldap_group_membership_attribute: 'memberOf',
    ldap_group_admin_dn: LDAP_FIXTURE.adminGroupDn,
    ldap_timeout: 5,
    ldap_verify_cert: false,
  };
}
