/*
 * The push workflows of the OCI distribution spec (v1.1, "Push"), one test per workflow and error case, written from
 * the spec's text: monolithic (POST then PUT, or a single POST), chunked (POST, PATCH..., PUT), the streamed PATCH
 * Docker uses, cross-repository mount, progress and cancel, and the errors each step may answer.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Client } from 'pg';
import { type RegistryHarness, errorCodes, startRegistryHarness } from '../testing/registry-harness';
import { OCI_CHUNK_MIN_LENGTH } from '../handlers/upload.handler';

const digestOf = (data: Buffer | string, algorithm: 'sha256' | 'sha512' = 'sha256') =>
  `${algorithm}:${createHash(algorithm).update(data).digest('hex')}`;
const EMPTY_DIGEST = digestOf('');
/** How long a test waits for the registry to notice a client that went away mid-body. */
const ABORT_SETTLE_MS = 500;

let h: RegistryHarness;
let sql: Client;
let blobRoot: string;
let base: string;

beforeAll(async () => {
  h = await startRegistryHarness('registry_push');
  ({ sql, blobRoot, base } = h);
});

afterAll(async () => {
  await h?.close();
});

/** Opens an upload session the way the spec's chunked workflow does (POST with Content-Length: 0). */
async function startUpload(name: string): Promise<Response> {
  const res = await fetch(`${base}/v2/${name}/blobs/uploads/`, { method: 'POST', headers: { 'Content-Length': '0' } });
  expect(res.status).toBe(202);
  return res;
}

