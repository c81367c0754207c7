/*
 * Bad input: every request here breaks the distribution protocol in one way. Each must be answered with the right
 * 4xx and the spec's error code, store nothing (no registry row and no file changes), and leave the registry serving.
 * Requests that fetch would normalise or refuse to send go over raw sockets.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { MediaType } from '@berth/oci';
import { type OciErrorCode, OCI_ERRORS } from '../http/oci-error';
import { DEFAULT_IDLE_TIMEOUT_MS } from '../http/http-server';
import { type RawResponse, errorCodesOf, rawRequest, requestHead } from './raw-http';
import {
  type SeededImage,
  type TestRegistry,
  imageManifest,
  pushBlob,
  seedImage,
  sha256,
  startTestRegistry,
  stillServes,
} from './test-registry';

/** Over the 4 MiB the spec tells registries to accept, so a compliant registry may refuse it with 413. */
const FIVE_MIB = 5 * 1024 * 1024;
/** A short idle timeout so the lying Content-Length case is answered within the test. */
const TEST_IDLE_TIMEOUT_MS = 1_000;
/** How many tags the listing cases seed. */
const SEEDED_TAGS = 3;
const REPO = 'library/base';
const FRESH = 'library/fresh';

let reg: TestRegistry;
let image: SeededImage;

beforeAll(async () => {
  reg = await startTestRegistry('registry_bad_input');
  image = await seedImage(reg.base, REPO, 'v1', 'base');
  for (let i = 2; i <= SEEDED_TAGS; i++) {
    const res = await fetch(`${reg.base}/v2/${REPO}/manifests/v${i}`, {
      method: 'PUT',
      headers: { 'Content-Type': MediaType.OciManifest },
      body: image.manifest.body,
    });
    expect(res.status).toBe(201);
  }
});

afterAll(async () => {
  await reg?.close();
});

/** A response as these tests read it, from fetch or a raw socket. */
interface Answer {
  status: number;
  codes: string[];
  headers: (name: string) => string | null | undefined;
  body: string;
}

async function viaFetch(path: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(`${reg.base}${path}`, init);
  const body = await res.text();
  return { status: res.status, codes: errorCodesOf(body), headers: (n) => res.headers.get(n), body };
}

async function viaSocket(payload: string | Buffer, options: { halfClose?: boolean; timeoutMs?: number } = {}) {
  const res: RawResponse = await rawRequest(reg.port, payload, options);
  return {
    status: res.status,
    codes: errorCodesOf(res.body),
    headers: (n: string) => res.headers[n.toLowerCase()],
    body: res.body.toString(),
  } satisfies Answer;
}

/** How long a refused request's temporary file may outlive its answer. */
const CLEANUP_GRACE_MS = 2_000;

/**
 * Runs a bad request and asserts the user-visible contract: the status, the spec's code first in the error body,
 * nothing stored, and the registry still serving the seeded image afterwards.
 */
async function expectRefused(send: () => Promise<Answer>, status: number, code: OciErrorCode): Promise<Answer> {
  const before = await reg.snapshot();
  const answer = await send();
  expect({ status: answer.status, code: answer.codes[0] }).toEqual({ status, code });
  // A cut request is answered as soon as the cut is seen; removing its temporary file may finish a moment later.
  await expect.poll(() => reg.snapshot(), { timeout: CLEANUP_GRACE_MS }).toEqual(before);
  expect(await stillServes(reg.base, image)).toBe(true);
  return answer;
}

async function openSession(name = REPO): Promise<string> {
  const res = await fetch(`${reg.base}/v2/${name}/blobs/uploads/`, { method: 'POST' });
  expect(res.status).toBe(202);
  return res.headers.get('location')!;
}

