import { type ResourceAccess } from '@berth/auth';
import { MediaType } from '@berth/oci';
import {
  TEST_TOKEN_REALM,
  type RegistryHarness,
  allActions,
  digestOf,
  errorEntries,
  startRegistryHarness,
} from '../../testing/registry-harness';

/*
 * The registry with token auth on, against tokens signed as core-api signs them: every /v2/ route needs a token
 * granting its action, refusals carry the Bearer challenge, the catalog lists only what the token names, and an
 * upload opened with a valid token can be finished after that token expired.
 */

const APP = 'library/app';
const SERVICE = 'berth-registry';
let h: RegistryHarness;

const pull = (name: string): ResourceAccess[] => [{ type: 'repository', name, actions: ['pull'] }];
const push = (name: string): ResourceAccess[] => [{ type: 'repository', name, actions: ['pull', 'push'] }];
const challenge = (scope?: string, error?: string) =>
  `Bearer realm="${TEST_TOKEN_REALM}",service="${SERVICE}"` +
  (scope ? `,scope="${scope}"` : '') +
  (error ? `,error="${error}"` : '');

async function pushImageAs(headers: Record<string, string>, name: string, tag: string, seed: string) {
  const layer = Buffer.from(`layer ${seed}`);
  const config = Buffer.from(JSON.stringify({ seed }));
  for (const blob of [layer, config]) {
    const res = await fetch(`${h.base}/v2/${name}/blobs/uploads/?digest=${digestOf(blob)}`, {
      method: 'POST',
      headers,
      body: blob,
    });
    expect(res.status).toBe(201);
  }
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: MediaType.OciManifest,
    config: { mediaType: MediaType.OciConfig, digest: digestOf(config), size: config.length },
    layers: [{ mediaType: MediaType.OciLayerTarGzip, digest: digestOf(layer), size: layer.length }],
  });
  const res = await fetch(`${h.base}/v2/${name}/manifests/${tag}`, {
    method: 'PUT',
    headers: { ...headers, 'Content-Type': MediaType.OciManifest },
    body: manifest,
  });
  expect(res.status).toBe(201);
  return { manifest, digest: digestOf(manifest), layer };
}

beforeAll(async () => {
  h = await startRegistryHarness('registry_auth', { auth: true });
  await h.sql.query(`INSERT INTO project (name, public) VALUES ('secret', false), ('team', false)`);
});

afterAll(async () => {
  await h?.close();
});