async function pull(name: string, digest: string): Promise<Buffer> {
  const res = await fetch(`${base}/v2/${name}/blobs/${digest}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('docker-content-digest')).toBe(digest);
  return Buffer.from(await res.arrayBuffer());
}

async function blobFiles(): Promise<string[]> {
  const entries = await readdir(join(blobRoot, 'blobs'), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

/** Sends a request whose body stops after `sent` of the `announced` bytes, then closes the connection. */
async function sendCutShort(method: string, path: string, announced: number, sent: Buffer): Promise<void> {
  const { port } = new URL(base);
  const socket = connect(Number(port), '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.write(
    `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n` +
      `Content-Length: ${announced}\r\n\r\n`,
  );
  socket.write(sent);
  await sleep(100);
  socket.destroy();
  await sleep(ABORT_SETTLE_MS);
}

describe('monolithic upload', () => {
  it('POST then PUT <location>?digest= with the whole blob answers 202, then 201 with the blob Location', async () => {
    const data = randomBytes(20_000);
    const digest = digestOf(data);
    const start = await startUpload('library/mono');
    const uuid = start.headers.get('docker-upload-uuid');
    const location = start.headers.get('location');
    expect(location).toBe(`/v2/library/mono/blobs/uploads/${uuid}`);
    expect(start.headers.get('blob-upload-session-id')).toBe(uuid);
    expect(start.headers.get('range')).toBe('0-0');
    expect(start.headers.get('oci-chunk-min-length')).toBe(String(OCI_CHUNK_MIN_LENGTH));

    const put = await fetch(`${base}${location}?digest=${digest}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: data,
    });

    expect(put.status).toBe(201);
    expect(put.headers.get('location')).toBe(`/v2/library/mono/blobs/${digest}`);
    expect(put.headers.get('docker-content-digest')).toBe(digest);
    expect((await pull('library/mono', digest)).equals(data)).toBe(true);
  });

  it('a single POST ?digest= with the blob answers 201 with the blob Location', async () => {
    const data = randomBytes(10_000);
    const digest = digestOf(data);

    const res = await fetch(`${base}/v2/library/single/blobs/uploads/?digest=${digest}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: data,
    });

    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/v2/library/single/blobs/${digest}`);
    expect(res.headers.get('docker-content-digest')).toBe(digest);
    expect((await pull('library/single', digest)).equals(data)).toBe(true);
  });

  it('a single POST ?digest= with an empty body stores the empty blob', async () => {
    const res = await fetch(`${base}/v2/library/empty/blobs/uploads/?digest=${EMPTY_DIGEST}`, {
      method: 'POST',
      headers: { 'Content-Length': '0' },
    });

    expect(res.status).toBe(201);
    const head = await fetch(`${base}/v2/library/empty/blobs/${EMPTY_DIGEST}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('0');
  });

  it('POST then PUT with an empty body stores a 0-byte blob', async () => {
    const start = await startUpload('library/empty-put');

    const put = await fetch(`${base}${start.headers.get('location')}?digest=${EMPTY_DIGEST}`, {
      method: 'PUT',
      headers: { 'Content-Length': '0' },
    });

    expect(put.status).toBe(201);
    expect((await pull('library/empty-put', EMPTY_DIGEST)).length).toBe(0);
  });

  it('stores a blob pushed under a sha512 digest', async () => {
    const data = randomBytes(3_000);
    const digest = digestOf(data, 'sha512');
    const start = await startUpload('library/sha512');

    const put = await fetch(`${base}${start.headers.get('location')}?digest=${digest}`, { method: 'PUT', body: data });

    expect(put.status).toBe(201);
    expect(put.headers.get('docker-content-digest')).toBe(digest);
    expect((await pull('library/sha512', digest)).equals(data)).toBe(true);
  });
});

describe('chunked upload', () => {
  it('accepts PATCH chunks in order with 202, Location and Range: 0-<end>, and closes with an empty PUT', async () => {
    const data = randomBytes(30_000);
    const digest = digestOf(data);
    let location = (await startUpload('library/chunked')).headers.get('location')!;

    for (const [start, end] of [
      [0, 9_999],
      [10_000, 29_999],
    ]) {
      const res = await fetch(`${base}${location}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/octet-stream', 'Content-Range': `${start}-${end}` },
        body: data.subarray(start, end + 1),
      });
      expect(res.status).toBe(202);
      expect(res.headers.get('range')).toBe(`0-${end}`);
      location = res.headers.get('location')!;
      expect(location).toMatch(/^\/v2\/library\/chunked\/blobs\/uploads\/[0-9a-f-]{36}$/);
    }

    const put = await fetch(`${base}${location}?digest=${digest}`, {
      method: 'PUT',
      headers: { 'Content-Length': '0' },
    });
    expect(put.status).toBe(201);
    expect(put.headers.get('location')).toBe(`/v2/library/chunked/blobs/${digest}`);
    expect((await pull('library/chunked', digest)).equals(data)).toBe(true);
  });

  it('answers GET on the upload with 204, its Location and the Range received so far', async () => {
    const start = await startUpload('library/status');
    const location = start.headers.get('location')!;
    await fetch(`${base}${location}`, {
      method: 'PATCH',
      headers: { 'Content-Range': '0-99' },
      body: randomBytes(100),
    });

    const status = await fetch(`${base}${location}`);

    expect(status.status).toBe(204);
    expect(status.headers.get('location')).toBe(location);
    expect(status.headers.get('range')).toBe('0-99');
    expect(status.headers.get('docker-upload-uuid')).toBe(start.headers.get('docker-upload-uuid'));
  });

  it('refuses an out-of-order chunk with 416, the Location and the last valid Range, and accepts the right one', async () => {
    const data = randomBytes(2_000);
    const location = (await startUpload('library/order')).headers.get('location')!;
    await fetch(`${base}${location}`, {
      method: 'PATCH',
      headers: { 'Content-Range': '0-999' },
      body: data.subarray(0, 1000),
    });

    for (const range of ['1001-1999', '0-999', '500-1499']) {
      const [start, end] = range.split('-').map(Number);
      const res = await fetch(`${base}${location}`, {
        method: 'PATCH',
        headers: { 'Content-Range': range },
        body: data.subarray(start, end + 1),
      });
      expect(res.status).toBe(416);
      expect(res.headers.get('range')).toBe('0-999');
      expect(res.headers.get('location')).toBe(location);
    }

    const next = await fetch(`${base}${location}`, {
      method: 'PATCH',
      headers: { 'Content-Range': '1000-1999' },
      body: data.subarray(1000),
    });
    expect(next.status).toBe(202);
    expect(next.headers.get('range')).toBe('0-1999');
    const put = await fetch(`${base}${location}?digest=${digestOf(data)}`, { method: 'PUT' });
    expect(put.status).toBe(201);
  });

  it('refuses a Content-Range that is not <start>-<end> with 416', async () => {
    const location = (await startUpload('library/order')).headers.get('location')!;
    for (const range of ['bytes=0-9', '0-', '9-0', 'x-y']) {
      const res = await fetch(`${base}${location}`, {
        method: 'PATCH',
        headers: { 'Content-Range': range },
        body: randomBytes(10),
      });
      expect(res.status).toBe(416);
      expect(res.headers.get('range')).toBe('0-0');
    }
  });

  it('refuses a chunk whose Content-Length differs from its Content-Range with SIZE_INVALID', async () => {
    const location = (await startUpload('library/order')).headers.get('location')!;

    const res = await fetch(`${base}${location}`, {
      method: 'PATCH',
      headers: { 'Content-Range': '0-99' },
      body: randomBytes(50),
    });

    expect(res.status).toBe(400);
    expect(await errorCodes(res)).toEqual(['SIZE_INVALID']);
    expect((await fetch(`${base}${location}`)).headers.get('range')).toBe('0-0');
  });

  it('takes the last chunk in the closing PUT', async () => {
    const data = randomBytes(5_000);
    const digest = digestOf(data);
    const location = (await startUpload('library/final')).headers.get('location')!;
    await fetch(`${base}${location}`, {
      method: 'PATCH',
      headers: { 'Content-Range': '0-2999' },
      body: data.subarray(0, 3000),
    });

    const put = await fetch(`${base}${location}?digest=${digest}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/octet-stream', 'Content-Range': '3000-4999' },
      body: data.subarray(3000),
    });

    expect(put.status).toBe(201);
    expect((await pull('library/final', digest)).equals(data)).toBe(true);
  });

  it('appends a streamed PATCH without Content-Range or Content-Length (Docker) and closes with PUT', async () => {
    const data = randomBytes(200_000);
    const digest = digestOf(data);
    const location = (await startUpload('library/streamed')).headers.get('location')!;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < data.length; offset += 16_384) {
          controller.enqueue(data.subarray(offset, offset + 16_384));
        }
        controller.close();
      },
    });

    const patch = await fetch(`${base}${location}`, { method: 'PATCH', body, duplex: 'half' } as RequestInit);

    expect(patch.status).toBe(202);
    expect(patch.headers.get('range')).toBe(`0-${data.length - 1}`);
    const put = await fetch(`${base}${patch.headers.get('location')}?digest=${digest}`, { method: 'PUT' });
    expect(put.status).toBe(201);
    expect((await pull('library/streamed', digest)).equals(data)).toBe(true);
  });

  it('cancels an upload with DELETE (204), after which the session is unknown', async () => {
    const location = (await startUpload('library/cancel')).headers.get('location')!;
    await fetch(`${base}${location}`, { method: 'PATCH', body: randomBytes(100) });

    const del = await fetch(`${base}${location}`, { method: 'DELETE' });

    expect(del.status).toBe(204);
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const res = await fetch(`${base}${location}`, { method, body: method === 'PATCH' ? 'x' : undefined });
      expect(res.status).toBe(404);
      expect(await errorCodes(res)).toEqual(['BLOB_UPLOAD_UNKNOWN']);
    }
  });
});

describe('cross-repository blob mount', () => {
  let digest: string;

  beforeAll(async () => {
    const data = randomBytes(4_000);
    digest = digestOf(data);
    const res = await fetch(`${base}/v2/library/mount-source/blobs/uploads/?digest=${digest}`, {
      method: 'POST',
      body: data,
    });
    expect(res.status).toBe(201);
  });

  it('answers 201 with the blob Location when the blob is in the `from` repository', async () => {
    const res = await fetch(
      `${base}/v2/library/mount-target/blobs/uploads/?mount=${digest}&from=library/mount-source`,
      {
        method: 'POST',
        headers: { 'Content-Length': '0' },
      },
    );

    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/v2/library/mount-target/blobs/${digest}`);
    expect(res.headers.get('docker-content-digest')).toBe(digest);
    expect((await fetch(`${base}/v2/library/mount-target/blobs/${digest}`, { method: 'HEAD' })).status).toBe(200);
  });

  it.each([
    ['the `from` repository does not have the blob', 'library/mount-other'],
    ['the `from` repository does not exist', 'library/no-such-repository'],
    ['`from` is not a repository name', 'Not..A..Name'],
  ])('falls back to a 202 upload session when %s, linking nothing', async (_label, from) => {
    await fetch(`${base}/v2/library/mount-other/blobs/uploads/?digest=${EMPTY_DIGEST}`, { method: 'POST' });

    const res = await fetch(`${base}/v2/library/mount-denied/blobs/uploads/?mount=${digest}&from=${from}`, {
      method: 'POST',
      headers: { 'Content-Length': '0' },
    });

    expect(res.status).toBe(202);
    expect(res.headers.get('location')).toMatch(/^\/v2\/library\/mount-denied\/blobs\/uploads\/[0-9a-f-]{36}$/);
    expect((await fetch(`${base}${res.headers.get('location')}`)).status).toBe(204);
    expect((await fetch(`${base}/v2/library/mount-denied/blobs/${digest}`, { method: 'HEAD' })).status).toBe(404);
  });

  it('falls back to a 202 upload session without `from` or with a malformed digest', async () => {
    for (const query of [`mount=${digest}`, `mount=sha256:nothex&from=library/mount-source`]) {
      const res = await fetch(`${base}/v2/library/mount-denied/blobs/uploads/?${query}`, { method: 'POST' });
      expect(res.status).toBe(202);
    }
  });
});

