import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { isPortOpen } from './net';
import { LDAP_FIXTURE, startLdap } from './ldap';

const run = promisify(execFile);

/** Searches as the fixture's service account and returns the LDIF ldapsearch prints. */
async function search(url: string, filter: string, ...attributes: string[]): Promise<string> {
  const args = ['-x', '-LLL', '-o', 'ldif-wrap=no', '-H', url, '-D', LDAP_FIXTURE.searchDn];
  args.push('-w', LDAP_FIXTURE.searchPassword, '-b', LDAP_FIXTURE.baseDn, filter, ...attributes);
  return (await run('ldapsearch', args)).stdout;
}

describe('startLdap', () => {
  it('starts a loaded slapd in under 2 s and leaves no process or file behind when stopped', async () => {
    const started = Date.now();
    const ldap = await startLdap();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(ldap.url).toBe(`ldap://127.0.0.1:${ldap.port}`);
    const pid = Number((await readFile(`${ldap.dir}/slapd.pid`, 'utf8')).trim());
    try {
      // memberOf is filled on people and on nested groups alike.
      expect(await search(ldap.url, '(uid=dave)', 'memberOf')).toContain(`memberOf: ${LDAP_FIXTURE.groups.teamA}`);
      expect(await search(ldap.url, '(cn=team-a)', 'memberOf')).toContain(
        `memberOf: ${LDAP_FIXTURE.groups.developers}`,
      );
      expect(await search(ldap.url, '(uid=eve)', 'memberOf')).not.toContain('memberOf');
      // Every fixture user signs in with the documented password.
      for (const user of Object.values(LDAP_FIXTURE.users)) {
        const { stdout } = await run('ldapwhoami', ['-x', '-H', ldap.url, '-D', user.dn, '-w', user.password]);
        expect(stdout.trim().toLowerCase()).toBe(`dn:${user.dn}`.toLowerCase());
      }
      // Anonymous callers see nothing, as with a directory that requires a search DN.
      const { stdout } = await run('ldapsearch', ['-x', '-LLL', '-H', ldap.url, '-b', LDAP_FIXTURE.baseDn]).catch(
        (err: { stdout: string }) => err,
      );
      expect(stdout).toBe('');
    } finally {
      await ldap.stop();
    }
    expect(await isPortOpen(ldap.port)).toBe(false);
    expect(
      existsSync(`/proc/${pid}/cmdline`) && (await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes('slapd'),
    ).toBe(false);
    expect(existsSync(ldap.dir)).toBe(false);
    await ldap.stop();
  });

  it('runs several servers side by side', async () => {
    const [a, b] = await Promise.all([startLdap(), startLdap({ loadFixture: false })]);
    try {
      expect(a.port).not.toBe(b.port);
      expect(await search(a.url, '(uid=alice)', 'uid')).toContain('uid: alice');
      await expect(search(b.url, '(uid=alice)', 'uid')).rejects.toThrow();
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
