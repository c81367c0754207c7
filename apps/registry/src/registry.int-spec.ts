import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { execFile, spawn } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { type Client } from 'pg';
import { startRegistry } from './bootstrap';
import { type RegistryHarness, errorCodes, startRegistryHarness } from './testing/registry-harness';
import { MediaType } from '@berth/oci';

const ROOT = resolve(__dirname, '../../..');
const sha256 = (data: Buffer | string) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

let h: RegistryHarness;
let sql: Client;
let blobRoot: string;
let base: string;

beforeAll(async () => {
  h = await startRegistryHarness('registry_int');
  ({ sql, blobRoot, base } = h);
  await sql.query(`INSERT INTO project (name) VALUES ('team')`);
});

afterAll(async () => {
  await h?.close();
});

async function pushBlob(name: string, data: Buffer): Promise<string> {
  const digest = sha256(data);
  const res = await fetch(`${base}/v2/${name}/blobs/uploads/?digest=${digest}`, { method: 'POST', body: data });
  expect(res.status).toBe(201);
  return digest;
}

async function putManifest(name: string, reference: string, body: string, contentType: string): Promise<Response> {
  return fetch(`${base}/v2/${name}/manifests/${reference}`, {
    method: 'PUT',
    headers: { 'Content-Type': contentType },
    body,
  });
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function count(table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const { rows } = await sql.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return rows[0].n;
}

describe('base endpoints', () => {
  it('GET /v2/ answers 200 {} with the API version header', async () => {
    const res = await fetch(`${base}/v2/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('docker-distribution-api-version')).toBe('registry/2.0');
    expect(await res.json()).toEqual({});
  });

  it('GET /health reports database and storage healthy', async () => {
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; components: { name: string; status: string }[] };
    expect(body.status).toBe('healthy');
    expect(body.components.map((c) => [c.name, c.status])).toEqual([
      ['database', 'healthy'],
      ['storage', 'healthy'],
    ]);
  });

  it('echoes X-Request-Id and makes one up when absent', async () => {
    const given = await fetch(`${base}/v2/`, { headers: { 'X-Request-Id': 'req-123' } });
    expect(given.headers.get('x-request-id')).toBe('req-123');
    const made = await fetch(`${base}/v2/`);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown endpoint with 404 UNSUPPORTED and a wrong method with 405', async () => {
    const unknown = await fetch(`${base}/v2/library/demo/attestations/${sha256('x')}`);
    expect(unknown.status).toBe(404);
    expect(await errorCodes(unknown)).toEqual(['UNSUPPORTED']);
    const wrongMethod = await fetch(`${base}/v2/`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('blob uploads', () => {
  it('stores a monolithic POST ?digest= upload and serves it back', async () => {
    const data = randomBytes(10_000);
    const digest = sha256(data);
    const res = await fetch(`${base}/v2/library/mono/blobs/uploads/?digest=${digest}`, { method: 'POST', body: data });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/v2/library/mono/blobs/${digest}`);
    expect(res.headers.get('docker-content-digest')).toBe(digest);

    const head = await fetch(`${base}/v2/library/mono/blobs/${digest}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('10000');
    expect(head.headers.get('docker-content-digest')).toBe(digest);
    expect(head.headers.get('content-type')).toBe('application/octet-stream');

    const get = await fetch(`${base}/v2/library/mono/blobs/${digest}`);
    expect(Buffer.from(await get.arrayBuffer()).equals(data)).toBe(true);
    expect(await count('blob', 'digest = $1 AND size = 10000', [digest])).toBe(1);
  });

  it('opens a session with POST and completes it with PUT ?digest=', async () => {
    const start = await fetch(`${base}/v2/library/twostep/blobs/uploads/`, { method: 'POST' });
    expect(start.status).toBe(202);
    const location = start.headers.get('location')!;
    const uuid = start.headers.get('docker-upload-uuid')!;
    expect(location).toBe(`/v2/library/twostep/blobs/uploads/${uuid}`);
    expect(start.headers.get('range')).toBe('0-0');
    const { rows } = await sql.query('SELECT expires_at > now() AS live FROM upload WHERE id = $1', [uuid]);
    expect(rows).toEqual([{ live: true }]);

    const data = randomBytes(5_000);
    const digest = sha256(data);
    const put = await fetch(`${base}${location}?digest=${digest}`, { method: 'PUT', body: data });
    expect(put.status).toBe(201);
    expect(put.headers.get('location')).toBe(`/v2/library/twostep/blobs/${digest}`);
    expect(put.headers.get('docker-content-digest')).toBe(digest);
    expect(await count('upload', 'id = $1', [uuid])).toBe(0);
    const get = await fetch(`${base}/v2/library/twostep/blobs/${digest}`);
    expect(Buffer.from(await get.arrayBuffer()).equals(data)).toBe(true);
  });

  it('accepts chunks with PATCH in order, reports progress, and refuses an out-of-order chunk with 416', async () => {
    const data = randomBytes(3_000);
    const digest = sha256(data);
    const start = await fetch(`${base}/v2/library/chunked/blobs/uploads/`, { method: 'POST' });
    let location = start.headers.get('location')!;
    const first = await fetch(`${base}${location}`, {
      method: 'PATCH',
      headers: { 'Content-Range': '0-999', 'Content-Type': 'application/octet-stream' },
      body: data.subarray(0, 1000),
    });
    expect(first.status).toBe(202);
    expect(first.headers.get('range')).toBe('0-999');
    location = first.headers.get('location')!;

    const outOfOrder = await fetch(`${base}${location}`, {
      method: 'PATCH',
      headers: { 'Content-Range': '1500-1999' },
      body: data.subarray(1500, 2000),
    });
    expect(outOfOrder.status).toBe(416);
    expect(outOfOrder.headers.get('range')).toBe('0-999');

    const second = await fetch(`${base}${location}`, { method: 'PATCH', body: data.subarray(1000) });
    expect(second.headers.get('range')).toBe('0-2999');
    const status = await fetch(`${base}${location}`);
    expect(status.status).toBe(204);
    expect(status.headers.get('range')).toBe('0-2999');

    const put = await fetch(`${base}${location}?digest=${digest}`, { method: 'PUT' });
    expect(put.status).toBe(201);
    const get = await fetch(`${base}/v2/library/chunked/blobs/${digest}`);
    expect(Buffer.from(await get.arrayBuffer()).equals(data)).toBe(true);
  });

  it('refuses a body that does not match its digest with DIGEST_INVALID and stores nothing', async () => {
    const data = randomBytes(4_000);
    const claimed = sha256('something else');
    const before = await filesUnder(blobRoot);

    const mono = await fetch(`${base}/v2/library/bad/blobs/uploads/?digest=${claimed}`, { method: 'POST', body: data });
    expect(mono.status).toBe(400);
    expect(await errorCodes(mono)).toEqual(['DIGEST_INVALID']);

    const start = await fetch(`${base}/v2/library/bad/blobs/uploads/`, { method: 'POST' });
    const put = await fetch(`${base}${start.headers.get('location')}?digest=${claimed}`, { method: 'PUT', body: data });
    expect(put.status).toBe(400);
    expect(await errorCodes(put)).toEqual(['DIGEST_INVALID']);

    for (const digest of [claimed, sha256(data)]) {
      expect(await count('blob', 'digest = $1', [digest])).toBe(0);
    }
    expect(
      await count('repository_blob rb JOIN repository r ON r.id = rb.repository_id', `r.name = 'library/bad'`),
    ).toBe(0);
    expect(await filesUnder(blobRoot)).toEqual(before);
    const head = await fetch(`${base}/v2/library/bad/blobs/${sha256(data)}`, { method: 'HEAD' });
    expect(head.status).toBe(404);
  });

  it('refuses a malformed or unsupported digest parameter with DIGEST_INVALID', async () => {
    for (const digest of ['sha256:abc', `sha384:${'a'.repeat(96)}`]) {
      const res = await fetch(`${base}/v2/library/bad/blobs/uploads/?digest=${digest}`, { method: 'POST', body: 'x' });
      expect(res.status).toBe(400);
      expect(await errorCodes(res)).toEqual(['DIGEST_INVALID']);
    }
  });

  it('answers an unknown upload session with 404 BLOB_UPLOAD_UNKNOWN', async () => {
    await pushBlob('library/sessions', Buffer.from('make the repository exist'));
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const res = await fetch(`${base}/v2/library/sessions/blobs/uploads/${id}?digest=${sha256('x')}`, {
        method: 'PUT',
        body: 'x',
      });
      expect(res.status).toBe(404);
      expect(await errorCodes(res)).toEqual(['BLOB_UPLOAD_UNKNOWN']);
    }
  });

  it('cancels a session with DELETE', async () => {
    const start = await fetch(`${base}/v2/library/sessions/blobs/uploads/`, { method: 'POST' });
    const location = start.headers.get('location')!;
    expect((await fetch(`${base}${location}`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${base}${location}`)).status).toBe(404);
  });

  it('does not serve a blob that is stored but not linked into the repository', async () => {
    const digest = await pushBlob('library/owner', randomBytes(100));
    await pushBlob('library/other', Buffer.from('other'));
    const res = await fetch(`${base}/v2/library/other/blobs/${digest}`);
    expect(res.status).toBe(404);
    expect(await errorCodes(res)).toEqual(['BLOB_UNKNOWN']);
  });

  it('serves byte ranges with 206 and refuses unsatisfiable ones with 416', async () => {
    const data = randomBytes(1_000);
    const digest = await pushBlob('library/ranges', data);
    const partial = await fetch(`${base}/v2/library/ranges/blobs/${digest}`, { headers: { Range: 'bytes=100-199' } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(partial.headers.get('content-length')).toBe('100');
    expect(Buffer.from(await partial.arrayBuffer()).equals(data.subarray(100, 200))).toBe(true);

    const suffix = await fetch(`${base}/v2/library/ranges/blobs/${digest}`, { headers: { Range: 'bytes=-10' } });
    expect(Buffer.from(await suffix.arrayBuffer()).equals(data.subarray(990))).toBe(true);

    const beyond = await fetch(`${base}/v2/library/ranges/blobs/${digest}`, { headers: { Range: 'bytes=1000-1100' } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe('bytes */1000');
  });

  it('survives concurrent pushes of the same blob', async () => {
    const data = randomBytes(50_000);
    const digest = sha256(data);
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        fetch(`${base}/v2/library/race/blobs/uploads/?digest=${digest}`, { method: 'POST', body: data }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(await count('blob', 'digest = $1', [digest])).toBe(1);
  });
});

describe('repository names', () => {
  it('refuses a push into a project that does not exist with 404 NAME_UNKNOWN', async () => {
    const res = await fetch(`${base}/v2/nosuchproject/demo/blobs/uploads/`, { method: 'POST' });
    expect(res.status).toBe(404);
    expect(await errorCodes(res)).toEqual(['NAME_UNKNOWN']);
    expect(await count('project', `name = 'nosuchproject'`)).toBe(0);
  });

  it('answers reads of an unknown repository with 404 NAME_UNKNOWN', async () => {
    const res = await fetch(`${base}/v2/library/never-pushed/manifests/latest`);
    expect(res.status).toBe(404);
    expect(await errorCodes(res)).toEqual(['NAME_UNKNOWN']);
  });

  it.each(['Library/Upper', 'library/-dash', 'library/a..b'])('refuses %s with 400 NAME_INVALID', async (name) => {
    const res = await fetch(`${base}/v2/${name}/blobs/uploads/`, { method: 'POST' });
    expect(res.status).toBe(400);
    expect(await errorCodes(res)).toEqual(['NAME_INVALID']);
  });

  it('creates nested repositories in an existing project on first push', async () => {
    await pushBlob('team/a/b/c', Buffer.from('nested'));
    expect(await count('repository', `name = 'team/a/b/c'`)).toBe(1);
  });
});

describe('manifests', () => {
  const name = 'library/demo';
  let config: string;
  let layer: string;
  let manifestBody: string;
  let manifestDigest: string;

  beforeAll(async () => {
    config = await pushBlob(name, Buffer.from('{"architecture":"amd64","os":"linux"}'));
    layer = await pushBlob(name, randomBytes(2_000));
    // Odd whitespace and key order: the registry must serve these exact bytes back.
    manifestBody = `{ "schemaVersion": 2,\n  "mediaType": "${MediaType.OciManifest}",\n  "config": {"mediaType": "${MediaType.OciConfig}", "digest": "${config}", "size": 37},\n  "layers": [ {"mediaType": "${MediaType.OciLayerTarGzip}", "digest": "${layer}", "size": 2000} ] }\n`;
    manifestDigest = sha256(manifestBody);
  });

  it('round-trips a manifest pushed by tag, by tag and by digest, with identical bytes and headers', async () => {
    const put = await putManifest(name, 'v1', manifestBody, MediaType.OciManifest);
    expect(put.status).toBe(201);
    expect(put.headers.get('location')).toBe(`/v2/${name}/manifests/${manifestDigest}`);
    expect(put.headers.get('docker-content-digest')).toBe(manifestDigest);
    expect(put.headers.get('oci-subject')).toBeNull();

    for (const reference of ['v1', manifestDigest]) {
      const get = await fetch(`${base}/v2/${name}/manifests/${reference}`, {
        headers: { Accept: MediaType.OciManifest },
      });
      expect(get.status).toBe(200);
      expect(get.headers.get('content-type')).toBe(MediaType.OciManifest);
      expect(get.headers.get('docker-content-digest')).toBe(manifestDigest);
      expect(get.headers.get('content-length')).toBe(String(Buffer.byteLength(manifestBody)));
      expect(await get.text()).toBe(manifestBody);

      const head = await fetch(`${base}/v2/${name}/manifests/${reference}`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(manifestBody)));
      expect(head.headers.get('docker-content-digest')).toBe(manifestDigest);
    }
    const { rows } = await sql.query(
      `SELECT m.config_digest, (SELECT count(*)::int FROM manifest_blob mb WHERE mb.manifest_id = m.id) AS blobs
       FROM manifest m WHERE m.digest = $1`,
      [manifestDigest],
    );
    expect(rows).toEqual([{ config_digest: config, blobs: 2 }]);
  });

  it('accepts a push by digest and refuses one whose body has another digest with DIGEST_INVALID', async () => {
    const ok = await putManifest(name, manifestDigest, manifestBody, MediaType.OciManifest);
    expect(ok.status).toBe(201);
    const wrong = await putManifest(name, sha256('other'), manifestBody, MediaType.OciManifest);
    expect(wrong.status).toBe(400);
    expect(await errorCodes(wrong)).toEqual(['DIGEST_INVALID']);
  });

  it('moves a tag to a newly pushed manifest', async () => {
    const other = manifestBody.replace('"schemaVersion": 2', '"schemaVersion": 2, "annotations": {"x": "y"}');
    expect((await putManifest(name, 'moving', manifestBody, MediaType.OciManifest)).status).toBe(201);
    expect((await putManifest(name, 'moving', other, MediaType.OciManifest)).status).toBe(201);
    const get = await fetch(`${base}/v2/${name}/manifests/moving`);
    expect(get.headers.get('docker-content-digest')).toBe(sha256(other));
    expect(await get.text()).toBe(other);
  });

  it('survives concurrent pushes of the same manifest to the same tag', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () => putManifest(name, 'race', manifestBody, MediaType.OciManifest)),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
  });

  it('stores an index with its children and their platforms', async () => {
    const index = JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.OciIndex,
      manifests: [
        {
          mediaType: MediaType.OciManifest,
          digest: manifestDigest,
          size: Buffer.byteLength(manifestBody),
          platform: { architecture: 'amd64', os: 'linux' },
        },
      ],
    });
    const put = await putManifest(name, 'multi', index, MediaType.OciIndex);
    expect(put.status).toBe(201);
    const get = await fetch(`${base}/v2/${name}/manifests/multi`);
    expect(get.headers.get('content-type')).toBe(MediaType.OciIndex);
    expect(await get.text()).toBe(index);
    const { rows } = await sql.query(
      `SELECT r.platform FROM manifest_reference r JOIN manifest p ON p.id = r.parent_id WHERE p.digest = $1`,
      [sha256(index)],
    );
    expect(rows).toEqual([{ platform: { architecture: 'amd64', os: 'linux' } }]);
  });

  it('refuses an index listing a manifest that is not in the repository with MANIFEST_BLOB_UNKNOWN', async () => {
    const missing = sha256('no such manifest');
    const index = JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.OciIndex,
      manifests: [{ mediaType: MediaType.OciManifest, digest: missing, size: 10 }],
    });
    const res = await putManifest(name, 'broken-index', index, MediaType.OciIndex);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      errors: [{ code: 'MANIFEST_BLOB_UNKNOWN', detail: { digest: missing } }],
    });
  });

  it('refuses a manifest referencing blobs not in the repository with MANIFEST_BLOB_UNKNOWN and stores nothing', async () => {
    const missing = sha256('never uploaded');
    const body = manifestBody.replace(layer, missing);
    const res = await putManifest(name, 'broken', body, MediaType.OciManifest);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      errors: [{ code: 'MANIFEST_BLOB_UNKNOWN', detail: { digest: missing } }],
    });
    expect(await count('manifest', 'digest = $1', [sha256(body)])).toBe(0);
    expect((await fetch(`${base}/v2/${name}/manifests/broken`)).status).toBe(404);
  });

  it('answers OCI-Subject for a manifest with a subject, even when the subject is absent', async () => {
    const subject = { mediaType: MediaType.OciManifest, digest: sha256('not pushed yet'), size: 12 };
    const empty = await pushBlob(name, Buffer.from('{}'));
    const artifact = JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.OciManifest,
      artifactType: 'application/vnd.example.sbom',
      config: { mediaType: MediaType.OciEmpty, digest: empty, size: 2 },
      layers: [],
      subject,
    });
    const res = await putManifest(name, sha256(artifact), artifact, MediaType.OciManifest);
    expect(res.status).toBe(201);
    expect(res.headers.get('oci-subject')).toBe(subject.digest);
    const { rows } = await sql.query('SELECT artifact_type, subject_digest FROM manifest WHERE digest = $1', [
      sha256(artifact),
    ]);
    expect(rows).toEqual([{ artifact_type: 'application/vnd.example.sbom', subject_digest: subject.digest }]);
  });

  it.each([
    ['not JSON', 'not json', MediaType.OciManifest],
    ['a media type mismatch', '', MediaType.DockerManifest],
    ['an unsupported content type', '', 'text/plain'],
  ])('refuses %s with MANIFEST_INVALID', async (_label, body, contentType) => {
    const res = await putManifest(name, 'invalid', body || manifestBody, contentType);
    expect(res.status).toBe(400);
    expect(await errorCodes(res)).toEqual(['MANIFEST_INVALID']);
  });

  it('refuses a manifest over 4 MiB with 413', async () => {
    const res = await putManifest(name, 'huge', 'x'.repeat(4 * 1024 * 1024 + 1), MediaType.OciManifest);
    expect(res.status).toBe(413);
    expect(await errorCodes(res)).toEqual(['SIZE_INVALID']);
  });

  it('answers an unknown tag or digest with 404 MANIFEST_UNKNOWN', async () => {
    for (const reference of ['nope', sha256('nope')]) {
      const res = await fetch(`${base}/v2/${name}/manifests/${reference}`);
      expect(res.status).toBe(404);
      expect(await errorCodes(res)).toEqual(['MANIFEST_UNKNOWN']);
    }
  });
});

