import { createHmac, generateKeyPairSync } from 'node:crypto';
import {
  DEFAULT_TOKEN_ISSUER,
  generateTokenKeyPair,
  loadSigningKey,
  publicKeyPem,
  type ResourceAccess,
  TokenSigner,
} from '@berth/auth';
import { MediaType } from '@berth/oci';
import { allActions } from '../testing/registry-harness';
import { rawRequest, requestHead } from './raw-http';
import { type SeededImage, type TestRegistry, imageManifest, sha256, startTestRegistry } from './test-registry';

/*
 * Attempts to get past the registry's token check: forged, expired, misdirected and algorithm-confused tokens,
 * tokens for another repository or project, and names that try to walk out of the granted repository. Every one is
 * refused with a 4xx (never a 500), and nothing is stored.
 */

const SECRET = 'secret/app';
let r: TestRegistry;
let image: SeededImage;

const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const parts = (token: string) => token.split('.') as [string, string, string];
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The requests an attacker would most like to make on the secret repository: read, write and delete. */
function attacks(name = SECRET): { method: string; path: string; body?: Buffer; type?: string }[] {
  const layer = Buffer.from('evil layer');
  return [
    { method: 'GET', path: `/v2/${name}/manifests/${image.tag}` },
    { method: 'GET', path: `/v2/${name}/blobs/${image.layer.digest}` },
    { method: 'GET', path: `/v2/${name}/tags/list` },
    { method: 'POST', path: `/v2/${name}/blobs/uploads/?digest=${sha256(layer)}`, body: layer },
    {
      method: 'PUT',
      path: `/v2/${name}/manifests/evil`,
      body: Buffer.from(
        imageManifest(
          { digest: image.config.digest, size: image.config.bytes.length },
          { digest: image.layer.digest, size: image.layer.bytes.length },
        ),
      ),
      type: MediaType.OciManifest,
    },
    { method: 'DELETE', path: `/v2/${name}/manifests/${image.manifest.digest}` },
    { method: 'GET', path: '/v2/_catalog' },
  ];
}

/** Sends every attack with the headers and returns the statuses, asserting that nothing was stored meanwhile. */
async function refusedStatuses(headers: Record<string, string>, name = SECRET): Promise<number[]> {
  const before = await r.snapshot();
  const statuses: number[] = [];
  for (const attack of attacks(name)) {
    const res = await fetch(`${r.base}${attack.path}`, {
      method: attack.method,
      headers: { ...headers, ...(attack.type ? { 'Content-Type': attack.type } : {}) },
      body: attack.body,
    });
    await res.arrayBuffer();
    statuses.push(res.status);
  }
  expect(await r.snapshot()).toEqual(before);
  return statuses;
}

beforeAll(async () => {
  r = await startTestRegistry('registry_auth_abuse', { auth: true });
  await r.sql.query(`INSERT INTO project (name, public) VALUES ('secret', false), ('other', false)`);
  // Seed through the real API with a full-access token.
  const admin = r.tokens.auth('admin', allActions(SECRET));
  const config = Buffer.from('{"seed":"secret"}');
  const layer = Buffer.from('secret layer');
  for (const blob of [config, layer]) {
    const res = await fetch(`${r.base}/v2/${SECRET}/blobs/uploads/?digest=${sha256(blob)}`, {
      method: 'POST',
      headers: admin,
      body: blob,
    });
    expect(res.status).toBe(201);
  }
  const body = imageManifest(
    { digest: sha256(config), size: config.length },
    { digest: sha256(layer), size: layer.length },
  );
  const res = await fetch(`${r.base}/v2/${SECRET}/manifests/1.0`, {
    method: 'PUT',
    headers: { ...admin, 'Content-Type': MediaType.OciManifest },
    body,
  });
  expect(res.status).toBe(201);
  image = {
    name: SECRET,
    tag: '1.0',
    config: { digest: sha256(config), bytes: config },
    layer: { digest: sha256(layer), bytes: layer },
    manifest: { digest: sha256(body), body },
  };
});