describe('names that break the grammar', () => {
  const tooLong = `library/${'a'.repeat(256)}`;
  it.each(['Library/Upper', 'library/-dash', 'library/a..b', 'library/a__-b', 'library/trailing/', tooLong])(
    '%s is refused with 400 NAME_INVALID on push and pull',
    async (name) => {
      await expectRefused(() => viaFetch(`/v2/${name}/blobs/uploads/`, { method: 'POST' }), 400, 'NAME_INVALID');
      await expectRefused(() => viaFetch(`/v2/${name}/manifests/latest`), 400, 'NAME_INVALID');
    },
  );

  it.each(['library/a%20b', 'library/%C3%A4', 'library/a%00b'])('escaped %s is 400 NAME_INVALID', async (name) => {
    await expectRefused(() => viaSocket(requestHead('POST', `/v2/${name}/blobs/uploads/`)), 400, 'NAME_INVALID');
  });

  it('a push to a new repository that fails creates no repository', async () => {
    await expectRefused(
      () => viaFetch(`/v2/${FRESH}/blobs/uploads/?digest=${sha256('x')}`, { method: 'POST', body: 'not x' }),
      400,
      'DIGEST_INVALID',
    );
    await expectRefused(
      () =>
        viaFetch(`/v2/${FRESH}/manifests/v1`, {
          method: 'PUT',
          headers: { 'Content-Type': MediaType.OciManifest },
          body: '{',
        }),
      400,
      'MANIFEST_INVALID',
    );
  });
});

describe('path traversal', () => {
  it.each([
    ['GET', '/v2/library/../../etc/manifests/latest', 400, 'NAME_INVALID'],
    ['GET', '/v2/library/base/../../../etc/manifests/v1', 400, 'NAME_INVALID'],
    ['GET', '/v2/library/%2e%2e/%2e%2e/etc/manifests/latest', 400, 'NAME_INVALID'],
    ['GET', '/v2/library/%2E%2E%2F%2E%2E/manifests/latest', 400, 'NAME_INVALID'],
    ['POST', '/v2/library%2Fbase/blobs/uploads/', 400, 'NAME_INVALID'],
    ['POST', '/v2/library%2fescape%2f..%2f..%2fetc/blobs/uploads/', 400, 'NAME_INVALID'],
    ['GET', '/v2//etc/passwd/manifests/latest', 400, 'NAME_INVALID'],
    ['POST', '/v2//tmp/evil/blobs/uploads/', 400, 'NAME_INVALID'],
    ['GET', '/v2/library/base/blobs/..%2f..%2f..%2fetc%2fpasswd', 400, 'DIGEST_INVALID'],
    ['GET', '/v2/library/base/blobs/sha256:..%2F..%2F..%2Fetc%2Fpasswd', 400, 'DIGEST_INVALID'],
    ['GET', '/v2/library/base/blobs/%2e%2e', 400, 'DIGEST_INVALID'],
    ['GET', '/v2/library/base/manifests/..%2f..%2fetc%2fpasswd', 404, 'MANIFEST_UNKNOWN'],
    ['GET', '/v2/library/base/manifests/%2e%2e', 404, 'MANIFEST_UNKNOWN'],
    ['PATCH', '/v2/library/base/blobs/uploads/..%2f..%2fetc%2fpasswd', 404, 'BLOB_UPLOAD_UNKNOWN'],
    ['GET', '/v2/library/base/blobs/uploads/%2e%2e', 404, 'BLOB_UPLOAD_UNKNOWN'],
    ['GET', '/v2/library/base/manifests/v1/../../../../etc/passwd', 404, 'UNSUPPORTED'],
    ['GET', '/../../../../etc/passwd', 404, 'UNSUPPORTED'],
  ] as const)('%s %s is %i %s and reveals nothing', async (method, target, status, code) => {
    const answer = await expectRefused(
      () => viaSocket(requestHead(method, target, { 'Content-Length': 0, Connection: 'close' })),
      status,
      code,
    );
    expect(answer.body).not.toMatch(/root:/);
  });

  it('a PUT of a manifest under a traversing tag is 400 MANIFEST_INVALID', async () => {
    const body = image.manifest.body;
    const head = requestHead('PUT', `/v2/${REPO}/manifests/..%2f..%2fescape`, {
      'Content-Type': MediaType.OciManifest,
      'Content-Length': Buffer.byteLength(body),
      Connection: 'close',
    });
    await expectRefused(() => viaSocket(head + body), 400, 'MANIFEST_INVALID');
  });

  it('serves an absolute-form request target like its path', async () => {
    const answer = await viaSocket(
      requestHead('GET', `http://registry.example/v2/${REPO}/manifests/v1`, { Connection: 'close' }),
    );
    expect(answer.status).toBe(200);
    expect(answer.headers('docker-content-digest')).toBe(image.manifest.digest);
  });
});