describe('shutdown', () => {
  it('lets an in-flight upload finish while refusing new connections', async () => {
    const second = await startRegistry({ ...h.config, BERTH_REGISTRY_PORT: 0 });
    const data = randomBytes(64 * 1024);
    const digest = sha256(data);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(data.subarray(0, 1024));
        await released;
        controller.enqueue(data.subarray(1024));
        controller.close();
      },
    });
    const upload = fetch(`${second.url}/v2/library/drain/blobs/uploads/?digest=${digest}`, {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const closing = second.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(fetch(`${second.url}/v2/`)).rejects.toThrow();
    release();
    expect((await upload).status).toBe(201);
    await closing;
    const head = await fetch(`${base}/v2/library/drain/blobs/${digest}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });
});

describe('process', () => {
  it('exits 78 with one line naming the bad variable', async () => {
    const outDir = join(ROOT, 'tmp', `registry-int-build-${randomBytes(4).toString('hex')}`);
    await promisify(execFile)('node', ['tools/build/swc-build.mjs', 'apps/registry', outDir], { cwd: ROOT });
    try {
      const child = spawn('node', [join(outDir, 'apps/registry/src/main.js')], {
        env: { PATH: process.env['PATH'], DATABASE_URL: 'mysql://nope', BERTH_REGISTRY_PORT: '5000' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((done) => child.on('exit', done));
      expect(code).toBe(78);
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('DATABASE_URL');
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