describe('registry token auth', () => {
  it('challenges GET /v2/ without a token, and accepts any valid token (anonymous too)', async () => {
    const bare = await fetch(`${h.base}/v2/`);
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toBe(challenge());
    expect((await errorEntries(bare))[0]?.code).toBe('UNAUTHORIZED');
    const anonymous = await fetch(`${h.base}/v2/`, { headers: h.tokens.auth('', []) });
    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toEqual({});
  });

  it('leaves /health open', async () => {
    expect((await fetch(`${h.base}/health`)).status).toBe(200);
  });

  it('names the scope each route needs in its challenge', async () => {
    const digest = digestOf('x');
    const cases: [string, string, string][] = [
      ['GET', `/v2/${APP}/manifests/latest`, `repository:${APP}:pull`],
      ['HEAD', `/v2/${APP}/blobs/${digest}`, `repository:${APP}:pull`],
      ['GET', `/v2/${APP}/tags/list`, `repository:${APP}:pull`],
      ['GET', `/v2/${APP}/referrers/${digest}`, `repository:${APP}:pull`],
      ['POST', `/v2/${APP}/blobs/uploads/`, `repository:${APP}:pull,push`],
      ['PATCH', `/v2/${APP}/blobs/uploads/0b5c7c3e-9d59-4d8e-9a0d-2f8b3c4d5e6f`, `repository:${APP}:pull,push`],
      ['PUT', `/v2/${APP}/manifests/latest`, `repository:${APP}:pull,push`],
      ['DELETE', `/v2/${APP}/manifests/${digest}`, `repository:${APP}:delete`],
      ['DELETE', `/v2/${APP}/blobs/${digest}`, `repository:${APP}:delete`],
      ['GET', '/v2/_catalog', 'registry:catalog:*'],
    ];
    for (const [method, path, scope] of cases) {
      const res = await fetch(`${h.base}${path}`, { method });
      expect({ method, path, status: res.status, challenge: res.headers.get('www-authenticate') }).toEqual({
        method,
        path,
        status: 401,
        challenge: challenge(scope),
      });
    }
  });

  it('pushes and pulls with tokens that grant the actions', async () => {
    const writer = h.tokens.auth('alice', push(APP));
    const image = await pushImageAs(writer, APP, '1.0', 'push-pull');
    const reader = h.tokens.auth('bob', pull(APP));
    const res = await fetch(`${h.base}/v2/${APP}/manifests/1.0`, {
      headers: { ...reader, Accept: MediaType.OciManifest },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(image.manifest);
    const blob = await fetch(`${h.base}/v2/${APP}/blobs/${digestOf(image.layer)}`, { headers: reader });
    expect(Buffer.from(await blob.arrayBuffer())).toEqual(image.layer);
  });

  it('answers 403 DENIED to a named caller lacking the action, and challenges an anonymous one', async () => {
    // Reading without pull looks like a repository that does not exist: private projects stay invisible.
    const hidden = await fetch(`${h.base}/v2/${APP}/manifests/1.0`, { headers: h.tokens.auth('eve', pull('team/x')) });
    expect(hidden.status).toBe(404);
    expect((await errorEntries(hidden))[0]?.code).toBe('NAME_UNKNOWN');
    const named = await fetch(`${h.base}/v2/${APP}/blobs/uploads/`, {
      method: 'POST',
      headers: h.tokens.auth('bob', pull(APP)),
    });
    expect(named.status).toBe(403);
    expect((await errorEntries(named))[0]).toMatchObject({ code: 'DENIED' });
    const anonymous = await fetch(`${h.base}/v2/${APP}/blobs/uploads/`, {
      method: 'POST',
      headers: h.tokens.auth('', pull(APP)),
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe(challenge(`repository:${APP}:pull,push`));
    const deleter = await fetch(`${h.base}/v2/${APP}/manifests/1.0`, {
      method: 'DELETE',
      headers: h.tokens.auth('alice', push(APP)),
    });
    expect(deleter.status).toBe(403);
  });

  it('refuses a push into a project that does not exist, and never creates it', async () => {
    // The token service grants nothing there, so the token carries no push: DENIED, with a message saying why.
    const denied = await fetch(`${h.base}/v2/ghost/app/blobs/uploads/`, {
      method: 'POST',
      headers: h.tokens.auth('alice', []),
    });
    expect(denied.status).toBe(403);
    const [entry] = await errorEntries(denied);
    expect(entry?.code).toBe('DENIED');
    expect(JSON.stringify(entry?.detail)).toContain('projects are never created by a push');
    // Even a token that somehow carried push finds no project: NAME_UNKNOWN.
    const unknown = await fetch(`${h.base}/v2/ghost/app/blobs/uploads/`, {
      method: 'POST',
      headers: h.tokens.auth('alice', push('ghost/app')),
    });
    expect(unknown.status).toBe(404);
    expect((await errorEntries(unknown))[0]?.code).toBe('NAME_UNKNOWN');
    const { rows } = await h.sql.query(`SELECT count(*)::int AS n FROM project WHERE name = 'ghost'`);
    expect(rows[0].n).toBe(0);
  });

  it('lists in the catalog only the repositories of the projects the token names', async () => {
    await pushImageAs(h.tokens.auth('admin', push('secret/hidden')), 'secret/hidden', '1', 'secret');
    await pushImageAs(h.tokens.auth('admin', push('team/tool')), 'team/tool', '1', 'team');
    const catalog = async (projects: string[] | '*') => {
      const res = await fetch(`${h.base}/v2/_catalog`, {
        headers: h.tokens.auth('carol', [{ type: 'registry', name: 'catalog', actions: ['*'] }], {
          berth: { kind: 'user', id: 3, projects },
        }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { repositories: string[] }).repositories;
    };
    expect(await catalog(['library'])).toEqual([APP]);
    expect(await catalog(['library', 'team'])).toEqual([APP, 'team/tool']);
    expect(await catalog([])).toEqual([]);
    expect(await catalog('*')).toEqual([APP, 'secret/hidden', 'team/tool']);
    const paged = await fetch(`${h.base}/v2/_catalog?n=1`, {
      headers: h.tokens.auth('carol', [{ type: 'registry', name: 'catalog', actions: ['*'] }], {
        berth: { kind: 'user', id: 3, projects: ['library', 'team'] },
      }),
    });
    expect(await paged.json()).toEqual({ repositories: [APP] });
    expect(paged.headers.get('link')).toContain('last=library%2Fapp');
    const without = await fetch(`${h.base}/v2/_catalog`, { headers: h.tokens.auth('carol', pull(APP)) });
    expect(without.status).toBe(403);
  });

  it('mounts across repositories only with pull on the source, else opens an ordinary session', async () => {
    const layer = Buffer.from('layer push-pull');
    const target = 'library/mounted';
    const url = `${h.base}/v2/${target}/blobs/uploads/?mount=${digestOf(layer)}&from=${APP}`;
    const refused = await fetch(url, { method: 'POST', headers: h.tokens.auth('dave', push(target)) });
    expect(refused.status).toBe(202);
    const mounted = await fetch(url, {
      method: 'POST',
      headers: h.tokens.auth('dave', [...push(target), ...pull(APP)]),
    });
    expect(mounted.status).toBe(201);
  });
});

describe('uploads that outlive their token', () => {
  const name = 'library/long-push';
  const body = Buffer.from('a long push'.repeat(100));
  const expiredFor = (sub: string, minutesAgo = 10) =>
    h.tokens.auth(sub, push(name), { ttlSeconds: 60, now: Date.now() - minutesAgo * 60_000 });

  async function open(sub: string): Promise<string> {
    const res = await fetch(`${h.base}/v2/${name}/blobs/uploads/`, {
      method: 'POST',
      headers: h.tokens.auth(sub, push(name)),
    });
    expect(res.status).toBe(202);
    return res.headers.get('location')!;
  }

  it('records the token subject as the session owner', async () => {
    const location = await open('alice');
    const { rows } = await h.sql.query('SELECT owner FROM upload WHERE id = $1', [location.split('/').pop()]);
    expect(rows).toEqual([{ owner: 'alice' }]);
  });

  it('lets the owner finish the session with its expired token', async () => {
    const location = await open('alice');
    const patch = await fetch(`${h.base}${location}`, {
      method: 'PATCH',
      headers: { ...expiredFor('alice'), 'Content-Type': 'application/octet-stream' },
      body: body.subarray(0, 500),
    });
    expect(patch.status).toBe(202);
    const put = await fetch(`${h.base}${location}?digest=${digestOf(body)}`, {
      method: 'PUT',
      headers: { ...expiredFor('alice'), 'Content-Type': 'application/octet-stream' },
      body: body.subarray(500),
    });
    expect(put.status).toBe(201);
    const blob = await fetch(`${h.base}/v2/${name}/blobs/${digestOf(body)}`, {
      headers: h.tokens.auth('x', pull(name)),
    });
    expect(Buffer.from(await blob.arrayBuffer())).toEqual(body);
  });

  it('refuses an expired token from anyone but the owner, past the grace, or for anything but the session', async () => {
    const location = await open('alice');
    const cases: [string, Record<string, string>][] = [
      [`${h.base}${location}`, expiredFor('mallory')],
      [`${h.base}${location}`, expiredFor('alice', 25 * 60)],
      [`${h.base}/v2/${name}/blobs/uploads/`, expiredFor('alice')],
      [`${h.base}/v2/${name}/tags/list`, expiredFor('alice')],
    ];
    for (const [url, headers] of cases) {
      const method = url.endsWith('/uploads/') ? 'POST' : 'GET';
      const res = await fetch(url, { method, headers });
      expect({ url, status: res.status }).toEqual({ url, status: 401 });
      expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
    }
    const anonymous = await fetch(`${h.base}/v2/${name}/blobs/uploads/`, {
      method: 'POST',
      headers: h.tokens.auth('', push(name)),
    });
    expect(anonymous.status).toBe(202);
    const anonymousLocation = anonymous.headers.get('location')!;
    const expiredAnonymous = await fetch(`${h.base}${anonymousLocation}`, {
      headers: h.tokens.auth('', push(name), { ttlSeconds: 60, now: Date.now() - 10 * 60_000 }),
    });
    expect(expiredAnonymous.status).toBe(401);
  });

  it('still accepts a fresh token from another pusher on the same session', async () => {
    const location = await open('alice');
    const res = await fetch(`${h.base}${location}`, { headers: h.tokens.auth('bob', push(name)) });
    expect(res.status).toBe(204);
    const all = await fetch(`${h.base}${location}`, { headers: h.tokens.auth('bob', allActions(name)) });
    expect(all.status).toBe(204);
  });
});
