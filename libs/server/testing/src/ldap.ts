/*
 * A throwaway OpenLDAP (Debian's `slapd` + `ldap-utils`) for integration and end-to-end tests.
 *
 * Everything lives in one temp dir, nothing under /etc/ldap is read except the stock schema files:
 *
 *   config.ldif     the cn=config tree, loaded offline into slapd.d/ by `slapadd -n0`
 *   slapd.d/        the configuration slapd runs from (`-F`)
 *   db/             the mdb database of dc=berth,dc=test
 *   fixture.ldif    people, a service account and groups, added online by `ldapadd` so the memberof overlay fills
 *                   `memberOf` on every member (users and nested groups alike)
 *   admin.pw        the root DN's password for `ldapadd -y`, so it never shows in a process list
 *   slapd.log       slapd's stderr
 *   owner.pid       the test process's id, so a later run can remove the dirs of runs that were killed
 *
 * slapd runs in the foreground (`-d 0`) as the current user (root in CI, so no `-u`/`-g`), listens only on
 * ldap://127.0.0.1:<free port>/, and is started through `setpriv --pdeathsig KILL` so it dies with the test process
 * even when that process is killed with SIGKILL and cannot run its exit handlers.
 *
 * AppArmor: Ubuntu (not Debian) ships an enforcing profile for /usr/sbin/slapd that only allows writes below
 * /var/lib/ldap, /run/slapd and /etc/ldap/slapd.d. When such a profile is loaded the temp dir is created below
 * /var/lib/ldap instead of the system temp dir; the profile attaches to slapadd too (it is the same binary).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Daemon, startDaemon, waitForSocket } from './daemon';
import { freePort, isPortOpen } from './net';

/** How to start the test OpenLDAP. */
export interface LdapOptions {
  /** Parent of the temp dir; by default the system temp dir, or /var/lib/ldap under an enforcing AppArmor profile. */
  parentDir?: string;
  /** How long to wait for slapd to accept connections before giving up. */
  startTimeoutMs?: number;
  /** Load LDAP_FIXTURE after start (default true); false leaves only the empty suffix entry. */
  loadFixture?: boolean;
}

/** A running test OpenLDAP and how to reach it. */
export interface LdapTestService {
  /** `ldap://127.0.0.1:<port>` */
  url: string;
  port: number;
  baseDn: string;
  /** The root DN of the database, allowed everything. */
  adminDn: string;
  adminPassword: string;
  /** The temp dir holding configuration, database and log. */
  dir: string;
  /** Kills slapd and removes the temp dir; safe to call twice. */
  stop(): Promise<void>;
}

/** One person of the fixture. */
export interface LdapFixtureUser {
  uid: string;
  dn: string;
  password: string;
  /** The `cn`, which Berth shows as the real name. */
  cn: string;
  mail: string;
  /** DNs of the groups the user is a direct member of. */
  groupDns: readonly string[];
}

const BASE_DN = 'dc=berth,dc=test';
const PEOPLE_DN = `ou=people,${BASE_DN}`;
const GROUPS_DN = `ou=groups,${BASE_DN}`;
const SERVICES_DN = `ou=services,${BASE_DN}`;
const ADMIN_DN = `cn=admin,${BASE_DN}`;
const ADMIN_PASSWORD = 'berth-ldap-admin-secret';

const groupDn = (cn: string): string => `cn=${cn},${GROUPS_DN}`;
const GROUP_DNS = {
  developers: groupDn('developers'),
  guests: groupDn('guests'),
  admins: groupDn('admins'),
  teamA: groupDn('team-a'),
} as const;

const person = (
  uid: string,
  cn: string,
  groupDns: readonly string[],
  dn = `uid=${uid},${PEOPLE_DN}`,
): LdapFixtureUser => ({ uid, dn, password: `${uid}-Passw0rd`, cn, mail: `${uid}@berth.test`, groupDns });

/**
 * The directory every test OpenLDAP is loaded with. Passwords are `<uid>-Passw0rd`. Nesting: team-a is a member of
 * developers, so dave is in developers through team-a. frank's DN holds characters that must be escaped in filters.
 */
export const LDAP_FIXTURE = {
  baseDn: BASE_DN,
  peopleDn: PEOPLE_DN,
  groupsDn: GROUPS_DN,
  /** A read-only service account, what an administrator enters as `ldap_search_dn`. */
  searchDn: `cn=berth-search,${SERVICES_DN}`,
  searchPassword: 'berth-search-Passw0rd',
  /** The group whose members become Berth system administrators (`ldap_group_admin_dn`). */
  adminGroupDn: GROUP_DNS.admins,
  groups: GROUP_DNS,
  users: {
    alice: person('alice', 'Alice Archer', [GROUP_DNS.developers]),
    bob: person('bob', 'Bob Baker', [GROUP_DNS.guests]),
    carol: person('carol', 'Carol Cole', [GROUP_DNS.admins]),
    dave: person('dave', 'Dave Dunn', [GROUP_DNS.teamA]),
    eve: person('eve', 'Eve Evans', []),
    frank: person('frank', 'Frank (QA), Ops', [GROUP_DNS.guests], `cn=Frank (QA)\\2C Ops,${PEOPLE_DN}`),
  },
} as const;