describe('malformed or mismatched digests', () => {
  const upper = `sha256:${'A'.repeat(64)}`;
  it.each([
    'sha256:abc',
    upper,
    `sha256:${'g'.repeat(64)}`,
    `md5:${'a'.repeat(32)}`,
    'sha256',
    ':',
    '',
    'x'.repeat(300),
  ])('a monolithic upload with digest %j is 400 DIGEST_INVALID', async (digest) => {
    const q = encodeURIComponent(digest);
    await expectRefused(
      () => viaFetch(`/v2/${REPO}/blobs/uploads/?digest=${q}`, { method: 'POST', body: 'data' }),
      400,
      'DIGEST_INVALID',
    );
  });

  it('a blob whose bytes do not match its digest is 400 DIGEST_INVALID', async () => {
    const claimed = sha256('what the client claims');
    await expectRefused(
      () => viaFetch(`/v2/${REPO}/blobs/uploads/?digest=${claimed}`, { method: 'POST', body: randomBytes(2048) }),
      400,
      'DIGEST_INVALID',
    );
  });

  it('closing a session with the wrong digest is 400 DIGEST_INVALID and ends the session', async () => {
    const location = await openSession();
    await expect(
      viaFetch(`${location}?digest=${sha256('other')}`, { method: 'PUT', body: 'the bytes' }),
    ).resolves.toMatchObject({ status: 400, codes: ['DIGEST_INVALID'] });
    expect(await reg.sql.query('SELECT 1 FROM upload WHERE id = $1', [location.split('/').pop()])).toMatchObject({
      rowCount: 0,
    });
    expect((await fetch(`${reg.base}${location}`)).status).toBe(404);
  });

  it('a malformed digest in a blob path is 400 DIGEST_INVALID', async () => {
    await expectRefused(() => viaFetch(`/v2/${REPO}/blobs/sha256:xyz`), 400, 'DIGEST_INVALID');
  });

  it('a manifest pushed under a digest that is not its own is 400 DIGEST_INVALID', async () => {
    await expectRefused(
      () =>
        viaFetch(`/v2/${REPO}/manifests/${sha256('not the manifest')}`, {
          method: 'PUT',
          headers: { 'Content-Type': MediaType.OciManifest },
          body: image.manifest.body,
        }),
      400,
      'DIGEST_INVALID',
    );
  });

  it('a manifest pushed under a malformed digest reference is refused with 400', async () => {
    const answer = await viaFetch(`/v2/${REPO}/manifests/sha256:short`, {
      method: 'PUT',
      headers: { 'Content-Type': MediaType.OciManifest },
      body: image.manifest.body,
    });
    expect(answer.status).toBe(400);
    expect(['DIGEST_INVALID', 'MANIFEST_INVALID']).toContain(answer.codes[0]);
    expect(await stillServes(reg.base, image)).toBe(true);
  });
});