describe('push errors', () => {
  it('refuses a closing PUT whose digest does not match with DIGEST_INVALID, stores nothing and ends the session', async () => {
    const data = randomBytes(8_000);
    const wrong = digestOf('something else');
    const before = await blobFiles();
    const location = (await startUpload('library/bad')).headers.get('location')!;
    await fetch(`${base}${location}`, { method: 'PATCH', body: data });

    const put = await fetch(`${base}${location}?digest=${wrong}`, { method: 'PUT' });

    expect(put.status).toBe(400);
    expect(await errorCodes(put)).toEqual(['DIGEST_INVALID']);
    expect(await blobFiles()).toEqual(before);
    for (const digest of [wrong, digestOf(data)]) {
      expect((await fetch(`${base}/v2/library/bad/blobs/${digest}`, { method: 'HEAD' })).status).toBe(404);
    }
    expect((await fetch(`${base}${location}`)).status).toBe(404);
  });

  it('refuses a closing PUT without a digest, or with a malformed one, with DIGEST_INVALID', async () => {
    const location = (await startUpload('library/bad')).headers.get('location')!;
    for (const query of ['', '?digest=sha256:abc', `?digest=sha384:${'a'.repeat(96)}`]) {
      const res = await fetch(`${base}${location}${query}`, { method: 'PUT', body: 'x' });
      expect(res.status).toBe(400);
      expect(await errorCodes(res)).toEqual(['DIGEST_INVALID']);
    }
  });

  it('stores nothing for a single POST whose body ends before its Content-Length', async () => {
    const data = randomBytes(100_000);
    const digest = digestOf(data);
    const before = await blobFiles();

    await sendCutShort(
      'POST',
      `/v2/library/cut/blobs/uploads/?digest=${digest}`,
      data.length,
      data.subarray(0, 40_000),
    );

    expect(await blobFiles()).toEqual(before);
    expect((await fetch(`${base}/v2/library/cut/blobs/${digest}`, { method: 'HEAD' })).status).toBe(404);
  });

  it('keeps only the acknowledged bytes of a session when a PATCH body is cut short', async () => {
    const location = (await startUpload('library/cut')).headers.get('location')!;
    await fetch(`${base}${location}`, {
      method: 'PATCH',
      headers: { 'Content-Range': '0-999' },
      body: randomBytes(1000),
    });

    await sendCutShort('PATCH', location, 50_000, randomBytes(20_000));

    const status = await fetch(`${base}${location}`);
    expect(status.status).toBe(204);
    expect(status.headers.get('range')).toBe('0-999');
  });

  it('answers BLOB_UPLOAD_UNKNOWN for an unknown, malformed or expired session', async () => {
    const expired = (await startUpload('library/expired')).headers.get('docker-upload-uuid')!;
    await sql.query(`UPDATE upload SET expires_at = now() - interval '1 minute' WHERE id = $1`, [expired]);

    for (const id of [randomUUID(), 'not-a-uuid', expired]) {
      const location = `/v2/library/expired/blobs/uploads/${id}`;
      for (const [method, query] of [
        ['GET', ''],
        ['PATCH', ''],
        ['PUT', `?digest=${digestOf('x')}`],
        ['DELETE', ''],
      ]) {
        const res = await fetch(`${base}${location}${query}`, {
          method,
          body: method === 'PATCH' || method === 'PUT' ? 'x' : undefined,
        });
        expect(res.status).toBe(404);
        expect(await errorCodes(res)).toEqual(['BLOB_UPLOAD_UNKNOWN']);
      }
    }
  });

  it('does not let one repository continue an upload session of another', async () => {
    const location = (await startUpload('library/owner')).headers.get('location')!;
    const foreign = location.replace('library/owner', 'library/single');

    const res = await fetch(`${base}${foreign}`, { method: 'PATCH', body: 'x' });

    expect(res.status).toBe(404);
    expect(await errorCodes(res)).toEqual(['BLOB_UPLOAD_UNKNOWN']);
  });
});

describe('blob storage across repositories', () => {
  it('stores a blob pushed into many repositories once, and shows it only where it was pushed', async () => {
    const data = randomBytes(6_000);
    const digest = digestOf(data);
    for (const name of ['library/dedup-a', 'library/dedup-b', 'library/dedup-c']) {
      const res = await fetch(`${base}/v2/${name}/blobs/uploads/?digest=${digest}`, { method: 'POST', body: data });
      expect(res.status).toBe(201);
    }

    const hex = digest.slice('sha256:'.length);
    expect((await blobFiles()).filter((file) => file === hex)).toHaveLength(1);
    const { rows } = await sql.query('SELECT count(*)::int AS n FROM blob WHERE digest = $1', [digest]);
    expect(rows[0].n).toBe(1);
    await fetch(`${base}/v2/library/dedup-d/blobs/uploads/?digest=${EMPTY_DIGEST}`, { method: 'POST' });
    const unlinked = await fetch(`${base}/v2/library/dedup-d/blobs/${digest}`, { method: 'HEAD' });
    expect(unlinked.status).toBe(404);
  });
});