const LOOPBACK = '127.0.0.1';
const SLAPD = '/usr/sbin/slapd';
const SLAPADD = '/usr/sbin/slapadd';
const MODULE_DIR = '/usr/lib/ldap';
const SCHEMA_DIR = '/etc/ldap/schema';
const APPARMOR_PROFILES = '/sys/kernel/security/apparmor/profiles';
const APPARMOR_ALLOWED_DIR = '/var/lib/ldap';
const DEFAULT_START_TIMEOUT_MS = 10_000;
/** A free port can be taken by someone else before slapd binds it; a fresh one is tried this many times. */
const PORT_ATTEMPTS = 3;
const DIR_PREFIX = 'berth-ldap-';
/** Holds the id of the test process that owns a temp dir. */
const OWNER_FILE = 'owner.pid';

const run = promisify(execFile);

/** Starts slapd in a fresh temp dir, waits until it answers and loads LDAP_FIXTURE. */
export async function startLdap(opts: LdapOptions = {}): Promise<LdapTestService> {
  for (const binary of [SLAPD, SLAPADD]) {
    if (!existsSync(binary)) {
      throw new Error(`the LDAP tests need ${binary}: install the Debian packages slapd and ldap-utils`);
    }
  }
  const parent = opts.parentDir ?? (await defaultParentDir());
  await removeOrphanedDirs(parent);
  const dir = await mkdtemp(join(parent, DIR_PREFIX));
  await writeFile(join(dir, OWNER_FILE), String(process.pid));
  let daemon: Daemon | undefined;
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await daemon?.terminate();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await prepareDir(dir);
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      daemon = await startSlapd(dir, port);
      try {
        await waitForSocket(daemon, 'slapd', dir, opts.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS, () =>
          isPortOpen(port),
        );
        break;
      } catch (err) {
        await daemon.terminate();
        const lostPort = (await readFile(join(dir, 'slapd.log'), 'utf8').catch(() => '')).includes('Address in use');
        if (!lostPort || attempt === PORT_ATTEMPTS) throw err;
      }
    }
    const url = `ldap://${LOOPBACK}:${port}`;
    if (opts.loadFixture ?? true) await ldapAdd(dir, url, fixtureLdif());
    else await ldapAdd(dir, url, suffixLdif());
    return { url, port, baseDn: BASE_DN, adminDn: ADMIN_DN, adminPassword: ADMIN_PASSWORD, dir, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The system temp dir, unless an enforcing AppArmor profile confines slapd to /var/lib/ldap. */
async function defaultParentDir(): Promise<string> {
  const profiles = await readFile(APPARMOR_PROFILES, 'utf8').catch(() => '');
  const confined = profiles.split('\n').some((line) => /^(\/usr\/sbin\/)?slapd \(enforce\)/.test(line));
  if (!confined) return tmpdir();
  await mkdir(APPARMOR_ALLOWED_DIR, { recursive: true });
  return APPARMOR_ALLOWED_DIR;
}

/**
 * Removes the temp dirs of earlier runs whose test process is gone (killed with SIGKILL, so its stop() never ran);
 * their slapd died with it through the parent-death signal, so only files are left.
 */
async function removeOrphanedDirs(parent: string): Promise<void> {
  const names = await readdir(parent).catch(() => []);
  for (const name of names.filter((entry) => entry.startsWith(DIR_PREFIX))) {
    const owner = Number((await readFile(join(parent, name, OWNER_FILE), 'utf8').catch(() => '')).trim());
    if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) {
      await rm(join(parent, name), { recursive: true, force: true });
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function prepareDir(dir: string): Promise<void> {
  await mkdir(join(dir, 'slapd.d'));
  await mkdir(join(dir, 'db'));
  await writeFile(join(dir, 'config.ldif'), configLdif(dir));
  // No trailing newline: ldapadd -y uses the file's whole content as the password.
  await writeFile(join(dir, 'admin.pw'), ADMIN_PASSWORD, { mode: 0o600 });
  try {
    await run(SLAPADD, ['-n0', '-F', join(dir, 'slapd.d'), '-l', join(dir, 'config.ldif')]);
  } catch (err) {
    throw new Error(`slapadd could not load the test cn=config: ${(err as { stderr?: string }).stderr ?? err}`);
  }
}

async function startSlapd(dir: string, port: number): Promise<Daemon> {
  const slapdArgs = ['-F', join(dir, 'slapd.d'), '-h', `ldap://${LOOPBACK}:${port}/`, '-d', '0'];
  const log = join(dir, 'slapd.log');
  // setpriv is part of util-linux (essential on Debian); without it the exit handler of startDaemon still applies.
  if (existsSync('/usr/bin/setpriv')) {
    return startDaemon('/usr/bin/setpriv', ['--pdeathsig', 'KILL', '--', SLAPD, ...slapdArgs], log);
  }
  return startDaemon(SLAPD, slapdArgs, log);
}

async function ldapAdd(dir: string, url: string, ldif: string): Promise<void> {
  const file = join(dir, 'fixture.ldif');
  await writeFile(file, ldif);
  try {
    await run('ldapadd', ['-x', '-H', url, '-D', ADMIN_DN, '-y', join(dir, 'admin.pw'), '-f', file]);
  } catch (err) {
    throw new Error(`ldapadd could not load the LDAP fixture: ${(err as { stderr?: string }).stderr ?? err}`);
  }
}

function configLdif(dir: string): string {
  return `dn: cn=config
objectClass: olcGlobal
cn: config
olcPidFile: ${join(dir, 'slapd.pid')}

dn: cn=module{0},cn=config
objectClass: olcModuleList
cn: module{0}
olcModulePath: ${MODULE_DIR}
olcModuleLoad: back_mdb
olcModuleLoad: memberof
olcModuleLoad: refint

dn: cn=schema,cn=config
objectClass: olcSchemaConfig
cn: schema

include: file://${SCHEMA_DIR}/core.ldif

include: file://${SCHEMA_DIR}/cosine.ldif

include: file://${SCHEMA_DIR}/inetorgperson.ldif

dn: olcDatabase={-1}frontend,cn=config
objectClass: olcDatabaseConfig
objectClass: olcFrontendConfig
olcDatabase: {-1}frontend

dn: olcDatabase={0}config,cn=config
objectClass: olcDatabaseConfig
olcDatabase: {0}config
olcAccess: {0}to * by * none

dn: olcDatabase={1}mdb,cn=config
objectClass: olcDatabaseConfig
objectClass: olcMdbConfig
olcDatabase: {1}mdb
olcSuffix: ${BASE_DN}
olcRootDN: ${ADMIN_DN}
olcRootPW: ${ADMIN_PASSWORD}
olcDbDirectory: ${join(dir, 'db')}
olcDbNoSync: TRUE
olcDbIndex: objectClass eq
olcDbIndex: uid,cn,member,memberOf eq
olcAccess: {0}to attrs=userPassword by self write by anonymous auth by * none
olcAccess: {1}to * by users read by * none

dn: olcOverlay={0}memberof,olcDatabase={1}mdb,cn=config
objectClass: olcOverlayConfig
objectClass: olcMemberOf
olcOverlay: {0}memberof
olcMemberOfRefInt: TRUE

dn: olcOverlay={1}refint,olcDatabase={1}mdb,cn=config
objectClass: olcOverlayConfig
objectClass: olcRefintConfig
olcOverlay: {1}refint
olcRefintAttribute: memberOf
olcRefintAttribute: member
`;
}

function suffixLdif(): string {
  return `dn: ${BASE_DN}
objectClass: dcObject
objectClass: organization
dc: berth
o: Berth tests
`;
}

/** People and the service account first, then groups with nested ones before their parents, so memberOf is set. */
function fixtureLdif(): string {
  const entries: string[] = [suffixLdif()];
  for (const ou of ['people', 'groups', 'services']) {
    entries.push(`dn: ou=${ou},${BASE_DN}\nobjectClass: organizationalUnit\nou: ${ou}\n`);
  }
  entries.push(
    `dn: ${LDAP_FIXTURE.searchDn}\nobjectClass: organizationalRole\nobjectClass: simpleSecurityObject\n` +
      `cn: berth-search\nuserPassword: ${LDAP_FIXTURE.searchPassword}\n`,
  );
  const users = Object.values(LDAP_FIXTURE.users);
  for (const user of users) {
    const sn = user.cn.split(' ').pop() ?? user.cn;
    entries.push(
      `dn: ${user.dn}\nobjectClass: inetOrgPerson\nuid: ${user.uid}\ncn: ${user.cn}\nsn: ${sn}\n` +
        `mail: ${user.mail}\nuserPassword: ${user.password}\n`,
    );
  }
  const groups = [GROUP_DNS.teamA, GROUP_DNS.developers, GROUP_DNS.guests, GROUP_DNS.admins];
  for (const dn of groups) {
    const members = users.filter((user) => user.groupDns.includes(dn)).map((user) => user.dn);
    if (dn === GROUP_DNS.developers) members.push(GROUP_DNS.teamA);
    const cn = /^cn=([^,]+),/.exec(dn)?.[1] ?? dn;
    entries.push(`dn: ${dn}\nobjectClass: groupOfNames\ncn: ${cn}\n${members.map((m) => `member: ${m}\n`).join('')}`);
  }
  return entries.join('\n');
}