describe('a Content-Length that lies', () => {
  it('shorter than the body: the registry reads what was declared, which does not match the digest', async () => {
    const data = Buffer.from('0123456789');
    const head = requestHead('POST', `/v2/${REPO}/blobs/uploads/?digest=${sha256(data)}`, {
      'Content-Length': 5,
      Connection: 'close',
    });
    await expectRefused(() => viaSocket(Buffer.concat([Buffer.from(head), data])), 400, 'DIGEST_INVALID');
  });

  it('longer than the body, then the client half-closes: 400 SIZE_INVALID', async () => {
    const data = Buffer.from('0123456789');
    const head = requestHead('POST', `/v2/${REPO}/blobs/uploads/?digest=${sha256(data)}`, { 'Content-Length': 100 });
    await expectRefused(
      () => viaSocket(Buffer.concat([Buffer.from(head), data]), { halfClose: true }),
      400,
      'SIZE_INVALID',
    );
  });

  it('longer than the body while the client waits: 408 SIZE_INVALID once the connection is idle', async () => {
    reg.server.setIdleTimeout(TEST_IDLE_TIMEOUT_MS);
    try {
      const data = Buffer.from('0123456789');
      const head = requestHead('POST', `/v2/${REPO}/blobs/uploads/?digest=${sha256(data)}`, {
        'Content-Length': 100,
      });
      const started = Date.now();
      await expectRefused(() => viaSocket(Buffer.concat([Buffer.from(head), data])), 408, 'SIZE_INVALID');
      expect(Date.now() - started).toBeLessThan(TEST_IDLE_TIMEOUT_MS * 5);
    } finally {
      reg.server.setIdleTimeout(DEFAULT_IDLE_TIMEOUT_MS);
    }
  });

  it('a malformed Content-Length is refused with 400 before any body is read', async () => {
    for (const value of ['-1', '1e3', '0x10', '12, 13']) {
      const answer = await viaSocket(
        `${requestHead('POST', `/v2/${REPO}/blobs/uploads/?digest=${sha256('x')}`, { 'Content-Length': value })}x`,
      );
      expect(answer.status).toBe(400);
      expect(Object.keys(OCI_ERRORS)).toContain(answer.codes[0]);
    }
    expect(await stillServes(reg.base, image)).toBe(true);
  });
});

describe('a body cut short', () => {
  it('a monolithic upload whose connection ends mid-body is 400 SIZE_INVALID and stores nothing', async () => {
    const data = randomBytes(64 * 1024);
    const head = requestHead('POST', `/v2/${REPO}/blobs/uploads/?digest=${sha256(data)}`, {
      'Content-Length': data.length,
    });
    await expectRefused(
      () => viaSocket(Buffer.concat([Buffer.from(head), data.subarray(0, 1000)]), { halfClose: true }),
      400,
      'SIZE_INVALID',
    );
    expect((await fetch(`${reg.base}/v2/${REPO}/blobs/${sha256(data)}`, { method: 'HEAD' })).status).toBe(404);
  });

  it('a manifest whose connection ends mid-body is 400 SIZE_INVALID and stores nothing', async () => {
    const body = image.manifest.body;
    const head = requestHead('PUT', `/v2/${REPO}/manifests/cut`, {
      'Content-Type': MediaType.OciManifest,
      'Content-Length': Buffer.byteLength(body),
    });
    await expectRefused(() => viaSocket(head + body.slice(0, 40), { halfClose: true }), 400, 'SIZE_INVALID');
  });

  it('an upload whose client vanishes mid-body stores nothing and the registry keeps serving', async () => {
    const data = randomBytes(256 * 1024);
    const before = await reg.snapshot();
    const head = requestHead('POST', `/v2/${REPO}/blobs/uploads/?digest=${sha256(data)}`, {
      'Content-Length': data.length,
    });
    const answer = await rawRequest(reg.port, Buffer.concat([Buffer.from(head), data.subarray(0, 100_000)]), {
      timeoutMs: 300,
    });
    expect(answer.status).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await reg.snapshot()).toEqual(before);
    expect(await stillServes(reg.base, image)).toBe(true);
  });
});