afterAll(async () => {
  await r?.close();
});

describe('auth abuse', () => {
  const full: ResourceAccess[] = [...allActions(SECRET), { type: 'registry', name: 'catalog', actions: ['*'] }];

  it('serves the secret repository to a token that grants it (the baseline the attacks must not reach)', async () => {
    const res = await fetch(`${r.base}/v2/${SECRET}/manifests/1.0`, {
      headers: { ...r.tokens.auth('admin', full), Accept: MediaType.OciManifest },
    });
    expect(res.status).toBe(200);
  });

  it.each([
    ['no Authorization header', {}],
    ['Basic credentials', { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` }],
    ['an empty bearer', { Authorization: 'Bearer ' }],
    ['garbage', { Authorization: 'Bearer not-a-jwt' }],
    ['a long bearer that is no token', { Authorization: `Bearer ${'a'.repeat(15_000)}.b.c` }],
  ])('challenges %s with 401', async (_label, headers: Record<string, string>) => {
    expect(await refusedStatuses(headers)).toEqual(Array(7).fill(401));
  });

  it('refuses a header larger than the HTTP parser takes with 431', async () => {
    expect(await refusedStatuses({ Authorization: `Bearer ${'a'.repeat(60_000)}.b.c` })).toEqual(Array(7).fill(431));
  });

  it('refuses a token whose signature was tampered with', async () => {
    const [header, payload, signature] = parts(r.tokens.issue('admin', full));
    const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA');
    expect(await refusedStatuses(bearer(`${header}.${payload}.${flipped}`))).toEqual(Array(7).fill(401));
  });

  it('refuses a token signed by another key that claims the trusted key id', async () => {
    const genuine = parts(r.tokens.issue('admin', full));
    const kid = (JSON.parse(Buffer.from(genuine[0], 'base64url').toString()) as { kid: string }).kid;
    const stranger = loadSigningKey(generateTokenKeyPair().privateKeyPem);
    const forged = new TokenSigner({ ...stranger, kid }, DEFAULT_TOKEN_ISSUER).sign(
      { sub: 'admin', aud: 'berth-registry', access: full, berth: { kind: 'user', id: 1 } },
      300,
    ).token;
    expect(await refusedStatuses(bearer(forged))).toEqual(Array(7).fill(401));
  });

  it('refuses claims changed after signing (scope escalation by editing the token)', async () => {
    const [header, payload, signature] = parts(
      r.tokens.issue('reader', [{ type: 'repository', name: SECRET, actions: ['pull'] }]),
    );
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const escalated = segment({ ...claims, access: full });
    expect(await refusedStatuses(bearer(`${header}.${escalated}.${signature}`))).toEqual(Array(7).fill(401));
  });

  it('refuses expired, not-yet-valid, wrong-audience and wrong-issuer tokens', async () => {
    const expired = r.tokens.issue('admin', full, { ttlSeconds: 60, now: Date.now() - 3_600_000 });
    const future = r.tokens.issue('admin', full, { now: Date.now() + 3_600_000 });
    const refresh = r.tokens.issue('admin', full, { aud: 'berth-refresh' });
    const otherIssuer = new TokenSigner(r.tokens.key, 'someone-else');
    const wrongIssuer = otherIssuer.sign(
      { sub: 'admin', aud: 'berth-registry', access: full, berth: { kind: 'user' } },
      300,
    ).token;
    for (const token of [expired, future, refresh, wrongIssuer]) {
      expect(await refusedStatuses(bearer(token))).toEqual(Array(7).fill(401));
    }
    const res = await fetch(`${r.base}/v2/${SECRET}/tags/list`, { headers: bearer(expired) });
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('refuses alg none and HS256 keyed with the public key (algorithm confusion)', async () => {
    const [header, payload] = parts(r.tokens.issue('admin', full));
    const kid = (JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string }).kid;
    const none = `${segment({ alg: 'none', typ: 'JWT', kid })}.${payload}.`;
    const hsHeader = segment({ alg: 'HS256', typ: 'JWT', kid });
    const mac = createHmac('sha256', publicKeyPem(r.tokens.key)).update(`${hsHeader}.${payload}`).digest('base64url');
    for (const token of [none, `${hsHeader}.${payload}.${mac}`]) {
      expect(await refusedStatuses(bearer(token))).toEqual(Array(7).fill(401));
    }
  });

  it('refuses an RSA token presented under the EC key id', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' });
    const genuine = parts(r.tokens.issue('admin', full));
    const kid = (JSON.parse(Buffer.from(genuine[0], 'base64url').toString()) as { kid: string }).kid;
    const forged = new TokenSigner({ ...loadSigningKey(rsa.toString()), kid }, DEFAULT_TOKEN_ISSUER).sign(
      { sub: 'admin', aud: 'berth-registry', access: full, berth: { kind: 'user', id: 1 } },
      300,
    ).token;
    expect(await refusedStatuses(bearer(forged))).toEqual(Array(7).fill(401));
  });

  it('refuses a token for repository A used on repository B of the same project', async () => {
    const forA = r.tokens.auth('alice', [
      ...allActions('secret/other'),
      { type: 'repository', name: 'secret', actions: ['pull', 'push', 'delete'] },
      { type: 'repository', name: 'secret/app/sub', actions: ['pull', 'push', 'delete'] },
    ]);
    // Reads find nothing (404, as for a repository that does not exist), writes and deletes are DENIED, and the
    // catalog is not in the token at all.
    expect(await refusedStatuses(forA)).toEqual([404, 404, 404, 403, 403, 403, 403]);
  });

  it("refuses another project's robot token", async () => {
    const robot = r.tokens.auth('robot$other+ci', allActions('other/app'), { berth: { kind: 'robot', id: 9 } });
    expect(await refusedStatuses(robot)).toEqual([404, 404, 404, 403, 403, 403, 403]);
  });

  it('challenges an anonymous token on a private repository with 401, never 403', async () => {
    const anonymous = r.tokens.auth('', [{ type: 'repository', name: 'library/public', actions: ['pull'] }]);
    expect(await refusedStatuses(anonymous)).toEqual(Array(7).fill(401));
  });

  it.each([
    'library/../secret/app',
    'library/%2e%2e/secret/app',
    'library%2Fsecret/app',
    'secret%2Fapp',
    'secret//app',
    'secret/./app',
    'SECRET/app',
    'secret/app/',
  ])('refuses the path trick %s, sent verbatim, with NAME_INVALID', async (name) => {
    const headers = r.tokens.auth('alice', [...allActions('library/x'), ...allActions(name)]);
    const before = await r.snapshot();
    const requests: [string, string][] = [
      ['GET', `/v2/${name}/manifests/1.0`],
      ['GET', `/v2/${name}/blobs/${image.layer.digest}`],
      ['GET', `/v2/${name}/tags/list`],
      ['POST', `/v2/${name}/blobs/uploads/`],
      ['PUT', `/v2/${name}/manifests/evil`],
      ['DELETE', `/v2/${name}/manifests/${image.manifest.digest}`],
    ];
    for (const [method, target] of requests) {
      const res = await rawRequest(r.port, requestHead(method, target, { ...headers, 'Content-Length': 0 }));
      expect({ method, target, status: res.status }).toEqual({ method, target, status: 400 });
      expect(JSON.parse(res.body.toString()).errors[0].code).toBe('NAME_INVALID');
    }
    expect(await r.snapshot()).toEqual(before);
  });

  it('refuses a `..` name that a client normalised onto another repository: the token does not cover it', async () => {
    // fetch resolves `library/../secret/app` to `secret/app` before sending; the token names the literal string only.
    const trick = r.tokens.auth('alice', [...allActions('library/x'), ...allActions('library/../secret/app')]);
    expect(await refusedStatuses(trick, 'library/../secret/app')).toEqual([404, 404, 404, 403, 403, 403, 403]);
  });
});