describe('manifests', () => {
  const put = (reference: string, body: string | Buffer, contentType: string = MediaType.OciManifest) =>
    viaFetch(`/v2/${REPO}/manifests/${reference}`, { method: 'PUT', headers: { 'Content-Type': contentType }, body });

  it('a 5 MiB manifest is 413 SIZE_INVALID', async () => {
    const padded = JSON.stringify({ ...JSON.parse(image.manifest.body), annotations: { pad: 'x'.repeat(FIVE_MIB) } });
    await expectRefused(() => put('huge', padded), 413, 'SIZE_INVALID');
  });

  it('a declared 5 MiB manifest is refused with 413 before its body is sent', async () => {
    const head = requestHead('PUT', `/v2/${REPO}/manifests/huge`, {
      'Content-Type': MediaType.OciManifest,
      'Content-Length': FIVE_MIB,
    });
    await expectRefused(() => viaSocket(head, { timeoutMs: 5_000 }), 413, 'SIZE_INVALID');
  });

  it.each([
    ['truncated JSON', '{"schemaVersion": 2, "mediaType": '],
    ['a JSON string', '"manifest"'],
    ['JSON null', 'null'],
    ['an array', '[]'],
    ['an empty body', ''],
    ['deeply nested arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    [
      'schemaVersion 1',
      JSON.stringify({
        ...JSON.parse(imageManifest({ digest: sha256('c'), size: 1 }, { digest: sha256('l'), size: 1 })),
        schemaVersion: 1,
      }),
    ],
    [
      'layers that are not a list',
      JSON.stringify({ schemaVersion: 2, mediaType: MediaType.OciManifest, config: {}, layers: {} }),
    ],
  ])('%s is 400 MANIFEST_INVALID', async (_label, body) => {
    await expectRefused(() => put('invalid', body), 400, 'MANIFEST_INVALID');
  });

  it('bytes that are not UTF-8 are 400 MANIFEST_INVALID', async () => {
    const body = Buffer.from(image.manifest.body.replace('"schemaVersion"', '"schemaVersion\u00ff"'), 'latin1');
    await expectRefused(() => put('latin1', body), 400, 'MANIFEST_INVALID');
  });

  it.each(['application/vnd.example.unknown+json', 'text/plain', 'not a media type'])(
    'Content-Type %s is 400 MANIFEST_INVALID',
    async (contentType) => {
      await expectRefused(() => put('unknown-type', image.manifest.body, contentType), 400, 'MANIFEST_INVALID');
    },
  );

  it('a manifest whose mediaType field is unknown is 400 MANIFEST_INVALID', async () => {
    const body = image.manifest.body.replace(MediaType.OciManifest, 'application/vnd.example.unknown.v1+json');
    await expectRefused(
      () => put('unknown-field', body, 'application/vnd.example.unknown.v1+json'),
      400,
      'MANIFEST_INVALID',
    );
  });

  it('a descriptor with a malformed media type is 400 MANIFEST_INVALID', async () => {
    const body = image.manifest.body.replace(MediaType.OciLayerTarGzip, 'not a media type');
    await expectRefused(() => put('bad-descriptor', body), 400, 'MANIFEST_INVALID');
  });

  it('a manifest referencing a blob the repository lacks is 400 MANIFEST_BLOB_UNKNOWN', async () => {
    const body = image.manifest.body.replace(image.layer.digest, sha256('never pushed'));
    await expectRefused(() => put('orphan', body), 400, 'MANIFEST_BLOB_UNKNOWN');
  });
});

describe('ranges', () => {
  const size = () => image.layer.bytes.length;
  it.each([
    ['at the end', () => `bytes=${size()}-`],
    ['past the end', () => `bytes=${size() + 10}-${size() + 20}`],
    ['far past the end', () => 'bytes=99999999999999999999-'],
    ['an empty suffix', () => 'bytes=-0'],
  ])('a Range %s is 416 RANGE_INVALID with Content-Range bytes */size', async (_label, range) => {
    const answer = await expectRefused(
      () => viaFetch(`/v2/${REPO}/blobs/${image.layer.digest}`, { headers: { Range: range() } }),
      416,
      'RANGE_INVALID',
    );
    expect(answer.headers('content-range')).toBe(`bytes */${size()}`);
  });
});

describe('upload sessions', () => {
  it('a PATCH to an unknown upload is 404 BLOB_UPLOAD_UNKNOWN', async () => {
    for (const id of [randomUUID(), 'not-a-uuid', '00000000-0000-0000-0000-000000000000']) {
      await expectRefused(
        () => viaFetch(`/v2/${REPO}/blobs/uploads/${id}`, { method: 'PATCH', body: 'chunk' }),
        404,
        'BLOB_UPLOAD_UNKNOWN',
      );
    }
  });

  it('a PATCH or PUT to a finished upload is 404 BLOB_UPLOAD_UNKNOWN', async () => {
    const location = await openSession();
    const data = Buffer.from('finished upload');
    expect((await fetch(`${reg.base}${location}?digest=${sha256(data)}`, { method: 'PUT', body: data })).status).toBe(
      201,
    );
    await expectRefused(() => viaFetch(location, { method: 'PATCH', body: 'more' }), 404, 'BLOB_UPLOAD_UNKNOWN');
    await expectRefused(
      () => viaFetch(`${location}?digest=${sha256(data)}`, { method: 'PUT', body: data }),
      404,
      'BLOB_UPLOAD_UNKNOWN',
    );
  });

  it('a PATCH to a cancelled upload is 404 BLOB_UPLOAD_UNKNOWN', async () => {
    const location = await openSession();
    expect((await fetch(`${reg.base}${location}`, { method: 'DELETE' })).status).toBe(204);
    await expectRefused(() => viaFetch(location, { method: 'PATCH', body: 'more' }), 404, 'BLOB_UPLOAD_UNKNOWN');
  });

  it("a session is not reachable through another repository's name", async () => {
    await pushBlob(reg.base, 'library/other', Buffer.from('other repository'));
    const location = await openSession();
    const foreign = location.replace(`/v2/${REPO}/`, '/v2/library/other/');
    await expectRefused(() => viaFetch(foreign, { method: 'PATCH', body: 'chunk' }), 404, 'BLOB_UPLOAD_UNKNOWN');
  });
});

describe('a huge n', () => {
  it.each(['99999999999999999999', '1e308', String(Number.MAX_SAFE_INTEGER), '-1', 'abc'])(
    'tags/list?n=%s answers a bounded list or 400 with a spec code, never 5xx',
    async (n) => {
      const answer = await viaFetch(`/v2/${REPO}/tags/list?n=${n}`);
      if (answer.status === 200) {
        const tags = (JSON.parse(answer.body) as { tags: string[] }).tags;
        expect(tags.length).toBeLessThanOrEqual(SEEDED_TAGS);
      } else {
        expect(answer.status).toBe(400);
        expect(Object.keys(OCI_ERRORS)).toContain(answer.codes[0]);
      }
      expect(await stillServes(reg.base, image)).toBe(true);
    },
  );

  it.each(['99999999999999999999', '1e308', '-1'])('_catalog?n=%s answers a bounded list or 400', async (n) => {
    const answer = await viaFetch(`/v2/_catalog?n=${n}`);
    if (answer.status === 200) {
      const repositories = (JSON.parse(answer.body) as { repositories: string[] }).repositories;
      expect(repositories).toContain(REPO);
    } else {
      expect(answer.status).toBe(400);
      expect(Object.keys(OCI_ERRORS)).toContain(answer.codes[0]);
    }
  });
});

describe('a last holding NUL', () => {
  it.each([`/v2/${REPO}/tags/list?n=2&last=%00`, '/v2/_catalog?n=2&last=a%00b'])(
    '%s is 400 UNSUPPORTED and the registry keeps serving',
    async (path) => {
      const answer = await viaFetch(path);
      expect(answer.status).toBe(400);
      expect(answer.codes).toEqual(['UNSUPPORTED']);
      expect(await stillServes(reg.base, image)).toBe(true);
    },
  );
});

describe('malformed HTTP', () => {
  it.each([
    ['a header line without a colon', 'GET /v2/ HTTP/1.1\r\nHost: x\r\nnot a header\r\n\r\n', 400],
    [
      'two Content-Lengths',
      requestHead('POST', `/v2/${REPO}/blobs/uploads/`, { 'Content-Length': 1 }).replace(
        '\r\n\r\n',
        '\r\nContent-Length: 2\r\n\r\n',
      ),
      400,
    ],
    ['headers over the limit', requestHead('GET', '/v2/', { 'X-Padding': 'p'.repeat(64 * 1024) }), 431],
  ])('%s is answered %i with an OCI error body', async (_label, payload, status) => {
    const answer = await viaSocket(payload);
    expect(answer.status).toBe(status);
    expect(answer.codes).toHaveLength(1);
    expect(await stillServes(reg.base, image)).toBe(true);
  });

  it('an unknown method on a known path is 405 UNSUPPORTED with Allow', async () => {
    const answer = await viaSocket(requestHead('PROPFIND', `/v2/${REPO}/manifests/v1`, { Connection: 'close' }));
    expect(answer.status).toBe(405);
    expect(answer.codes).toEqual(['UNSUPPORTED']);
    expect(answer.headers('allow')).toContain('GET');
  });
});
